from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.selectors import learner_list_in_scope

from . import services
from .models import (
    CODE_LENGTH,
    Certificate,
    verification_code_display,
    verification_code_normalise,
)

VERIFY_LIMIT = 30  # look-ups per IP and per minute


def _rate_limited(request) -> bool:
    """A per-IP counter in the shared cache: guessing codes stays impractical."""
    key = f"certificates:verify:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=60)
        count = 1
    return count > VERIFY_LIMIT


def _too_many(request):
    return render(request, "certificates/too_many.html", status=429)


def verify_form(request):
    """The public form; a code typed with or without dashes, in any case, is accepted."""
    code = request.GET.get("code", "")
    error = None
    if code:
        if _rate_limited(request):
            return _too_many(request)
        normalised = verification_code_normalise(code)
        if len(normalised) == CODE_LENGTH:
            return redirect("certificates:verify_code", code=verification_code_display(normalised))
        error = _(
            "Ce code n’a pas le bon format : 20 caractères, par exemple ABCD-EFGH-JKMN-PQRS-TVWX."
        )
    return render(
        request,
        "certificates/verify_form.html",
        {"code": code, "error": error},
        status=400 if error else 200,
    )


@never_cache
def verify_code(request, code: str):
    """What the QR opens: valid or revoked, the holder, the course and the date, nothing else.
    An unknown code is a plain 404 that says nothing about other certificates."""
    if _rate_limited(request):
        return _too_many(request)
    certificate = Certificate.objects.filter(code=verification_code_normalise(code)).first()
    if certificate is None:
        return render(request, "certificates/verify_unknown.html", status=404)
    return render(request, "certificates/verify_result.html", {"certificate": certificate})


@login_required
def my_certificates(request):
    certificates = Certificate.objects.filter(learner=request.user).order_by("-issued_at")
    return render(request, "certificates/my_certificates.html", {"certificates": certificates})


@login_required
def certificate_download(request, serial: str):
    """The owner, or a supervisor of the owner's unit, downloads the PDF; anyone else gets
    404, like a certificate that does not exist."""
    certificate = Certificate.objects.filter(serial=serial).select_related("learner").first()
    if certificate is None:
        raise Http404
    allowed = certificate.learner_id == request.user.pk or (
        learner_list_in_scope(user=request.user).filter(pk=certificate.learner_id).exists()
    )
    if not allowed:
        raise Http404
    certificate = services.certificate_pdf_ensure(certificate=certificate)
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"{certificate.serial}.pdf",
        content_type="application/pdf",
    )
