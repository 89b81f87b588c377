import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from courses.scores import ScoreBasis

from .widgets import ImageChooser

# Crockford's base32 without I, L, O and U: nothing a person can misread or mistype.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 20  # 20 characters of 5 bits: 100 random bits
CODE_GROUP = 4


def verification_code_new() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def verification_code_normalise(text: str) -> str:
    """What a person typed, as stored: upper case, no separators, O→0 and I/L→1. Only ASCII
    letters and digits count (str.isalnum also takes Arabic-Indic digits and full-width
    letters, which made a « well-formed » code that no certificate can have)."""
    text = "".join(ch for ch in (text or "").upper() if ch.isascii() and ch.isalnum())
    return text.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


def verification_code_display(code: str) -> str:
    return "-".join(code[i : i + CODE_GROUP] for i in range(0, len(code), CODE_GROUP))


def verification_code_example() -> str:
    """A code of the right shape for the verification form's hint and error, letters only
    (ABCD-EFGH-JKMN-PQRS-TVWX for 20 characters)."""
    letters = CODE_ALPHABET[10:]
    return verification_code_display((letters * (CODE_LENGTH // len(letters) + 1))[:CODE_LENGTH])


class CertificateQuerySet(models.QuerySet):
    """« Valid » written once: not revoked. `Certificate.is_valid` says it of one row."""

    # Also the condition of the constraint « one valid certificate per learner and course ».
    VALID = models.Q(revoked_at__isnull=True)

    def valid(self):
        return self.filter(self.VALID)

    def revoked(self):
        return self.exclude(self.VALID)


class Certificate(models.Model):
    """A completion certificate. At most one valid certificate per (learner, course); a revoked
    one stays for the record, and a reissue makes a new one."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="certificates"
    )
    serial = models.CharField(_("numéro"), max_length=32, unique=True, null=True, blank=True)
    code = models.CharField(
        _("code de vérification"),
        max_length=CODE_LENGTH,
        unique=True,
        default=verification_code_new,
    )
    learner_name = models.CharField(_("titulaire"), max_length=150)
    learner_rank = models.CharField(_("grade"), max_length=80, blank=True)
    course_title = models.CharField(_("formation"), max_length=255)
    score_percent = models.DecimalField(
        _("note (%)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    # What the figure is: certificates issued before it was recorded stated the mean of the
    # quiz grades (migration 0004 says so).
    score_basis = models.CharField(
        _("nature de la note"), max_length=20, choices=ScoreBasis.choices, blank=True
    )
    issued_at = models.DateTimeField(_("délivrée le"), auto_now_add=True)
    pdf = models.FileField(_("PDF"), upload_to="certificats/", blank=True)
    pdf_sha256 = models.CharField(_("empreinte SHA-256 du PDF"), max_length=64, blank=True)
    # Set once the learner has been told by email, so that a retried task does not tell twice.
    emailed_at = models.DateTimeField(_("envoyée par e-mail le"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("révoquée le"), null=True, blank=True)
    revoked_reason = models.TextField(_("motif de révocation"), blank=True)
    # The certificate's place in a published status list (W3C Bitstring Status List): given
    # once, when the certificate is issued or its badge first signed, and never changed, since
    # every badge already handed out points at it.
    status_list = models.ForeignKey(
        "StatusList",
        verbose_name=_("liste de statut"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    status_index = models.PositiveIntegerField(
        _("rang dans la liste de statut"), null=True, blank=True
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("attestation")
        verbose_name_plural = _("attestations")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course"],
                condition=CertificateQuerySet.VALID,
                name="certificates_one_valid_per_course",
            ),
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="certificates_one_status_bit_each"
            ),
            models.CheckConstraint(
                condition=models.Q(status_list__isnull=True, status_index__isnull=True)
                | models.Q(status_list__isnull=False, status_index__isnull=False),
                name="certificates_status_list_and_index_together",
            ),
        ]

    def __str__(self):
        return self.serial or f"#{self.pk}"

    def serial_assign(self) -> None:
        """The certificate's number, from the year it was issued and its id: set once the row
        exists (`services.certificate_issue`, in the issuing transaction)."""
        self.serial = f"CNDH-{self.issued_at:%Y}-{self.pk:06d}"

    @property
    def code_display(self) -> str:
        return verification_code_display(self.code)

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None

    @property
    def score_label(self) -> str:
        """What the figure is: « Note à l’évaluation finale » or « Moyenne des quiz »."""
        return str(ScoreBasis(self.score_basis or ScoreBasis.QUIZ_MEAN).label)

    @property
    def score_text(self) -> str:
        """The score with what it is, as every page, email and the PDF state it:
        « Note à l’évaluation finale : 85 % », « Moyenne des quiz : 82 % », or "" without one."""
        from django.template.defaultfilters import floatformat
        from django.utils.translation import gettext

        if self.score_percent is None:
            return ""
        percent = floatformat(self.score_percent, 0)
        if self.score_basis == ScoreBasis.FINAL_EVALUATION:
            return gettext("Note à l’évaluation finale : %(percent)s %%") % {"percent": percent}
        return gettext("Moyenne des quiz : %(percent)s %%") % {"percent": percent}


class StatusList(models.Model):
    """A published revocation list (W3C Bitstring Status List v1.0): one bit per certificate,
    set when it is revoked. Its public URL is /certificats/statut/<pk>/. Indexes are handed out
    in order under a row lock (`services.status_entry_ensure`); a full list gives way to a new
    one. `changed_at` moves with every revocation: it is the list credential's validFrom, so
    the signed list is the same bytes until the next revocation."""

    # The specification's minimum, so that one bit says nothing about who it is (herd privacy):
    # 131,072 bits = 16 KB before compression.
    LENGTH = 131_072

    length = models.PositiveIntegerField(_("longueur (bits)"), default=LENGTH)
    next_index = models.PositiveIntegerField(_("prochain rang libre"), default=0)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    changed_at = models.DateTimeField(_("modifiée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("liste de statut")
        verbose_name_plural = _("listes de statut")

    def __str__(self):
        return f"#{self.pk}"

    @property
    def is_full(self) -> bool:
        return self.next_index >= self.length


@register_setting(icon="doc-full")
class CertificateBranding(BaseSiteSetting):
    """What the certificate PDF shows of the issuer and who signs it. Administrators change it
    in Settings (the permission certificates.change_certificatebranding, which only the
    Administrateurs group holds: migration 0003). The signature is a Wagtail image, so only
    what its upload validation accepts (no SVG, capped size), printed from a small rendition."""

    organisation = models.CharField(
        _("organisme"),
        max_length=200,
        default="Commission nationale des droits de l’Homme du Mali (CNDH)",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signatory_name = models.CharField(
        _("nom du signataire"),
        max_length=150,
        blank=True,
        help_text=_("Vide : l’attestation ne porte que la fonction."),
    )
    signatory_title = models.CharField(
        _("fonction du signataire"),
        max_length=200,
        default="Présidence de la Commission nationale des droits de l’Homme",
    )
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de la signature"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("logo", widget=ImageChooser),
        FieldPanel("signatory_name"),
        FieldPanel("signatory_title"),
        FieldPanel("signature", widget=ImageChooser),
    ]

    class Meta:
        verbose_name = _("attestations : présentation")
