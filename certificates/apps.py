from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Attestations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses.signals import course_completed

        from . import receivers

        # Course completion queues the certificate; dispatch_uid keeps it to one connection.
        course_completed.connect(
            receivers.course_completed_queue_certificate, dispatch_uid="certificates-issue"
        )
