"""Journey A, end to end in chromium with the French admin: an editor writes a lesson with six
kinds of blocks, previews it in the side panel, finds it before the module's quiz in the
explorer and submits it; a reviewer approves it; an enrolled learner reads it on the site."""

import re

import pytest

from accounts import roles
from accounts.tests.factories import LearnerFactory, UserFactory
from conftest import login_browser
from courses import services
from courses.models import LessonPage, ModulePage
from courses.tests.factories import course_build
from quizzes.tests.factories import question_make, quiz_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Les droits de la personne gardée à vue"


def admin_sign_in(page, matricule):
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.get_by_label("Matricule").fill(matricule)
    page.get_by_label("Mot de passe").fill("motdepasse-test")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def block_add(page, label):
    """Adds a block after the last one of the lesson's body, and returns its index."""
    # Only the stream's own blocks: a list inside a block names its items body-N-value-….
    index = page.locator("input[name^='body-'][name$='-type']").evaluate_all(
        "inputs => inputs.filter(input => /^body-[0-9]+-type$/.test(input.name)).length"
    )
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()
    page.locator(f"input[name='body-{index}-type']").wait_for(state="attached")
    return index


def rich_text_type(page, name, text):
    """Types into the Draftail editor that writes the hidden input `name`."""
    from playwright.sync_api import expect

    editor = page.locator(f"input[name='{name}']").locator(
        "xpath=ancestor::*[.//*[contains(@class, 'public-DraftEditor-content')]][1]"
    )
    editor = editor.locator(".public-DraftEditor-content").first
    editor.click()
    editor.press_sequentially(text)
    # Draftail writes its hidden input when the editor loses focus.
    page.get_by_placeholder("Titre de la page*").click()
    expect(page.locator(f"input[name='{name}']")).to_have_value(re.compile(re.escape(text[:12])))


def test_an_editor_writes_a_lesson_a_reviewer_approves_it_a_learner_reads_it(
    page, client, live_server, wagtail_site, role_groups, screenshot_dir
):
    from playwright.sync_api import expect

    services.course_tree_setup()
    course = course_build(title="Garde à vue et droits humains", modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).get()
    quiz = quiz_make(module, questions=[question_make()], title="Quiz du module")
    UserFactory(matricule="ED-1", role=roles.EDITORS)
    UserFactory(matricule="REL-1", role=roles.REVIEWERS)
    learner = LearnerFactory(matricule="OPJ-9")
    services.enrollment_create(learner=learner, course=course)

    # The editor writes the lesson: six kinds of blocks, none needing an upload.
    admin_sign_in(page, "ED-1")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"/admin/pages/add/courses/lessonpage/{module.pk}/")
    page.get_by_placeholder("Titre de la page*").fill(TITLE)

    i = block_add(page, "Texte")
    rich_text_type(
        page, f"body-{i}-value", "Toute personne gardée à vue est informée de ses droits."
    )

    i = block_add(page, "Référence juridique")
    page.locator(f"[name='body-{i}-value-instrument']").fill("Code de procédure pénale du Mali")
    page.locator(f"[name='body-{i}-value-article']").fill("Article 76")
    page.locator(f"[name='body-{i}-value-quote']").fill("La garde à vue ne peut excéder 48 heures.")

    i = block_add(page, "Notion clé")
    page.locator(f"[name='body-{i}-value-term']").fill("Garde à vue")
    rich_text_type(page, f"body-{i}-value-definition", "Mesure de contrainte décidée par un OPJ.")

    i = block_add(page, "Vidéo et transcription")
    page.locator(f"[name='body-{i}-value-title']").fill("Notifier les droits")
    rich_text_type(page, f"body-{i}-value-transcript", "L’officier lit ses droits à la personne.")

    i = block_add(page, "À retenir")
    points = page.locator(f"[name^='body-{i}-value-points-'][name$='-value']")
    if points.count() == 0:
        page.locator(f"[name='body-{i}-value-points-count']").locator(
            "xpath=ancestor::*[.//button[contains(@class, 'c-sf-add-button')]][1]"
        ).locator("button.c-sf-add-button").first.click()
    points.first.fill("Informer la famille dès le début de la mesure.")

    i = block_add(page, "Cas pratique")
    page.locator(f"[name='body-{i}-value-title']").fill("Une arrestation de nuit à Sévaré")
    rich_text_type(page, f"body-{i}-value-situation", "Un suspect est interpellé à 23 heures.")
    questions = page.locator(f"[name^='body-{i}-value-questions-'][name$='-value']")
    if questions.count() == 0:
        page.locator(f"[name='body-{i}-value-questions-count']").locator(
            "xpath=ancestor::*[.//button[contains(@class, 'c-sf-add-button')]][1]"
        ).locator("button.c-sf-add-button").first.click()
    questions.first.fill("Quand prévenir le procureur ?")
    rich_text_type(page, f"body-{i}-value-analysis", "Le procureur est avisé sans délai.")
    page.screenshot(path=screenshot_dir / "parcours-a-redaction-1366.png", full_page=True)

    # The live preview in the side panel shows the lesson as learners will read it.
    page.get_by_role("button", name="Prévisualisation").click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    expect(preview.get_by_text("Toute personne gardée à vue est informée")).to_be_visible(
        timeout=15_000
    )
    expect(preview.get_by_text("Article 76")).to_be_visible()
    page.screenshot(path=screenshot_dir / "parcours-a-previsualisation-1366.png")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=screenshot_dir / "parcours-a-previsualisation-390.png")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.get_by_role("button", name="Prévisualisation").click()

    page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Soumettre à Relecture CNDH").click()
    lesson = LessonPage.objects.get(title=TITLE)
    assert lesson.workflow_in_progress and not lesson.live
    blocks = [block["type"] for block in lesson.latest_revision.as_object().body.raw_data]
    assert blocks == [
        "paragraph",
        "legal_reference",
        "key_concept",
        "video",
        "remember",
        "case_scenario",
    ]

    # In the explorer, the new lesson sits after the module's lessons and before its quiz.
    page.goto(f"/admin/pages/{module.pk}/")
    rows = page.locator("table.listing tbody tr").all_inner_texts()
    order = [
        next(title for title in ("Leçon 1.1", TITLE, quiz.title) if title in row) for row in rows
    ]
    assert order == ["Leçon 1.1", TITLE, quiz.title]
    page.screenshot(path=screenshot_dir / "parcours-a-explorateur-1366.png")

    # The reviewer approves it from the dashboard and is told so.
    admin_sign_in(page, "REL-1")
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Approuver et Publier", exact=True).click()
    expect(page.get_by_text(f"« {TITLE} » : approbation enregistrée.")).to_be_visible()
    page.screenshot(path=screenshot_dir / "parcours-a-approbation-1366.png")
    lesson.refresh_from_db()
    assert lesson.live

    # The learner enrolled in the course reads it on the site, on a phone.
    page.context.clear_cookies()
    login_browser(page, client, learner, live_server.url)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.goto(lesson.url).status == 200
    main = page.locator("main")
    expect(main.locator("h1")).to_have_text(TITLE)
    for text in (
        "Toute personne gardée à vue est informée de ses droits.",
        "Article 76",
        "Mesure de contrainte décidée par un OPJ.",
        "Notifier les droits",
        "Informer la famille dès le début de la mesure.",
        "Une arrestation de nuit à Sévaré",
    ):
        expect(main.get_by_text(text).first).to_be_attached()
    page.screenshot(path=screenshot_dir / "parcours-a-lecon-390.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=screenshot_dir / "parcours-a-lecon-1366.png", full_page=True)
