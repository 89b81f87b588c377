"""The certificate PDF: tagged (PDF/UA-1) so that screen readers read it, and signed by the
signatory set in the settings (name, title, optional signature image)."""

import base64
import io
import logging
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from pypdf import PdfReader
from pypdf.generic import BooleanObject
from wagtail.images.models import Image
from wagtail.models import Site

from certificates import services
from certificates.models import CertificateBranding
from certificates.pdf import certificate_html, certificate_pdf_render
from certificates.tests.factories import completed_enrollment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def certificate():
    enrollment = completed_enrollment()
    return services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )


@pytest.fixture
def branding():
    return CertificateBranding.for_site(Site.objects.get(is_default_site=True))


def image_make(size=(2000, 640), title="Signature"):
    out = io.BytesIO()
    PILImage.new("RGBA", size, (29, 39, 51, 255)).save(out, "PNG")
    return Image.objects.create(title=title, file=ImageFile(out, name="signature.png"))


def html_of(certificate, branding):
    return certificate_html(
        certificate=certificate, branding=branding, verify_url=services.verify_url_for(certificate)
    )


def test_the_pdf_is_tagged_with_its_language_and_title(certificate, branding, caplog):
    caplog.set_level(logging.WARNING, logger="weasyprint")
    data = certificate_pdf_render(
        certificate=certificate, branding=branding, verify_url=services.verify_url_for(certificate)
    )
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"] == BooleanObject(True)
    assert root["/Lang"] == "fr"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == BooleanObject(True)
    assert certificate.serial in reader.metadata.title
    assert certificate.learner_name in reader.metadata.title
    assert b"pdfuaid:part" in reader.xmp_metadata.stream.get_data()
    # The structure tree names the heading and gives the QR code a text alternative.
    tree = root["/StructTreeRoot"].get_object()
    kinds, alts = set(), []

    def walk(node):
        node = node.get_object()
        if not hasattr(node, "get"):
            return
        if "/S" in node:
            kinds.add(node["/S"])
        if "/Alt" in node:
            alts.append(str(node["/Alt"]))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            if hasattr(kid, "get_object"):
                walk(kid)

    walk(tree)
    assert {"/Document", "/H1", "/P", "/Figure"} <= kinds
    assert any("Code QR de vérification" in alt for alt in alts)
    # WeasyPrint logs what breaks PDF/UA (an image without alt, no lang): nothing here.
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text


def test_signatory_name_and_title(certificate, branding):
    branding.signatory_name = "Djénéba Samaké"
    branding.signatory_title = "Présidente de la CNDH"
    html = html_of(certificate, branding)
    assert '<p class="signatory-name">Djénéba Samaké</p>' in html
    assert '<p class="signatory-title">Présidente de la CNDH</p>' in html
    assert 'alt="Signature' not in html


def test_without_a_name_the_title_alone(certificate, branding):
    branding.signatory_name = ""
    branding.signatory_title = "Présidente de la CNDH"
    html = html_of(certificate, branding)
    assert "signatory-name" not in html.split("</style>")[1]
    assert "None" not in html
    sign = html.split('<div class="sign">')[1].split("</div>")[0]
    assert [line.strip() for line in sign.splitlines() if line.strip()] == [
        '<p class="signatory-title">Présidente de la CNDH</p>'
    ]
    reader = PdfReader(
        io.BytesIO(
            certificate_pdf_render(
                certificate=certificate,
                branding=branding,
                verify_url=services.verify_url_for(certificate),
            )
        )
    )
    assert "Présidente de la CNDH" in reader.pages[0].extract_text()


def test_a_signature_image_is_printed_from_a_small_rendition(certificate, branding):
    branding.signatory_name = "Djénéba Samaké"
    branding.signature = image_make(size=(2400, 900))
    html = html_of(certificate, branding)
    match = re.search(r'<img src="data:image/png;base64,([^"]+)" alt="([^"]+)">', html)
    assert match and match.group(2) == "Signature de Djénéba Samaké"
    printed = PILImage.open(io.BytesIO(base64.b64decode(match.group(1))))
    assert printed.width <= 600 and printed.height <= 190


def test_a_signature_whose_file_is_gone_leaves_the_certificate_unsigned(certificate, branding):
    branding.signature = image_make()
    branding.signature.file.storage.delete(branding.signature.file.name)
    html = html_of(certificate, branding)
    assert "data:image" not in html and branding.signatory_title in html


def test_the_signatory_is_escaped(certificate, branding):
    branding.signatory_name = '<img src=x onerror="alert(1)">'
    html = html_of(certificate, branding)
    assert "<img src=x" not in html and "&lt;img src=x" in html
