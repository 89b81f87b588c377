from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Ateliers")

    def ready(self):
        from certificates.verification import finder_register

        from .attestations import verification_find

        # The public verification form finds attestations de participation too.
        finder_register(verification_find)

        # Learning records: nothing imports workshops, so workshops fills xapi's outbox.
        if apps.is_installed("xapi"):
            from . import signals, xapi

            for signal, receiver in (
                (signals.attendance_changed, xapi.on_attendance_changed),
                (signals.paper_result_entered, xapi.on_paper_result_entered),
            ):
                signal.connect(receiver, dispatch_uid=f"workshops.xapi.{receiver.__name__}")
