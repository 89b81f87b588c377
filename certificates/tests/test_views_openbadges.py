"""Open Badges over HTTP: the issuer profile, the credential download, the JSON status, the
status list."""

import json

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import LearnerFactory, SupervisorFactory, UnitFactory
from certificates import services
from certificates.models import StatusList
from certificates.openbadges import credential as ob_credential
from certificates.openbadges import multikey_decode, verify
from certificates.openbadges import status as ob_status
from certificates.openbadges.credential import PROFILE_CONTEXT, credential_check
from certificates.openbadges.proof import guard
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
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    assert "Accept" in response["Vary"] and response["Access-Control-Allow-Origin"] == "*"
    profile = json.loads(response.content)
    # JSON-LD in which every term expands (a safe-mode verifier drops nothing).
    assert profile["@context"] == PROFILE_CONTEXT
    guard(profile)
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
    assert credential["proof"][0]["verificationMethod"] == method["id"]
    assert credential["issuer"]["id"] == profile["id"]
    assert verify(credential, public_key)


def test_issuer_profile_as_plain_json_when_asked(certificate):
    response = Client().get(reverse("certificates:issuer"), HTTP_ACCEPT="application/json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(response.content)["@context"] == PROFILE_CONTEXT


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


# --- Status list (W3C Bitstring Status List) ----------------------------------------------


def _status_list(client=None, number=1, **headers):
    url = reverse("certificates:status_list", args=[number])
    return (client or Client()).get(url, **headers)


def _badge(certificate) -> dict:
    url = reverse("certificates:openbadge", args=[certificate.serial])
    return json.loads(_client(certificate.learner).get(url).content)


def test_badge_names_its_bit_in_the_status_list(certificate, ob3_key):
    entry = _badge(certificate)["credentialStatus"]
    list_url = f"{BASE_URL}/certificats/statut/{certificate.status_list_id}/"
    assert entry == {
        "id": f"{list_url}#{certificate.status_index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(certificate.status_index),
        "statusListCredential": list_url,
    }


def test_status_list_is_public_signed_and_shows_a_revocation_at_once(certificate, ob3_key):
    number, index = certificate.status_list_id, certificate.status_index
    response = _status_list(number=number)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "no-cache" in response["Cache-Control"] and "public" in response["Cache-Control"]
    credential = json.loads(response.content)
    assert credential["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert credential["issuer"] == f"{BASE_URL}/certificats/emetteur/"
    assert credential["validFrom"].endswith("Z")
    subject = credential["credentialSubject"]
    assert subject["type"] == "BitstringStatusList" and subject["statusPurpose"] == "revocation"
    verify(credential, ob3_key.public_key())
    bits = ob_status.list_decode(subject["encodedList"])
    assert len(bits) * 8 == StatusList.LENGTH >= 131_072
    assert not ob_status.bit_is_set(bits, index)
    # Nothing about the learner, the course or the code: bits only.
    for private in ("Awa", "Touré", certificate.course_title, certificate.code, certificate.serial):
        assert private.encode() not in response.content

    services.certificate_revoke(certificate=certificate, reason="Fraude")
    after = json.loads(_status_list(number=number).content)
    verify(after, ob3_key.public_key())
    assert ob_status.bit_is_set(
        ob_status.list_decode(after["credentialSubject"]["encodedList"]), index
    )
    assert after["validFrom"] >= credential["validFrom"]
    assert b"Fraude" not in _status_list(number=number).content


def test_status_list_answers_304_until_the_next_revocation(certificate):
    first = _status_list(number=certificate.status_list_id)
    etag = first["ETag"]
    again = _status_list(number=certificate.status_list_id, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    # Byte-identical while nothing changed (Ed25519 is deterministic, validFrom fixed).
    assert _status_list(number=certificate.status_list_id).content == first.content
    services.certificate_revoke(certificate=certificate, reason="Fraude")
    changed = _status_list(number=certificate.status_list_id, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_unknown_status_list_is_404(certificate):
    assert _status_list(number=999).status_code == 404


def test_status_list_is_signed_once_per_request_in_queries_that_do_not_grow(
    certificate, monkeypatch, django_assert_max_num_queries
):
    """Built from the database on every request, not cached: one signature for a 200, none
    for a 304, and the same few queries however many certificates are revoked. How long the
    signature takes is a bench/ figure, not an assertion here."""
    signed = []
    real_sign = ob_credential.status_list_sign

    def counting_sign(**kwargs):
        signed.append(kwargs["number"])
        return real_sign(**kwargs)

    monkeypatch.setattr(ob_credential, "status_list_sign", counting_sign)
    number = certificate.status_list_id
    with django_assert_max_num_queries(3):
        first = _status_list(number=number)
    assert first.status_code == 200 and signed == [number]
    with django_assert_max_num_queries(1):
        again = _status_list(number=number, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and signed == [number]

    for _ in range(3):
        enrollment = completed_enrollment(learner=LearnerFactory())
        other = services.certificate_issue(
            learner_id=enrollment.learner_id, course_id=enrollment.course_id
        )
        assert other.status_list_id == number
        services.certificate_revoke(certificate=other, reason="Fraude")
    with django_assert_max_num_queries(3):
        after = _status_list(number=number)
    assert after.status_code == 200 and signed == [number, number]
    assert after.content != first.content


def test_every_issued_certificate_has_its_own_bit(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    seen = set()
    for _ in range(3):
        enrollment = completed_enrollment(learner=LearnerFactory())
        issued = services.certificate_issue(
            learner_id=enrollment.learner_id, course_id=enrollment.course_id
        )
        assert issued.status_list_id is not None
        seen.add((issued.status_list_id, issued.status_index))
    assert len(seen) == 3
