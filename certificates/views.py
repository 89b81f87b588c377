import json
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import condition

from accounts.network import client_ip
from accounts.selectors import learner_list_in_scope
from accounts.throttle import throttle_hit

from . import selectors, services, verification
from .models import (
    CODE_LENGTH,
    Certificate,
    StatusList,
    verification_code_display,
    verification_code_example,
    verification_code_normalise,
)
from .openbadges import credential as ob_credential
from .openbadges import keys as ob_keys
from .openbadges.multibase import multikey_encode

VERIFY_LIMIT = 30  # look-ups per client address and per minute


def _rate_limited(request) -> bool:
    """Counts one look-up: guessing codes stays impractical, and one client never uses up
    anybody else's look-ups (the key is the real address behind the proxy)."""
    return throttle_hit(
        scope="certificates:verify",
        key=client_ip(request),
        limit=VERIFY_LIMIT,
        window=timedelta(minutes=1),
    )


def _too_many(request):
    return render(request, "certificates/too_many.html", status=429)


def verify_form(request):
    """The public form; a code typed with or without dashes, in any case, is accepted."""
    code = request.GET.get("code", "")
    error = None
    if code:
        # No count here: a well-formed code is looked up, and counted, where it redirects.
        normalised = verification_code_normalise(code)
        if len(normalised) == CODE_LENGTH:
            return redirect("certificates:verify_code", code=verification_code_display(normalised))
        error = _(
            "Ce code n’a pas le bon format : %(length)d caractères, par exemple %(example)s."
        ) % {"length": CODE_LENGTH, "example": verification_code_example()}
    return render(
        request,
        "certificates/verify_form.html",
        {"code": code, "error": error, "example": verification_code_example()},
        status=400 if error else 200,
    )


def _wants_json(request) -> bool:
    if request.GET.get("format") == "json":
        return True
    # A browser's "text/html, …, */*" prefers HTML; a client that asks for JSON only gets it.
    preferred = request.get_preferred_type(["text/html", "application/json"])
    return preferred == "application/json"


def _public_json(payload: dict, *, status: int = 200) -> JsonResponse:
    response = JsonResponse(payload, status=status, json_dumps_params={"ensure_ascii": False})
    # Public facts that any web verifier (a page on another origin) may read.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@never_cache
def verify_code(request, code: str):
    """What the QR opens: valid or revoked, the holder, the course and the date, nothing else.
    An unknown code is a plain 404 that says nothing about other certificates.

    This URL is also the `id` of the certificate's Open Badges credential, so a verifier
    checks revocation here: with ?format=json or "Accept: application/json" the same facts
    come as JSON, with the same 404 and the same rate limit."""
    response = _verify_response(request, code, as_json=_wants_json(request))
    patch_vary_headers(response, ["Accept"])
    return response


def _verify_response(request, code: str, *, as_json: bool):
    if _rate_limited(request):
        return (
            _public_json({"status": "rate_limited"}, status=429) if as_json else _too_many(request)
        )
    document = verification.document_find(verification_code_normalise(code))
    if document is None:
        if as_json:
            return _public_json({"status": "unknown"}, status=404)
        return render(request, "certificates/verify_unknown.html", status=404)
    if as_json:
        return _public_json(document.as_json())
    return render(request, "certificates/verify_result.html", {"document": document})


@login_required
def my_certificates(request):
    certificates = Certificate.objects.filter(learner=request.user).order_by("-issued_at")
    return render(request, "certificates/my_certificates.html", {"certificates": certificates})


def _certificate_for(request, serial: str) -> Certificate:
    """The owner's certificate, or one of a learner in the user's scope (supervisors of the
    unit, administrators); anyone else gets 404, like a certificate that does not exist."""
    certificate = Certificate.objects.filter(serial=serial).select_related("learner").first()
    if certificate is None:
        raise Http404
    allowed = certificate.learner_id == request.user.pk or (
        learner_list_in_scope(user=request.user).filter(pk=certificate.learner_id).exists()
    )
    if not allowed:
        raise Http404
    return certificate


def _revoked(request, certificate: Certificate):
    """A revoked certificate is no longer handed out, in any form: the PDF stored before the
    revocation carries no mark of it, and a fresh badge would verify until its status is
    checked. 410: it existed, and is gone for good."""
    return render(request, "certificates/revoked.html", {"certificate": certificate}, status=410)


