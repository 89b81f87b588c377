"""Attestations de participation in the Wagtail admin, for administrators (the permission
workshops.change_attestation, migration 0003): list and search, revoke with a reason after a
confirmation page, reissue after a revocation. The same forms as the course certificates'."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from certificates.admin_views import RevokeForm

from . import attestations
from .models import Attestation


def _require_admin(request):
    if not request.user.has_perm("workshops.change_attestation"):
        raise PermissionDenied


class SearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Rechercher (numéro, nom, matricule, atelier)"),
        required=False,
        max_length=100,
    )


def attestation_list(request):
    _require_admin(request)
    search = SearchForm(request.GET)
    query = search.cleaned_data["q"].strip() if search.is_valid() else ""
    rows = Attestation.objects.select_related("participant__learner").order_by("-issued_at")
    if query:
        rows = rows.filter(
            Q(serial__icontains=query)
            | Q(learner_name__icontains=query)
            | Q(participant__learner__matricule__iexact=query)
            | Q(workshop_title__icontains=query)
        )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "workshops/admin/attestation_list.html",
        {"page": page, "q": query, "search_fields": search},
    )


def attestation_revoke(request, pk: int):
    """GET asks for the reason and a confirmation; POST revokes. Never in one click."""
    _require_admin(request)
    attestation = get_object_or_404(Attestation, pk=pk)
    if not attestation.is_valid:
        messages.error(
            request, _("Attestation %(serial)s déjà révoquée.") % {"serial": attestation}
        )
        return redirect("workshops_admin_attestations")
    form = RevokeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        attestations.attestation_revoke(attestation=attestation, reason=form.cleaned_data["reason"])
        messages.success(request, _("Attestation %(serial)s révoquée.") % {"serial": attestation})
        return redirect("workshops_admin_attestations")
    return TemplateResponse(
        request,
        "workshops/admin/attestation_revoke.html",
        {"attestation": attestation, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_POST
def attestation_reissue(request, pk: int):
    """A revoked attestation is replaced by a new one if the attendance still reaches the
    threshold; a valid one gets its PDF rendered again."""
    _require_admin(request)
    attestation = get_object_or_404(Attestation, pk=pk)
    try:
        if attestation.is_valid:
            issued = attestations.attestation_pdf_ensure(attestation=attestation, force=True)
        else:
            issued = attestations.attestation_issue(
                participant_id=attestation.participant_id, reissue=True
            )
    except attestations.AttestationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Attestation %(serial)s émise.") % {"serial": issued})
    return redirect("workshops_admin_attestations")
