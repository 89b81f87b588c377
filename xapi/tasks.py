from celery import shared_task

from . import services


@shared_task(acks_late=True, ignore_result=True)
def outbox_flush() -> int:
    """Beat runs it every 30 s, and a burst of events nudges it (services.outbox_nudge).
    Idempotent: rows are locked while sent, and a re-sent row is a 409, counted delivered."""
    report = services.outbox_flush()
    if report.more:
        outbox_flush.delay()
    return report.sent


@shared_task(ignore_result=True)
def outbox_purge() -> int:
    """Beat runs it daily: the statements sent more than XAPI_OUTBOX_KEEP_DAYS days ago."""
    return services.outbox_purge()
