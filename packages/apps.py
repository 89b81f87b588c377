from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PackagesConfig(AppConfig):
    name = "packages"
    verbose_name = _("Paquets de formation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import jobs

        jobs.register()
