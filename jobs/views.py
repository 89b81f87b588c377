"""The progress page of a job and its download, for the job's owner only (404 for others)."""

import io

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .models import Job
from .registry import kind_get
from .selectors import job_created_objects, job_for_owner
from .services import JobRefused, job_create

REFRESH_SECONDS = 2


@require_GET
@never_cache
@login_required
def job_detail(request, pk: int):
    job = job_for_owner(user=request.user, pk=pk)
    kind = kind_get(job.kind)
    created, created_more = (
        job_created_objects(job=job, user=request.user)
        if job.status == Job.Status.DONE
        else ([], 0)
    )
    return render(
        request,
        "jobs/job_detail.html",
        {
            "job": job,
            "title": kind.label(job.params),
            "back_url": kind.back_url(job.params),
            # A <meta http-equiv="refresh"> is no script: the CSP allows it, and the page
            # follows the job without JavaScript. It stops once the job is over.
            "refresh": REFRESH_SECONDS if job.is_active else None,
            "downloadable": _downloadable(job),
            "created": created,
            "created_more": created_more,
            "links": _links(job) if job.status == Job.Status.DONE else [],
            "download_once": kind.download_once,
        },
    )


def _links(job: Job) -> list[dict]:
    """The links onward that the job's kind wrote; only local paths, whatever the JSON holds."""
    links = (job.outcome or {}).get("links") or []
    return [
        link
        for link in links
        if isinstance(link, dict)
        and isinstance(link.get("url"), str)
        and link["url"].startswith("/")
        and not link["url"].startswith("//")
        and link.get("label")
    ]


def _downloadable(job: Job) -> bool:
    return job.status == Job.Status.DONE and bool(job.result) and job.expires_at > timezone.now()


@require_GET
@never_cache
@login_required
def job_download(request, pk: int):
    job = job_for_owner(user=request.user, pk=pk)
    if not _downloadable(job):
        raise Http404
    if kind_get(job.kind).download_once:
        return _download_once(job)
    try:
        handle = job.result.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=job.result_name)


def _download_once(job: Job):
    stored = job.result.name
    try:
        with job.result.open("rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise Http404 from None
    # Conditional: of two simultaneous downloads, one clears the field and serves the file,
    # the other finds it cleared and gets a 404.
    if not Job.objects.filter(pk=job.pk, result=stored).update(result=""):
        raise Http404
    job.result.storage.delete(stored)
    return FileResponse(io.BytesIO(data), as_attachment=True, filename=job.result_name)


def job_start_from_form(*, request, form, kind: str, params: dict, upload=None):
    """An upload form's submission: queues its job and answers the redirect to the job's page,
    or, when the owner already has as many jobs as allowed, puts the reason on the form and
    answers None (the view then shows the form again)."""
    try:
        job = job_create(owner=request.user, kind=kind, params=params, upload=upload)
    except JobRefused as refused:
        form.add_error(None, str(refused))
        return None
    return redirect("jobs:job", pk=job.pk)
