"""The certificate PDF: an HTML template rendered by WeasyPrint, with an inline SVG QR code
(segno). One system font (DejaVu Sans, embedded as a subset) and a flat layout keep a render
in tens of milliseconds once WeasyPrint is warm.

The PDF is tagged, PDF/UA-1 (WeasyPrint's pdf_variant): a structure tree, the document's
language from <html lang> and its title from <title>, so that a screen reader reads it in
order, in French. Every image therefore has a text alternative (alt, or the SVG's <title>)."""

import base64
import io
import logging

import segno
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

PDF_VARIANT = "pdf/ua-1"
# Small renditions, in PNG whatever was uploaded: a signature printed 16 mm high and a logo
# 22 mm high need no more than about 300 dpi.
SIGNATURE_RENDITION = "max-600x190|format-png"
LOGO_RENDITION = "max-600x260|format-png"


def qr_svg(url: str, *, title: str = "") -> str:
    out = io.BytesIO()  # segno's SVG writer emits bytes
    segno.make(url, error="m").save(
        out, kind="svg", scale=3, border=2, xmldecl=False, svgns=True, nl=False, title=title or None
    )
    return out.getvalue().decode()


def image_data_uri(image, filter_spec: str) -> str | None:
    """A small PNG rendition of a Wagtail image as a data: URI, None without one (or when its
    file cannot be read: the certificate is still issued, without the picture)."""
    if image is None:
        return None
    from wagtail.images.models import SourceImageIOError

    try:
        rendition = image.get_rendition(filter_spec)
        with rendition.file.open("rb") as handle:
            data = handle.read()
    except (OSError, SourceImageIOError):
        logger.warning("Image %s illisible : attestation rendue sans elle.", image.pk)
        return None
    return "data:image/png;base64," + base64.b64encode(data).decode()


def certificate_html(*, certificate, branding, verify_url: str) -> str:
    """The HTML that WeasyPrint lays out, always in French (an official document)."""
    with translation.override("fr"):
        qr_title = _("Code QR de vérification : %(url)s") % {"url": verify_url}
        return render_to_string(
            "certificates/pdf.html",
            {
                "certificate": certificate,
                "branding": branding,
                "verify_url": verify_url,
                "qr": qr_svg(verify_url, title=qr_title),
                "logo": image_data_uri(branding.logo, LOGO_RENDITION) if branding else None,
                "signature": (
                    image_data_uri(branding.signature, SIGNATURE_RENDITION) if branding else None
                ),
            },
        )


def certificate_pdf_render(*, certificate, branding, verify_url: str) -> bytes:
    from weasyprint import HTML

    html = certificate_html(certificate=certificate, branding=branding, verify_url=verify_url)
    return HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)
