"""Browser hardening: the Content-Security-Policy on our pages and production's cookie and
transport settings."""

import json
import re

import pytest
from django.urls import reverse

from .test_settings import run_manage

pytestmark = pytest.mark.django_db


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("name", ["accounts:login", "certificates:verify"])
def test_public_pages_forbid_inline_scripts_and_other_origins(client, name):
    policy = _policy(client.get(reverse(name)))
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert not any("unsafe" in value for values in policy.values() for value in values)


def test_templates_hold_no_inline_script_or_style_attribute():
    from pathlib import Path

    from lms.tests.test_design_system import STYLE_EXCEPTIONS

    root = Path(__file__).resolve().parents[2] / "templates"
    offenders = []
    for path in root.rglob("*.html"):
        # The admin's forks, and the PDFs drawn by WeasyPrint (never served as pages; each
        # explained in DESIGN.md).
        name = path.relative_to(root).as_posix()
        if "wagtailusers" in path.parts or name in STYLE_EXCEPTIONS:
            continue
        text = path.read_text()
        # A script file of ours (<script src=…>) is allowed by the policy; inline code is not.
        inline_script = re.search(r"<script(?![^>]*\bsrc=)", text)
        if inline_script or 'style="' in text or "<style" in text:
            offenders.append(str(path.relative_to(root)))
    assert offenders == []


def test_production_cookies_transport_and_frames():
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({k: getattr(s, k)"
        " for k in ['SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'CSRF_COOKIE_SECURE',"
        " 'SECURE_HSTS_SECONDS', 'SECURE_SSL_REDIRECT', 'X_FRAME_OPTIONS',"
        " 'SECURE_CONTENT_TYPE_NOSNIFF']}))"
    )
    result = run_manage(
        "shell", "-c", code, SECRET_KEY="k3y-" + "aZ9!qW" * 10, ALLOWED_HOSTS="kalan.example.ml"
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_SSL_REDIRECT": True,
        "X_FRAME_OPTIONS": "DENY",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
    }
