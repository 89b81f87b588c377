"""Open Badges over HTTP: the issuer profile, the credential download, the JSON status."""

import json

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import LearnerFactory, SupervisorFactory, UnitFactory
from certificates import services
from certificates.openbadges import multikey_decode, verify
from certificates.openbadges.credential import credential_check
from certificates.tests.factories import completed_enrollment

pytestmark = pytest.mark.django_db

BASE_URL = "https://kalan.example"


@pytest.fixture(autouse=True)
def public_url(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    cache.clear()  # the verification rate limit counts per IP across tests
    yield
    cache.clear()


@pytest.fixture
def certificate(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    mopti = UnitFactory(name="Région de Mopti")
    learner = LearnerFactory(full_name="Awa Touré", unit=mopti)
    enrollment = completed_enrollment(learner=learner)
    return services.certificate_issue(learner_id=learner.pk, course_id=enrollment.course_id)


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_issuer_profile_publishes_the_key_that_verifies_the_credential(certificate, ob3_key):
    response = Client().get(reverse("certificates:issuer"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    profile = response.json()
    issuer = "https://kalan.example/certificats/emetteur/"
    assert profile["id"] == issuer and profile["type"] == ["Profile"]
    assert profile["name"] == services.branding_get().organisation
    (method,) = profile["verificationMethod"]
    assert method["id"] == issuer + "#cle-1" and profile["assertionMethod"] == [method["id"]]
    assert method["type"] == "Multikey" and method["controller"] == issuer
    public_key = multikey_decode(method["publicKeyMultibase"])
    assert public_key == ob3_key.public_key()

    owner = _client(certificate.learner)
    credential = json.loads(
        owner.get(reverse("certificates:openbadge", args=[certificate.serial])).content
    )
    assert credential["proof"]["verificationMethod"] == method["id"]
    assert credential["issuer"]["id"] == profile["id"]
    assert verify(credential, public_key)


def test_credential_download(certificate, ob3_key):
    url = reverse("certificates:openbadge", args=[certificate.serial])
    assert url == f"/certificats/{certificate.serial}/openbadge.json"
    response = _client(certificate.learner).get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert response["Content-Disposition"] == (
        f'attachment; filename="{certificate.serial}-openbadge.json"'
    )
    credential = json.loads(response.content)
    assert credential["id"] == services.verify_url_for(certificate)
    assert credential_check(credential, public_key=ob3_key.public_key(), base_url=BASE_URL)
    # Signed on request, yet the same bytes every time.
    assert _client(certificate.learner).get(url).content == response.content


def test_credential_access_is_the_pdf_access(certificate):
    url = reverse("certificates:openbadge", args=[certificate.serial])
    in_scope = SupervisorFactory(supervised_units=[certificate.learner.unit])
    assert _client(in_scope).get(url).status_code == 200
    for intruder in (
        SupervisorFactory(supervised_units=[UnitFactory(name="Ségou")]),
        LearnerFactory(),
    ):
        assert _client(intruder).get(url).status_code == 404
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/connexion/" in anonymous.url
    unknown = reverse("certificates:openbadge", args=["CNDH-0000-999999"])
    assert _client(certificate.learner).get(unknown).status_code == 404


def test_revoked_certificate_has_no_badge_download(certificate):
    services.certificate_revoke(certificate=certificate, reason="Erreur de saisie")
    url = reverse("certificates:openbadge", args=[certificate.serial])
    response = _client(certificate.learner).get(url)
    assert response.status_code == 410
    assert "Attestation révoquée" in response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    mine = _client(certificate.learner).get(reverse("certificates:mine")).content.decode()
    assert url not in mine


def test_my_certificates_links_to_the_badge(certificate):
    html = _client(certificate.learner).get(reverse("certificates:mine")).content.decode()
    assert reverse("certificates:openbadge", args=[certificate.serial]) in html
    assert "Badge numérique (Open Badges 3.0)" in html


def test_verification_answers_json_when_asked(certificate):
    url = reverse("certificates:verify_code", args=[certificate.code_display])
    by_query = Client().get(url, {"format": "json"})
    by_accept = Client().get(url, HTTP_ACCEPT="application/json")
    for response in (by_query, by_accept):
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert "Accept" in response["Vary"]
    facts = by_query.json()
    assert facts == by_accept.json()
    assert facts == {
        "status": "valid",
        "revoked_at": None,
        "holder": "Awa Touré",
        "course": certificate.course_title,
        "issued_at": certificate.issued_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    # A browser still gets the page.
    browser = Client().get(url, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert browser["Content-Type"].startswith("text/html")


def test_verification_json_revoked_and_unknown(certificate):
    services.certificate_revoke(certificate=certificate, reason="Fraude")
    url = reverse("certificates:verify_code", args=[certificate.code_display])
    facts = Client().get(url, {"format": "json"}).json()
    assert facts["status"] == "revoked"
    assert facts["revoked_at"].endswith("Z") and "Fraude" not in json.dumps(facts)
    unknown = reverse("certificates:verify_code", args=["ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"])
    response = Client().get(unknown, HTTP_ACCEPT="application/json")
    assert response.status_code == 404 and response.json() == {"status": "unknown"}


def test_verification_json_shares_the_rate_limit(certificate):
    url = reverse("certificates:verify_code", args=["ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"])
    statuses = [Client().get(url, {"format": "json"}).status_code for _ in range(31)]
    assert statuses[:30] == [404] * 30 and statuses[30] == 429
