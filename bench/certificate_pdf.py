"""Certificate render figures (budget: one page in 100 ms or less,
in-process): the PDF render alone, and the Open Badges 3.0 signature and verification.
Run by hand on a database with at least one certificate (after `make run` or `load_demo`
and a completed course):

    .venv/bin/python bench/certificate_pdf.py [--runs 30]

Nothing is written: the PDF bytes are rendered and dropped."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402

from certificates.models import Certificate  # noqa: E402
from certificates.openbadges import credential, keys  # noqa: E402
from certificates.openbadges.proof import verify  # noqa: E402
from certificates.pdf import certificate_pdf_render  # noqa: E402
from certificates.services import branding_get, verify_url_for  # noqa: E402


def timed(function, runs: int) -> list[float]:
    function()  # warm: fonts, templates, JSON-LD contexts
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def line(label: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return f"{label:<34} median {statistics.median(samples):7.1f} ms   p95 {p95:7.1f} ms"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    certificate = Certificate.objects.order_by("pk").first()
    if certificate is None:
        sys.exit("Aucune attestation : terminez une formation de démonstration d’abord.")
    branding = branding_get()
    url = verify_url_for(certificate)
    pdf = certificate_pdf_render(certificate=certificate, branding=branding, verify_url=url)
    print(f"Attestation {certificate.serial}, PDF de {len(pdf) / 1024:.1f} Ko, {runs} mesures")
    print(
        line(
            "PDF (WeasyPrint + QR segno)",
            timed(
                lambda: certificate_pdf_render(
                    certificate=certificate, branding=branding, verify_url=url
                ),
                runs,
            ),
        )
    )
    private_key = keys.private_key_load()
    base = settings.WAGTAILADMIN_BASE_URL

    def sign():
        return credential.credential_sign(certificate, base_url=base, private_key=private_key)

    signed = sign()
    print(line("Open Badges : signature", timed(sign, runs)))
    public_key = private_key.public_key()
    print(line("Open Badges : vérification", timed(lambda: verify(signed, public_key), runs)))


if __name__ == "__main__":
    main()
