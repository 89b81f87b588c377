"""The refusal pages as a phone and a desktop show them (screenshots in var/screenshots/)."""

import pytest
from django.conf import settings as django_settings

from accounts.tests.factories import LearnerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"telephone": 390, "bureau": 1366}


def _shoot(page, screenshot_dir, name):
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 844})
        page.screenshot(path=screenshot_dir / f"{name}-{label}.png", full_page=True)


def test_oversized_upload_and_bad_request_pages(page, wagtail_site, settings, screenshot_dir):
    # A tiny limit, so that the sign-in form itself is too big: the browser shows the page.
    settings.KALAN_MAX_REQUEST_BODY_SIZE = 64
    page.goto("/connexion/")
    page.get_by_label("Matricule").fill("OPJ-0001" * 10)
    page.get_by_label("Mot de passe").fill("x" * 40)
    with page.expect_response("**/connexion/") as refused:
        page.locator("main").get_by_role("button", name="Se connecter").click()
    assert refused.value.status == 413
    assert page.locator("h1").inner_text() == "Envoi trop volumineux"
    _shoot(page, screenshot_dir, "erreur-413")

    response = page.goto("/recherche/?q=a%00b")
    assert response.status == 400
    assert page.locator("h1").inner_text() == "Requête invalide"
    _shoot(page, screenshot_dir, "erreur-400")


def test_revoked_certificate_page(
    page, wagtail_site, settings, screenshot_dir, client, tmp_path, base_url
):
    from certificates import services
    from certificates.tests.factories import completed_enrollment

    settings.MEDIA_ROOT = str(tmp_path)
    learner = LearnerFactory(full_name="Awa Touré")
    enrollment = completed_enrollment(learner=learner)
    certificate = services.certificate_issue(learner_id=learner.pk, course_id=enrollment.course_id)
    services.certificate_revoke(certificate=certificate, reason="Erreur de saisie")
    client.force_login(learner)
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )
    response = page.goto(f"/certificats/{certificate.serial}/pdf/")
    assert response.status == 410
    assert page.locator("h1").inner_text() == "Attestation révoquée"
    _shoot(page, screenshot_dir, "attestation-revoquee")
