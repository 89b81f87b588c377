from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Comptes et unités")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import jobs, unit_paths  # noqa: F401 (unit_paths: its receivers)

        jobs.register()


class KalanUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for our User (matricule, full name, rank, unit)."""

    user_viewset = "accounts.viewsets.UserViewSet"
