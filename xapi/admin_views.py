"""The xAPI outbox in the Wagtail admin (administrators): what waits, what was sent, what
fails and why, and « Renvoyer »."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import selectors, services
from .models import OutboxStatement

PERMISSION = "xapi.change_outboxstatement"


def _require_admin(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def outbox_list(request):
    _require_admin(request)
    status = request.GET.get("etat", OutboxStatement.Status.FAILING)
    if status not in OutboxStatement.Status.values:
        status = OutboxStatement.Status.FAILING
    counts = selectors.outbox_counts()
    tabs = [
        {"value": value, "label": label, "count": counts[value], "current": value == status}
        for value, label in OutboxStatement.Status.choices
    ]
    page = Paginator(selectors.outbox_rows(status=status), 50).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "xapi/admin/outbox.html",
        {
            "page": page,
            "tabs": tabs,
            "status": status,
            "status_label": OutboxStatement.Status(status).label,
            "failing": status == OutboxStatement.Status.FAILING,
            "configured": services.lrs_configured(),
        },
    )


@require_POST
def outbox_retry(request, pk: int):
    _require_admin(request)
    row = get_object_or_404(OutboxStatement, pk=pk)
    count = services.outbox_retry(statement_ids=[row.pk])
    if count:
        messages.success(request, _("La déclaration sera renvoyée dans un instant."))
    else:
        messages.warning(request, _("Cette déclaration a déjà été envoyée."))
    return redirect("xapi_admin_outbox")


@require_POST
def outbox_retry_failing(request):
    _require_admin(request)
    count = services.outbox_retry()
    messages.success(
        request,
        ngettext(
            "%(count)s déclaration sera renvoyée dans un instant.",
            "%(count)s déclarations seront renvoyées dans un instant.",
            count,
        )
        % {"count": count},
    )
    return redirect("xapi_admin_outbox")
