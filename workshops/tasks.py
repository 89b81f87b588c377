"""Celery tasks of the workshops: they take ids, read again and call a service; they are
idempotent, acknowledged late and delivered again when a worker dies."""

from datetime import timedelta

from celery import shared_task
from django.conf import settings

from . import attestations


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OSError, attestations.IntegrityError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def attestation_issue(self, participant_id: int):
    """The attestation de participation of one participation; safe to run twice or in two
    workers at once. Below the threshold, or revoked: nothing to issue."""
    try:
        attestation = attestations.attestation_issue(participant_id=participant_id)
    except attestations.AttestationError:
        return None
    return attestation.pk


@shared_task(acks_late=True)
def attestations_sweep():
    """Re-queues the participations due an attestation that still have none after a while."""
    minutes = settings.WORKSHOPS_ATTESTATIONS_SWEEP_AFTER_MINUTES
    missing = attestations.participants_missing_attestation(older_than=timedelta(minutes=minutes))
    for participant_id in missing:
        attestation_issue.delay(participant_id)
    return len(missing)
