"""Background jobs: creation with a per-user cap, the run (idempotent), and the sweep that
fails jobs whose worker died and deletes expired files."""

import logging
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.selectors import user_row_lock

from .models import Job
from .registry import JobFailed, kind_get

logger = logging.getLogger(__name__)


class JobRefused(Exception):
    """The job was not created; the message says why, in the user's language."""


@transaction.atomic
def job_create(*, owner, kind: str, params: dict, upload: UploadedFile | None = None) -> Job:
    """Queues a job for `owner`, unless they already have the maximum running or queued."""
    if kind_get(kind) is None:  # a programming error: fail here, not in the worker
        raise ValueError(f"unknown job kind {kind!r}")
    # Locking the owner's row makes two simultaneous requests count one after the other:
    # without it both would see one job and both would queue a second.
    user_row_lock(owner.pk)
    limit = settings.KALAN_JOBS_MAX_ACTIVE_PER_USER
    if Job.objects.filter(owner=owner, status__in=Job.ACTIVE).count() >= limit:
        raise JobRefused(
            ngettext(
                "Vous avez déjà %(n)d export ou import en cours. Attendez qu’il se termine "
                "avant d’en lancer un autre.",
                "Vous avez déjà %(n)d exports ou imports en cours. Attendez que l’un d’eux se "
                "termine avant d’en lancer un autre.",
                limit,
            )
            % {"n": limit}
        )
    job = Job(
        owner=owner,
        kind=kind,
        params=params,
        expires_at=timezone.now() + settings.KALAN_JOBS_RESULT_TTL,
    )
    if upload is not None:
        job.upload.save("envoi", upload, save=False)
    job.save()
    from .tasks import job_run

    job_run.delay_on_commit(job.pk)
    return job


def _progress(job_id: int):
    def report(processed: int, total: int | None) -> None:
        percent = min(99, processed * 100 // total) if total else 0
        Job.objects.filter(pk=job_id).update(processed=processed, total=total, progress=percent)

    return report


def _finish(job: Job, **values) -> None:
    values.setdefault("finished_at", timezone.now())
    for name, value in values.items():
        setattr(job, name, value)
    job.save(update_fields=list(values))


def job_run(*, job_id: int) -> None:
    """Runs a queued job once. A job that is not queued any more (done, failed, or running
    in a worker that may still be alive) is left alone: a message delivered twice does not
    run twice, and the sweep fails the jobs of dead workers."""
    with transaction.atomic():
        job = Job.objects.select_for_update().select_related("owner").filter(pk=job_id).first()
        if job is None or job.status != Job.Status.QUEUED:
            return
        job.status = Job.Status.RUNNING
        job.started_at = timezone.now()
        job.save(update_fields=["status", "started_at"])
    kind = kind_get(job.kind)
    language = getattr(job.owner, "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            if kind is None:
                raise JobFailed(
                    _("Ce type de tâche n’existe plus. Relancez depuis la page d’origine.")
                )
            outcome = kind.run(job, _progress(job.pk))
        except JobFailed as failure:
            _finish(job, status=Job.Status.FAILED, message=failure.message, errors=failure.errors)
        except SoftTimeLimitExceeded:
            _finish(
                job,
                status=Job.Status.FAILED,
                message=_(
                    "La tâche a dépassé la durée maximale de %(minutes)d minutes. Réduisez le "
                    "fichier ou filtrez l’export, puis relancez."
                )
                % {"minutes": settings.KALAN_JOBS_SOFT_TIME_LIMIT // 60},
            )
        except Exception:
            logger.exception("job %s (%s) failed", job.pk, job.kind)
            _finish(
                job,
                status=Job.Status.FAILED,
                message=_("Une erreur inattendue a interrompu la tâche. Réessayez plus tard."),
            )
        else:
            values = {"status": Job.Status.DONE, "progress": 100, "message": outcome.message}
            if outcome.errors:
                values["errors"] = outcome.errors
            if outcome.created or outcome.links:
                created: dict[str, list] = {}
                for instance in outcome.created:
                    created.setdefault(instance._meta.label_lower, []).append(instance.pk)
                values["outcome"] = {"created": created}
                if outcome.links:
                    values["outcome"]["links"] = outcome.links
            if outcome.path is not None:
                with open(outcome.path, "rb") as produced:
                    job.result.save(outcome.filename, File(produced), save=False)
                outcome.path.unlink(missing_ok=True)
                values["result"] = job.result
                values["result_name"] = outcome.filename
                values["expires_at"] = timezone.now() + settings.KALAN_JOBS_RESULT_TTL
            _finish(job, **values)
        finally:
            if job.upload:
                job.upload.delete(save=False)
                Job.objects.filter(pk=job.pk).update(upload="")


def jobs_sweep(*, now=None) -> dict:
    """Fails the jobs whose worker died or that never started, and deletes expired jobs with
    their files. Run by beat; running it twice changes nothing more."""
    now = now or timezone.now()
    # Past the hard time limit a task has been killed: nothing is running it any more.
    dead_before = now - timedelta(seconds=settings.KALAN_JOBS_TIME_LIMIT + 60)
    stale = Job.objects.filter(
        Q(status=Job.Status.RUNNING, started_at__lt=dead_before)
        | Q(status=Job.Status.QUEUED, created_at__lt=now - settings.KALAN_JOBS_QUEUED_TIMEOUT)
    ).select_related("owner")
    failed = 0
    for job in stale:
        with translation.override(getattr(job.owner, "language", "") or settings.LANGUAGE_CODE):
            message = (
                _("La tâche a été interrompue (arrêt du serveur). Relancez-la.")
                if job.status == Job.Status.RUNNING
                else _("La tâche n’a pas pu démarrer : le serveur est trop occupé. Relancez-la.")
            )
        # Conditional, so that a job that finished meanwhile keeps its outcome.
        failed += Job.objects.filter(pk=job.pk, status=job.status).update(
            status=Job.Status.FAILED, finished_at=now, message=message
        )
    deleted = 0
    for job in Job.objects.filter(expires_at__lt=now).exclude(status__in=Job.ACTIVE):
        for stored in (job.result, job.upload):
            if stored:
                stored.delete(save=False)
        job.delete()
        deleted += 1
    return {"failed": failed, "deleted": deleted}
