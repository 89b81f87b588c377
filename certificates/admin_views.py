"""Certificates in the Wagtail admin: list, revoke with a reason (after a confirmation page),
reissue, regenerate all."""

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

from . import services, tasks
from .models import Certificate


def _require_admin(request):
    if not request.user.has_perm("certificates.change_certificate"):
        raise PermissionDenied


class SearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Rechercher (numéro, nom, matricule, formation)"),
        required=False,
        max_length=100,
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Motif de la révocation"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Il est conservé avec l’attestation et montré aux administrateurs. La vérification "
            "publique indiquera « révoquée »."
        ),
    )

    def clean_reason(self):
        reason = " ".join(self.cleaned_data["reason"].split())
        if not reason:
            raise forms.ValidationError(_("Indiquez le motif de la révocation."))
        return reason


def certificate_list(request):
    _require_admin(request)
    search = SearchForm(request.GET)
    query = search.cleaned_data["q"].strip() if search.is_valid() else ""
    certificates = Certificate.objects.order_by("-issued_at")
    if query:
        certificates = certificates.filter(
            Q(serial__icontains=query)
            | Q(learner_name__icontains=query)
            | Q(learner__matricule__iexact=query)
            | Q(course_title__icontains=query)
        )
    page = Paginator(certificates, 50).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "certificates/admin/list.html", {"page": page, "q": query, "search_fields": search}
    )


def certificate_revoke(request, pk: int):
    """GET asks for the reason and a confirmation; POST revokes. A revocation cannot be undone
    (a new certificate can be issued instead), so it never happens in one click."""
    _require_admin(request)
    certificate = get_object_or_404(Certificate, pk=pk)
    if not certificate.is_valid:
        messages.error(
            request, _("Attestation %(serial)s déjà révoquée.") % {"serial": certificate}
        )
        return redirect("certificates_admin_list")
    form = RevokeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.certificate_revoke(certificate=certificate, reason=form.cleaned_data["reason"])
        except services.CertificateError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Attestation %(serial)s révoquée.") % {"serial": certificate}
            )
        return redirect("certificates_admin_list")
    return TemplateResponse(
        request,
        "certificates/admin/revoke.html",
        {"certificate": certificate, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_POST
def certificate_reissue(request, pk: int):
    """A valid certificate gets a new PDF; a revoked one is replaced by a new certificate."""
    _require_admin(request)
    certificate = get_object_or_404(Certificate, pk=pk)
    try:
        if certificate.is_valid:
            services.certificate_pdf_ensure(certificate=certificate, force=True)
            issued = certificate
        else:
            issued = services.certificate_issue(
                learner_id=certificate.learner_id,
                course_id=certificate.course_id,
                reissue=True,
            )
    except services.CertificateError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Attestation %(serial)s émise.") % {"serial": issued})
    return redirect("certificates_admin_list")


@require_POST
def certificates_regenerate(request):
    _require_admin(request)
    tasks.certificates_regenerate_all.delay_on_commit()
    messages.success(request, _("Les PDF de toutes les attestations valides vont être régénérés."))
    return redirect("certificates_admin_list")
