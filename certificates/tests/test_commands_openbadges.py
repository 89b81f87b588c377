"""ob3_keygen and ob3_verify."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import LearnerFactory, UnitFactory
from certificates import services
from certificates.openbadges import MAX_DOCUMENT_BYTES, keys, multikey_encode
from certificates.tests.factories import completed_enrollment

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_keygen_if_missing_is_idempotent_and_never_overwrites(settings, tmp_path):
    path = tmp_path / "var" / "keys" / "ob3-ed25519.pem"
    settings.KALAN_OB3_KEY_PATH = path

    first = _run("ob3_keygen", "--if-missing")
    pem = path.read_bytes()
    public = multikey_encode(keys.private_key_load().public_key())
    assert "Clé Open Badges créée" in first and str(path) in first and public in first

    again = _run("ob3_keygen", "--if-missing")
    assert "Clé Open Badges existante" in again and public in again
    assert path.read_bytes() == pem

    with pytest.raises(CommandError, match="existe déjà"):
        _run("ob3_keygen")
    assert path.read_bytes() == pem

    forced = _run("ob3_keygen", "--force")
    assert path.read_bytes() != pem and public not in forced


def test_keygen_if_missing_refuses_a_damaged_key(settings, tmp_path):
    path = tmp_path / "ob3.pem"
    path.write_text("abîmée")
    settings.KALAN_OB3_KEY_PATH = path
    with pytest.raises(CommandError, match="PEM"):
        _run("ob3_keygen", "--if-missing")


@pytest.fixture
def badge_file(settings, tmp_path):
    """A certificate and its credential as the learner downloaded it."""
    settings.MEDIA_ROOT = str(tmp_path)
    learner = LearnerFactory(full_name="Awa Touré", unit=UnitFactory(name="Région de Mopti"))
    enrollment = completed_enrollment(learner=learner)
    certificate = services.certificate_issue(learner_id=learner.pk, course_id=enrollment.course_id)
    client = Client()
    client.force_login(learner)
    response = client.get(reverse("certificates:openbadge", args=[certificate.serial]))
    path = tmp_path / "badge.json"
    path.write_bytes(response.content)
    return certificate, path


def test_verify_a_good_badge(badge_file):
    certificate, path = badge_file
    output = _run("ob3_verify", str(path))
    assert "Badge valide" in output and certificate.serial in output and "Awa Touré" in output


def test_verify_a_tampered_badge(badge_file):
    _certificate, path = badge_file
    credential = json.loads(path.read_bytes())
    credential["credentialSubject"]["identifier"][0]["identityHash"] = "Moussa Coulibaly"
    path.write_text(json.dumps(credential))
    with pytest.raises(CommandError, match="Badge invalide : Signature invalide") as excinfo:
        _run("ob3_verify", str(path))
    assert excinfo.value.returncode == 1


def test_verify_a_revoked_badge(badge_file):
    certificate, path = badge_file
    services.certificate_revoke(certificate=certificate, reason="Fraude")
    with pytest.raises(CommandError, match="Badge révoqué le") as excinfo:
        _run("ob3_verify", str(path))
    assert excinfo.value.returncode == 2


def test_verify_checks_the_issuer_and_refuses_oversize_files(badge_file, settings, tmp_path):
    _certificate, path = badge_file
    # Same key, another platform URL: the proof names a key that is not this issuer's.
    settings.WAGTAILADMIN_BASE_URL = "https://autre.example"
    with pytest.raises(CommandError, match="Émetteur inattendu"):
        _run("ob3_verify", str(path))
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_DOCUMENT_BYTES + 10))
    with pytest.raises(CommandError, match="256 Ko"):
        _run("ob3_verify", str(big))
    with pytest.raises(CommandError, match="Lecture impossible"):
        _run("ob3_verify", str(tmp_path / "absent.json"))
