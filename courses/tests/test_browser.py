import re

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_learner_reads_a_lesson_marks_it_done_and_resumes(
    page, wagtail_site, settings, screenshot_dir
):
    settings.DEBUG = True  # load_demo refuses otherwise
    call_command("load_demo")
    settings.DEBUG = False
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/connexion/")
    page.get_by_label("Matricule").fill("OPJ-0001")
    page.get_by_label("Mot de passe").fill("kalan-demo-2026")
    page.locator("main").get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/")
    assert "33 % terminé" in page.content()
    page.screenshot(path=screenshot_dir / "mes-formations.png", full_page=True)

    page.get_by_role("link", name=re.compile("^Reprendre")).first.click()
    # The first module is done: "Reprendre" opens the first lesson of the second one.
    assert "/les-droits-de-la-personne-gardee-a-vue/" in page.url
    lesson_title = page.locator("h1").inner_text()
    page.screenshot(path=screenshot_dir / "lecon.png", full_page=True)
    page.get_by_role("button", name="J’ai terminé cette leçon").click()
    page.wait_for_load_state()
    assert "Leçon terminée. Progression : 44 %." in page.content()
    assert page.locator("h1").inner_text() != lesson_title

    page.goto("/")
    assert "44 % terminé" in page.content()
    page.get_by_role("link", name=re.compile("^Reprendre")).first.click()
    assert "J’ai terminé cette leçon" in page.content()
