"""Certificates in the Wagtail admin: list, revoke with a reason, reissue, regenerate all."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services, tasks
from .models import Certificate


def _require_admin(request):
    if not request.user.has_perm("certificates.change_certificate"):
        raise PermissionDenied


def certificate_list(request):
    _require_admin(request)
    query = request.GET.get("q", "").strip()[:100]
    certificates = Certificate.objects.order_by("-issued_at")
    if query:
        certificates = certificates.filter(
            Q(serial__icontains=query)
            | Q(learner_name__icontains=query)
            | Q(learner__matricule__iexact=query)
            | Q(course_title__icontains=query)
        )
    page = Paginator(certificates, 50).get_page(request.GET.get("page"))
    return TemplateResponse(request, "certificates/admin/list.html", {"page": page, "q": query})


@require_POST
def certificate_revoke(request, pk: int):
    _require_admin(request)
    certificate = get_object_or_404(Certificate, pk=pk)
    try:
        services.certificate_revoke(certificate=certificate, reason=request.POST.get("reason", ""))
    except services.CertificateError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Attestation %(serial)s révoquée.") % {"serial": certificate})
    return redirect("certificates_admin_list")


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
                learner_id=certificate.learner_id, course_id=certificate.course_id
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
