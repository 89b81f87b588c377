"""Uploads in the admin: documents and images are checked for type and size."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def _png(size=(8, 8)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "green").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_document_within_the_limits_is_accepted(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Fiche", "file": SimpleUploadedFile("fiche.pdf", b"%PDF-1.4 test")},
    )
    assert response.status_code == 302
    assert Document.objects.filter(title="Fiche").exists()


def test_an_oversized_document_is_refused_with_its_size(admin_client, settings):
    settings.KALAN_UPLOAD_MAX_SIZE = 1024
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Gros", "file": SimpleUploadedFile("gros.pdf", b"x" * 2048)},
    )
    assert response.status_code == 200
    assert "la limite est de 1,0" in response.content.decode()
    assert not Document.objects.exists()


def test_a_document_of_another_type_is_refused(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Programme", "file": SimpleUploadedFile("outil.exe", b"MZ\x90\x00")},
    )
    assert response.status_code == 200
    assert not Document.objects.exists()


def test_an_image_that_is_not_one_is_refused(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Faux", "file": SimpleUploadedFile("faux.png", b"<script>alert(1)</script>")},
    )
    assert response.status_code == 200
    assert not Image.objects.exists()


def test_svg_images_are_refused(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Logo", "file": SimpleUploadedFile("l.svg", svg)}
    )
    assert response.status_code == 200
    assert not Image.objects.exists()


def test_an_oversized_image_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Photo", "file": SimpleUploadedFile("photo.png", _png((64, 64)))},
    )
    assert response.status_code == 200
    assert not Image.objects.exists()
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Photo", "file": SimpleUploadedFile("photo.png", _png())},
    )
    assert response.status_code == 302
