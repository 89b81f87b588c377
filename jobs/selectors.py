from django.http import Http404

from .models import Job
from .registry import kind_get


def job_for_owner(*, user, pk: int) -> Job:
    """The user's own job, if its kind still lets them see it; 404 for anything else, like a
    job that does not exist."""
    job = Job.objects.filter(pk=pk, owner_id=user.pk).first()
    kind = kind_get(job.kind) if job is not None else None
    if kind is None or not kind.allowed(user, job.params):
        raise Http404
    return job
