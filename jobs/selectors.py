from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import Job
from .registry import kind_get

# A file of 2,000 questions would make a page of 2,000 links: the first ones are listed, and
# the page says how many more there are.
CREATED_SHOWN = 200


def job_for_owner(*, user, pk: int) -> Job:
    """The user's own job, if its kind still lets them see it; 404 for anything else, like a
    job that does not exist."""
    job = Job.objects.filter(pk=pk, owner_id=user.pk).first()
    kind = kind_get(job.kind) if job is not None else None
    if kind is None or not kind.allowed(user, job.params):
        raise Http404
    return job


def job_created_objects(*, job: Job, user, limit: int | None = None) -> tuple[list[dict], int]:
    """What the job created and still exists, by model, as {"title": the model's plural name,
    "items": [{"label", "url", "state"}, ...]} in creation order, with how many more were
    left out. `url` is the admin's edit page, or None when `user` may not edit the object
    (Wagtail's AdminURLFinder asks the admin's permission policy); `state` says whether a
    draft waits for review or the object is live."""
    from wagtail.admin.admin_url_finder import AdminURLFinder
    from wagtail.models import DraftStateMixin, WorkflowMixin, WorkflowState

    limit = CREATED_SHOWN if limit is None else limit
    created = (job.outcome or {}).get("created") or {}
    finder = AdminURLFinder(user)
    groups, shown_count, more = [], 0, 0
    for label, pks in created.items():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue  # a model removed since the job ran
        pks = [pk for pk in pks if isinstance(pk, int)]
        shown = pks[: max(0, limit - shown_count)]
        more += len(pks) - len(shown)
        objects = model._default_manager.in_bulk(shown)
        reviews = {}
        if issubclass(model, WorkflowMixin) and shown:
            reviews = dict(
                WorkflowState.objects.filter(
                    base_content_type=ContentType.objects.get_for_model(model),
                    object_id__in=[str(pk) for pk in shown],
                    status__in=[
                        WorkflowState.STATUS_IN_PROGRESS,
                        WorkflowState.STATUS_NEEDS_CHANGES,
                    ],
                ).values_list("object_id", "status")
            )
        items = []
        for pk in shown:
            instance = objects.get(pk)
            if instance is None:
                continue
            state = ""
            if isinstance(instance, DraftStateMixin):
                review = reviews.get(str(pk))
                if review == WorkflowState.STATUS_IN_PROGRESS:
                    state = _("Brouillon soumis à la relecture")
                elif review == WorkflowState.STATUS_NEEDS_CHANGES:
                    state = _("Brouillon : modifications demandées")
                elif instance.live:
                    state = _("En ligne")
                else:
                    state = _("Brouillon")
            items.append(
                {"label": str(instance), "url": finder.get_edit_url(instance), "state": state}
            )
        shown_count += len(shown)
        if items:
            groups.append({"title": capfirst(model._meta.verbose_name_plural), "items": items})
    return groups, more
