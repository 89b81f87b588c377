"""Thin tasks: they call services, which are idempotent, so a retry or a second beat run
changes nothing."""

from celery import shared_task

from . import services


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def assignments_apply() -> int:
    return services.assignments_apply()


@shared_task(acks_late=True)
def reminders_send_learners() -> dict:
    return services.reminders_send_learners()


@shared_task(acks_late=True)
def reminders_send_digests() -> dict:
    return services.reminders_send_digests()
