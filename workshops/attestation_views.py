"""The attestation de participation's PDF, for its holder (from their workshop page), the
workshop's trainers, administrators and the supervisors of the holder's units. Its public
verification is certificates' page (workshops/attestations.py registers the finder)."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import attestations


@require_GET
@never_cache
@login_required
def attestation_download(request, serial: str):
    attestation = attestations.attestation_for(user=request.user, serial=serial)
    if not attestation.is_valid:
        # 410: it existed and is gone for good; the public verification says « révoquée ».
        return render(
            request,
            "workshops/attestation_revoked.html",
            {"attestation": attestation, "workshop": attestation.participant.workshop},
            status=410,
        )
    attestation = attestations.attestation_pdf_ensure(attestation=attestation)
    return FileResponse(
        attestation.pdf.open("rb"),
        as_attachment=True,
        filename=f"{attestation.serial}.pdf",
        content_type="application/pdf",
    )
