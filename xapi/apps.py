from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XapiConfig(AppConfig):
    name = "xapi"
    verbose_name = _("xAPI")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from certificates.signals import certificate_issued, certificate_revoked
        from courses.signals import course_completed, enrolled, lesson_completed
        from quizzes.signals import attempt_graded, attempt_started

        from . import receivers

        # Each fact writes its statements into the outbox, in the fact's own transaction.
        for signal, receiver in (
            (enrolled, receivers.on_enrolled),
            (lesson_completed, receivers.on_lesson_completed),
            (course_completed, receivers.on_course_completed),
            (attempt_started, receivers.on_attempt_started),
            (attempt_graded, receivers.on_attempt_graded),
            (certificate_issued, receivers.on_certificate_issued),
            (certificate_revoked, receivers.on_certificate_revoked),
        ):
            signal.connect(receiver, dispatch_uid=f"xapi-{receiver.__name__}")
