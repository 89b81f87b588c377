"""The supervisor's export as a background job: the request only queues it, a Celery worker
writes the file, and the supervisor downloads it from the job's page."""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.selectors import supervised_units, unit_labels, user_is_administrator
from jobs.registry import JobFailed, Kind, Outcome, kind_register

from . import exports, selectors
from .forms import dashboard_filters

EXPORT = "tracking.export"


def scope_key(user) -> str:
    """What the user's scope was when they asked: a file is downloaded only while it is the
    same, so nobody keeps learners that were taken out of their units since."""
    if user_is_administrator(user):
        return "administrator"
    return ",".join(str(pk) for pk in sorted(unit.pk for unit in supervised_units(user)))


def export_params(*, user, fmt: str, query: QueryDict) -> dict:
    return {"format": fmt, "query": query.urlencode(), "scope": scope_key(user)}


def _allowed(user, params: dict) -> bool:
    return selectors.user_is_supervisor(user) and params.get("scope") == scope_key(user)


def _label(params: dict) -> str:
    return _("Export du suivi (%(format)s)") % {
        "format": "Excel" if params.get("format") == "xlsx" else "CSV"
    }


def export_run(job, report) -> Outcome:
    owner, fmt = job.owner, job.params["format"]
    labels = unit_labels()
    try:
        _form, filters = dashboard_filters(
            user=owner, query=QueryDict(job.params.get("query", "")), labels=labels
        )
    except Http404:
        raise JobFailed(_("Cette unité n’est plus dans votre périmètre.")) from None
    today = timezone.localdate()
    enrollments = selectors.enrollments_filtered(user=owner, filters=filters, today=today)
    total = enrollments.count()
    limit = settings.KALAN_EXPORT_MAX_ROWS
    if total > limit:
        raise JobFailed(
            _(
                "L’export compterait %(total)d lignes, au-delà de la limite de %(limit)d. "
                "Choisissez une unité ou une formation dans les filtres, puis relancez."
            )
            % {"total": total, "limit": limit}
        )
    report(0, total)
    rows = selectors.export_rows(enrollments=enrollments, sort=filters.sort, today=today)
    handle, name = tempfile.mkstemp(suffix=f".{fmt}")
    path = Path(name)
    try:
        if fmt == "csv":
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                count = exports.csv_write(
                    rows, labels=labels, out=out, report=lambda n: report(n, total)
                )
        else:
            with os.fdopen(handle, "wb") as out:
                count = exports.xlsx_write(
                    rows, labels=labels, out=out, report=lambda n: report(n, total)
                )
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return Outcome(
        message=ngettext("%(n)d ligne exportée.", "%(n)d lignes exportées.", count) % {"n": count},
        path=path,
        filename=f"kalan-suivi-{today.isoformat()}.{fmt}",
    )


def register() -> None:
    kind_register(
        Kind(
            name=EXPORT,
            label=_label,
            run=export_run,
            allowed=_allowed,
            back_url=lambda params: (
                reverse("tracking:dashboard")
                + (f"?{params['query']}" if params.get("query") else "")
            ),
        )
    )
