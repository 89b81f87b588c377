from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrackingConfig(AppConfig):
    name = "tracking"
    verbose_name = _("Suivi")

    def ready(self):
        from . import jobs, receivers  # noqa: F401

        jobs.register()
