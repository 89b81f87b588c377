"""The sign-in warning, both lockout pages and the reset confirmation, in a real browser at
phone and desktop widths (screenshots in var/screenshots/)."""

import pytest

from accounts.tests.factories import LearnerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"phone": 390, "desktop": 1366}


def shoot(page, screenshot_dir, name):
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
        page.screenshot(path=screenshot_dir / f"{name}-{label}.png", full_page=True)


def fail_sign_in(page, matricule):
    page.goto("/connexion/")
    page.get_by_label("Matricule").fill(matricule)
    page.get_by_label("Mot de passe").fill("mauvais")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


def test_sign_in_warning_and_account_lockout(page, wagtail_site, screenshot_dir):
    LearnerFactory(matricule="OPJ-0002")
    for _ in range(4):
        fail_sign_in(page, "OPJ-0002")
    assert "après 5 échecs" in page.content()
    shoot(page, screenshot_dir, "connexion-echec")
    fail_sign_in(page, "OPJ-0002")
    assert page.locator("h1").inner_text() == "Compte temporairement bloqué"
    assert "(5 échecs)" in page.content()
    shoot(page, screenshot_dir, "connexion-bloquee-compte")


def test_address_lockout(page, wagtail_site, settings, screenshot_dir):
    settings.KALAN_SIGNIN_ADDRESS_FAILURE_LIMIT = 3
    for n in range(3):
        fail_sign_in(page, f"OPJ-{n:04d}")
    assert page.locator("h1").inner_text() == "Connexion temporairement bloquée"
    assert "3 échecs, tous matricules confondus" in page.content()
    shoot(page, screenshot_dir, "connexion-bloquee-adresse")


def test_password_reset_confirmation(page, wagtail_site, screenshot_dir):
    page.goto("/mot-de-passe-oublie/")
    page.locator("input[name=email]").fill("personne@example.ml")
    page.get_by_role("button", name="Envoyer le lien").click()
    page.wait_for_url("**/mot-de-passe-oublie/envoye/")
    assert "au plus 3 e-mails en 60 minutes" in page.content()
    shoot(page, screenshot_dir, "mot-de-passe-oublie-envoye")
