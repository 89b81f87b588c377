import pytest
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import LearnerFactory, SupervisorFactory, UnitFactory
from certificates import services
from certificates.tests.factories import completed_enrollment

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    mopti = UnitFactory(name="Région de Mopti")
    learner = LearnerFactory(full_name="Awa Touré", unit=mopti)
    enrollment = completed_enrollment(learner=learner)
    return services.certificate_issue(learner_id=learner.pk, course_id=enrollment.course_id)


def test_public_verification_shows_status_number_holder_course_and_date(client, certificate):
    """The number printed on the certificate is shown, so that whoever checks a paper copy can
    match it (issue 16); nothing else about the holder is."""
    response = client.get(reverse("certificates:verify_code", args=[certificate.code_display]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Attestation valide" in html and "Awa Touré" in html
    assert certificate.course_title in html and certificate.serial in html
    assert 'class="facts"' in html
    assert "Adjudant" not in html and certificate.learner.matricule not in html


def test_form_accepts_codes_typed_loosely(client, certificate):
    typed = certificate.code.lower()
    response = client.get(reverse("certificates:verify"), {"code": typed})
    assert response.status_code == 302
    assert response.url == reverse("certificates:verify_code", args=[certificate.code_display])
    bad = client.get(reverse("certificates:verify"), {"code": "ABC"})
    assert bad.status_code == 400 and "bon format" in bad.content.decode()
    # Twenty characters of other scripts: the form's message, not a redirect to no code.
    for hostile in ("\u0661\u0662" * 10, "\uff21\uff22\uff23\uff24" * 5):
        bad = client.get(reverse("certificates:verify"), {"code": hostile})
        assert bad.status_code == 400 and "bon format" in bad.content.decode(), hostile


@pytest.mark.parametrize(
    ("length", "example"), [(20, "ABCD-EFGH-JKMN-PQRS-TVWX"), (16, "ABCD-EFGH-JKMN-PQRS")]
)
def test_form_states_the_code_length_it_checks(client, monkeypatch, length, example):
    from certificates import models, views

    monkeypatch.setattr(models, "CODE_LENGTH", length)
    monkeypatch.setattr(views, "CODE_LENGTH", length)
    bad = client.get(reverse("certificates:verify"), {"code": "ABC"})
    html = bad.content.decode()
    assert bad.status_code == 400
    assert f"le bon format : {length} caractères, par exemple {example}." in html
    assert f'placeholder="{example}"' in html
    good = client.get(reverse("certificates:verify"), {"code": "7" * length})
    assert good.status_code == 302


def test_revoked_and_unknown_codes(client, certificate):
    services.certificate_revoke(certificate=certificate, reason="Fraude")
    html = client.get(reverse("certificates:verify_code", args=[certificate.code])).content.decode()
    assert "Attestation révoquée le" in html and "Fraude" not in html
    unknown = client.get(reverse("certificates:verify_code", args=["ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"]))
    assert unknown.status_code == 404
    assert "Aucune attestation ne correspond" in unknown.content.decode()
    assert "Awa" not in unknown.content.decode()


def test_lookups_are_rate_limited_per_ip(client, certificate):
    from django.core.cache import cache

    cache.clear()
    url = reverse("certificates:verify_code", args=["ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"])
    statuses = [client.get(url).status_code for _ in range(31)]
    assert statuses[:30] == [404] * 30 and statuses[30] == 429
    other_ip = client.get(url, REMOTE_ADDR="10.9.9.9")
    assert other_ip.status_code == 404
    cache.clear()


def test_behind_the_proxy_one_client_never_uses_up_anybody_elses_lookups(client, certificate):
    """Every request reaches gunicorn from the proxy: the limit is per real client."""
    from django.core.cache import cache
    from django.test import override_settings

    cache.clear()
    url = reverse("certificates:verify_code", args=["ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"])
    via_nginx = {"REMOTE_ADDR": "10.0.0.1"}
    with override_settings(KALAN_PROXY_COUNT=1, KALAN_TRUSTED_PROXIES=["10.0.0.1"]):
        statuses = [
            client.get(url, HTTP_X_FORWARDED_FOR="203.0.113.66", **via_nginx).status_code
            for _ in range(31)
        ]
        assert statuses[:30] == [404] * 30 and statuses[30] == 429
        other = client.get(url, HTTP_X_FORWARDED_FOR="198.51.100.7", **via_nginx)
        assert other.status_code == 404
    cache.clear()


def test_a_lookup_through_the_form_counts_once(client, certificate):
    from django.core.cache import cache

    cache.clear()
    form = reverse("certificates:verify")
    statuses = [
        client.get(form, {"code": certificate.code.lower()}, follow=True).status_code
        for _ in range(30)
    ]
    assert statuses == [200] * 30
    assert client.get(form, {"code": certificate.code}, follow=True).status_code == 429
    cache.clear()


def test_download_access(certificate):
    url = reverse("certificates:download", args=[certificate.serial])
    owner = Client()
    owner.force_login(certificate.learner)
    response = owner.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")

    in_scope = Client()
    in_scope.force_login(SupervisorFactory(supervised_units=[certificate.learner.unit]))
    assert in_scope.get(url).status_code == 200

    for intruder in (
        SupervisorFactory(supervised_units=[UnitFactory(name="Ségou")]),
        LearnerFactory(),
    ):
        other = Client()
        other.force_login(intruder)
        assert other.get(url).status_code == 404
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/connexion/" in anonymous.url


def test_my_certificates_lists_only_mine(certificate):
    mine = Client()
    mine.force_login(certificate.learner)
    html = mine.get(reverse("certificates:mine")).content.decode()
    assert certificate.serial in html and certificate.code_display in html
    someone = Client()
    someone.force_login(LearnerFactory())
    assert certificate.serial not in someone.get(reverse("certificates:mine")).content.decode()


def test_a_revoked_certificate_pdf_no_longer_downloads(client, certificate):
    """The PDF stored before the revocation carries no mark of it: the holder must not be
    able to keep downloading it."""
    url = reverse("certificates:download", args=[certificate.serial])
    client.force_login(certificate.learner)
    assert client.get(url)["Content-Type"] == "application/pdf"
    services.certificate_revoke(certificate=certificate, reason="Fraude")
    response = client.get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "Attestation révoquée" in html and "ne peut plus être téléchargée" in html
    assert "Fraude" not in html
    assert not response.content.startswith(b"%PDF")
    # Someone out of scope still learns nothing, not even that it was revoked.
    client.force_login(LearnerFactory())
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("final", "module_grades", "label", "figure"),
    [
        (85, [79], "Note à l’évaluation finale", "85 %"),
        (None, [79, 85], "Moyenne des quiz", "82 %"),
    ],
)
def test_my_certificates_and_the_verification_page_state_the_pdf_score(
    client, settings, tmp_path, final, module_grades, label, figure
):
    """Issue 16, point 7: the same figure and label as the PDF, wherever the score shows."""
    from certificates.tests.factories import completed_with_grades

    settings.MEDIA_ROOT = str(tmp_path)
    enrollment = completed_with_grades(final=final, module_grades=module_grades)
    certificate = services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )
    client.force_login(certificate.learner)
    mine = client.get(reverse("certificates:mine")).content.decode()
    assert f"<p>{label} : {figure}</p>" in mine
    client.logout()
    public = client.get(reverse("certificates:verify_code", args=[certificate.code_display]))
    assert f"<dt>{label}</dt><dd>{figure}</dd>" in public.content.decode()


def test_no_score_no_score_line(client, certificate):
    client.force_login(certificate.learner)
    mine = client.get(reverse("certificates:mine")).content.decode()
    public = client.get(reverse("certificates:verify_code", args=[certificate.code_display]))
    for html in (mine, public.content.decode()):
        assert "Moyenne des quiz" not in html and "évaluation finale" not in html
