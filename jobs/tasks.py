"""Thin tasks: a job id in, the service does the rest."""

from celery import shared_task
from django.conf import settings

from . import services


@shared_task(
    acks_late=True,
    soft_time_limit=settings.KALAN_JOBS_SOFT_TIME_LIMIT,
    time_limit=settings.KALAN_JOBS_TIME_LIMIT,
)
def job_run(job_id: int) -> None:
    services.job_run(job_id=job_id)


@shared_task(acks_late=True)
def jobs_sweep() -> dict:
    return services.jobs_sweep()
