from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Ateliers")

    def ready(self):
        from certificates.verification import finder_register

        from .attestations import verification_find

        # The public verification form finds attestations de participation too.
        finder_register(verification_find)
