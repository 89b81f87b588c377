import json
import re

import pytest
from django.core.management import call_command

from conftest import admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_learner_reads_a_lesson_marks_it_done_and_resumes(
    page, wagtail_site, settings, screenshot_dir, role_groups
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
    # Course 1: 9 lessons and 4 required quizzes; module 1 (3 lessons, 1 quiz) is done: 4/13.
    assert "30 % terminé" in page.content()
    page.screenshot(path=screenshot_dir / "mes-formations.png", full_page=True)

    page.get_by_role("link", name=re.compile("^Reprendre")).first.click()
    # The first module is done: "Reprendre" opens the first lesson of the second one.
    assert "/les-droits-de-la-personne-gardee-a-vue/" in page.url
    lesson_title = page.locator("h1").inner_text()
    page.screenshot(path=screenshot_dir / "lecon.png", full_page=True)
    page.get_by_role("button", name="J’ai terminé cette leçon").click()
    page.wait_for_load_state()
    assert "Leçon terminée. Progression : 38 %." in page.content()
    assert page.locator("h1").inner_text() != lesson_title

    page.goto("/")
    assert "38 % terminé" in page.content()
    page.get_by_role("link", name=re.compile("^Reprendre")).first.click()
    page.wait_for_load_state()
    assert "J’ai terminé cette leçon" in page.content()


def test_editor_writes_a_lesson_and_a_reviewer_approves_it(
    page, wagtail_site, role_groups, client, screenshot_dir, live_server
):
    from playwright.sync_api import expect

    from accounts import roles
    from accounts.tests.factories import UserFactory
    from courses import services
    from courses.models import LessonPage, ModulePage
    from courses.tests.factories import course_build

    services.course_tree_setup()
    course_build(title="Formation de test", modules=1, lessons=1)
    module = ModulePage.objects.get()
    UserFactory(matricule="ED-1", role=roles.EDITORS)
    UserFactory(matricule="REL-1", role=roles.REVIEWERS)

    admin_sign_in(page, "ED-1")
    page.goto(f"/admin/pages/add/courses/lessonpage/{module.pk}/")
    page.get_by_placeholder("Titre de la page*").fill("Leçon écrite par un éditeur")
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Texte").first.click()
    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    editor.press_sequentially("Un contenu rédigé par l’éditeur de la CNDH.")
    expect(editor).to_contain_text("Un contenu rédigé")
    # Draftail writes its hidden input when the editor loses focus.
    page.get_by_placeholder("Titre de la page*").click()
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile("Un contenu"))
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Soumettre à Relecture CNDH").click()
    # Wagtail goes back to the explorer or to the new page's editor, depending on its version.
    page.wait_for_url(re.compile(r"/admin/pages/\d+/(edit/)?$"))
    lesson = LessonPage.objects.get(title="Leçon écrite par un éditeur")
    assert not lesson.live
    assert lesson.workflow_in_progress
    body = json.loads(lesson.latest_revision.content["body"])
    assert "Un contenu rédigé" in body[0]["value"]

    admin_sign_in(page, "REL-1")
    expect(page.get_by_text("Leçon écrite par un éditeur")).to_be_visible()
    page.screenshot(path=screenshot_dir / "relecteur-tableau-de-bord.png")
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Approuver et Publier", exact=True).click()
    lesson.refresh_from_db()
    assert lesson.live
