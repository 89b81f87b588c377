from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Upper
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

UNIT_PATH_SEPARATOR = " › "


class Unit(MP_Node):
    """A unit of the command structure, e.g. Gendarmerie nationale › Région de Mopti ›
    Brigade de Sévaré. A supervisor of a unit sees that unit and every unit below it."""

    name = models.CharField(_("nom"), max_length=150)
    node_order_by = ["name"]

    class Meta:
        verbose_name = _("unité")
        verbose_name_plural = _("unités")

    def __str__(self):
        return self.full_path

    @cached_property
    def full_path(self) -> str:
        from .unit_paths import unit_full_path

        return unit_full_path(self)


class KalanUserManager(UserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        # Matricules are typed on phones: sign-in ignores case.
        return self.get(matricule__iexact=username)

    def _create_user(self, matricule, email, password, **extra_fields):
        user = self.model(matricule=matricule, email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, matricule, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(matricule, email or "", password, **extra_fields)

    def create_superuser(self, matricule, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(matricule, email or "", password, **extra_fields)


matricule_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9./_-]{0,31}$",
    _("Un matricule ne contient que des lettres, des chiffres et . / _ -"),
)


class User(AbstractUser):
    """An account. Officers sign in with their service number (matricule)."""

    class Language(models.TextChoices):
        FR = "fr", "Français"
        EN = "en", "English"

    username = None
    first_name = None
    last_name = None

    matricule = models.CharField(
        _("matricule"),
        max_length=32,
        unique=True,
        validators=[matricule_validator],
        help_text=_("Numéro de service, utilisé pour se connecter."),
    )
    full_name = models.CharField(_("nom complet"), max_length=150)
    rank = models.CharField(_("grade"), max_length=80, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unité"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    phone = models.CharField(_("téléphone"), max_length=32, blank=True)
    language = models.CharField(
        _("langue"), max_length=2, choices=Language.choices, default=Language.FR
    )
    supervised_units = models.ManyToManyField(
        Unit,
        verbose_name=_("unités supervisées"),
        blank=True,
        related_name="supervisors",
        help_text=_("Le superviseur voit ces unités et toutes les unités qui en dépendent."),
    )

    objects = KalanUserManager()

    USERNAME_FIELD = "matricule"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        constraints = [
            models.UniqueConstraint(Upper("matricule"), name="accounts_user_matricule_ci_unique"),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.matricule})"

    def save(self, *args, **kwargs):
        self.matricule = self.matricule.strip().upper()
        super().save(*args, **kwargs)

    def get_full_name(self):
        return self.full_name

    @property
    def unit_full_path(self) -> str:
        """The full path of the person's unit ("" without one), without reading the unit's
        row nor its ancestors' when the shared cache has it (accounts/unit_paths.py)."""
        from .unit_paths import unit_full_path

        return unit_full_path(self.unit_id) if self.unit_id else ""

    def get_short_name(self):
        return self.full_name
