from datetime import timedelta

from celery import shared_task
from django.conf import settings

from . import services


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OSError, services.IntegrityError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def certificate_issue(self, learner_id: int, course_id: int):
    """Takes ids, calls the service; safe to run twice or in two workers at once."""
    try:
        certificate = services.certificate_issue(learner_id=learner_id, course_id=course_id)
    except services.CertificateError:
        return None  # not completed (any more): nothing to issue
    return certificate.pk


@shared_task(acks_late=True)
def certificates_sweep():
    """Re-queues completed enrollments that still have no certificate after a while."""
    minutes = getattr(settings, "CERTIFICATES_SWEEP_AFTER_MINUTES", 10)
    missing = list(services.enrollments_missing_certificate(older_than=timedelta(minutes=minutes)))
    for learner_id, course_id in missing:
        certificate_issue.delay(learner_id, course_id)
    return len(missing)


@shared_task(acks_late=True)
def certificates_regenerate_all():
    """Renders every valid certificate's PDF again (after a branding change). Idempotent:
    running it twice only renders twice."""
    from .models import Certificate

    count = 0
    for certificate in Certificate.objects.valid().iterator():
        services.certificate_pdf_ensure(certificate=certificate, force=True)
        count += 1
    return count