@never_cache
@login_required
def certificate_download(request, serial: str):
    certificate = _certificate_for(request, serial)
    if not certificate.is_valid:
        return _revoked(request, certificate)
    certificate = services.certificate_pdf_ensure(certificate=certificate)
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"{certificate.serial}.pdf",
        content_type="application/pdf",
    )


@never_cache
@login_required
def certificate_status(request, course_id: int):
    """Whether the signed-in learner's certificate of a completed course is issued yet, for
    the completion page's script (static/js/certificate-wait.js). Only the learner's own
    completed enrollment answers; anything else is a 404."""
    if not selectors.completed_enrollment_exists(learner=request.user, course_id=course_id):
        raise Http404
    certificate = selectors.issued_certificate(learner=request.user, course_id=course_id)
    if certificate is None:
        return JsonResponse({"ready": False})
    return JsonResponse(
        {
            "ready": True,
            "pdf": reverse("certificates:download", args=[certificate.serial]),
            "verify": reverse("certificates:verify_code", args=[certificate.code_display]),
        }
    )


@never_cache
@login_required
def certificate_openbadge(request, serial: str):
    """The certificate as a signed Open Badges 3.0 credential, for the same people as the PDF.
    Signed on request: `created` is the issue time and Ed25519 is deterministic, so every
    download gives the same bytes and nothing needs storing."""
    certificate = _certificate_for(request, serial)
    if not certificate.is_valid:
        # No fresh copy of a revoked credential; copies already out fail the status check.
        return _revoked(request, certificate)
    certificate = services.status_entry_ensure(certificate=certificate)
    credential = ob_credential.credential_sign(
        certificate,
        # The configured public URL, never the request's Host: the issuer's identity and the
        # key's id must not depend on how the server was reached.
        base_url=settings.WAGTAILADMIN_BASE_URL,
        private_key=ob_keys.private_key_load(),
    )
    body = json.dumps(credential, ensure_ascii=False, indent=2).encode()
    response = HttpResponse(body, content_type="application/ld+json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{certificate.serial}-openbadge.json"'
    return response


LD_JSON = "application/ld+json"


def _public_ld_json(request, payload: dict) -> HttpResponse:
    """JSON-LD for verifiers (application/ld+json), or application/json to a client that asks
    for that only; public and readable from any origin."""
    wanted = request.get_preferred_type([LD_JSON, "application/json"]) or LD_JSON
    body = json.dumps(payload, ensure_ascii=False).encode()
    response = HttpResponse(body, content_type=f"{wanted}; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    patch_vary_headers(response, ["Accept"])
    return response


@cache_control(public=True, max_age=3600)
def issuer_profile(request):
    """The issuer's Profile as JSON-LD, with its public key (a Multikey): every proof's
    verificationMethod is the key's id here, `<this URL>#cle-1`."""
    profile = ob_credential.issuer_profile_build(
        base_url=settings.WAGTAILADMIN_BASE_URL,
        organisation=services.branding_get().organisation,
        public_key=ob_keys.private_key_load().public_key(),
    )
    return _public_ld_json(request, profile)


def _status_list_etag(request, number: int):
    status_list = StatusList.objects.filter(pk=number).only("changed_at").first()
    if status_list is None:
        return None
    # The signed bytes depend on the list's last change and on the key (a rotated key
    # re-signs it): both are in the ETag, so a conditional GET is answered without signing.
    key = multikey_encode(ob_keys.private_key_load().public_key())
    return f'"{number}-{status_list.changed_at.timestamp():.6f}-{key[-12:]}"'


# no-cache: a cache may keep the list but must ask again each time (a 304 when nothing
# changed), so a revocation shows at the very next fetch.
@cache_control(public=True, no_cache=True)
@condition(etag_func=_status_list_etag)
def status_list(request, number: int):
    """The signed BitstringStatusListCredential of list `number`: one bit per certificate,
    set when it is revoked. Built from the database on every request (revocation shows at
    once). It holds bits only: no name, code or course."""
    status_list = StatusList.objects.filter(pk=number).first()
    if status_list is None:
        raise Http404
    credential = ob_credential.status_list_sign(
        number=status_list.pk,
        length=status_list.length,
        revoked_indexes=services.status_list_revoked_indexes(status_list=status_list),
        changed_at=status_list.changed_at,
        base_url=settings.WAGTAILADMIN_BASE_URL,
        private_key=ob_keys.private_key_load(),
    )
    return _public_ld_json(request, credential)
