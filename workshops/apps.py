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

        # A workshop's pre-test and post-test open to its participants on its days, even when
        # they sit in a later module of a sequential course.
        from quizzes.access import unlock_provider_register

        from .selectors import quiz_opened_to_participant

        unlock_provider_register("workshops", quiz_opened_to_participant)

        # « Mes formations » links to the workshops a person runs and lists those they take
        # part in: whether there are any is known with their roles, in the same query,
        # instead of a query of its own for everyone.
        from accounts.selectors import role_register

        from .selectors import RUNS_WORKSHOPS, TAKES_PART, runs_workshops_sql, takes_part_sql

        role_register(RUNS_WORKSHOPS, runs_workshops_sql)
        role_register(TAKES_PART, takes_part_sql)

        # Learning records: nothing imports workshops, so workshops fills xapi's outbox.
        if apps.is_installed("xapi"):
            from . import signals, xapi

            for signal, receiver in (
                (signals.attendance_changed, xapi.on_attendance_changed),
                (signals.paper_result_entered, xapi.on_paper_result_entered),
            ):
                signal.connect(receiver, dispatch_uid=f"workshops.xapi.{receiver.__name__}")
