from celery import shared_task

from . import services


@shared_task(acks_late=True)
def attempts_close_overdue():
    """Closes the attempts whose time is up, by each quiz's expiry rule. Idempotent: an
    attempt already closed is skipped, so overlapping runs do no harm."""
    return services.attempts_close_overdue()
