import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_demo_learner_signs_in(page, wagtail_site, role_groups, settings, screenshot_dir):
    settings.DEBUG = True  # load_demo refuses otherwise
    call_command("load_demo")
    settings.DEBUG = False
    page.goto("/")
    assert page.url.endswith("/connexion/?next=/")
    assert page.locator("h1").inner_text() == "Connexion"
    page.get_by_label("Matricule").fill("opj-0001")
    page.get_by_label("Mot de passe").fill("kalan-demo-2026")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/")
    assert page.locator("h1").inner_text() == "Mes formations"
    assert "Bonjour Aminata Traoré." in page.content()
    page.screenshot(path=screenshot_dir / "home-learner.png", full_page=True)
    # Keyboard users reach the content through the skip link.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Aller au contenu"
