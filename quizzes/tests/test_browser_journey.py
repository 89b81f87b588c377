"""Journey B, end to end in chromium with the French admin: an editor searches the question
bank, imports a GIFT file (a job run by a real Celery worker), a reviewer approves the imported
question the editor needs, and the editor puts it into the module's quiz and saves the quiz.

A CNDH editor's imported questions are drafts submitted to « Relecture CNDH »: a quiz never
draws a question no reviewer approved, so the editor asks a reviewer to approve it before
placing it, which is what the journey does (rather than using an administrator who publishes)."""

import re

import pytest
from django.contrib.auth.models import Group, Permission

from accounts import roles
from accounts.tests.factories import UserFactory
from courses import services as course_services
from courses.models import ModulePage
from courses.tests.factories import course_build
from quizzes import services
from quizzes.models import Question, QuizPage
from quizzes.tests.factories import category_make, question_make, quiz_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The flush after a transactional test drops the groups' permissions given by migrations.
QUESTION_RIGHTS = {
    roles.EDITORS: ("add", "change", "view"),
    roles.REVIEWERS: ("add", "change", "view", "publish", "lock", "unlock"),
}
GIFT = """
::Notification des droits:: À quel moment la personne gardée à vue est-elle informée de ses
droits ? {=Dès le début de la mesure ~À la fin de la garde à vue ~Seulement si elle le demande}

::Avis au procureur:: Le procureur est avisé de toute garde à vue. {T}

::Durée de la prolongation:: La prolongation de la garde à vue est autorisée par écrit. {T}
"""


def admin_sign_in(page, matricule):
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.get_by_label("Matricule").fill(matricule)
    page.get_by_label("Mot de passe").fill("motdepasse-test")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def test_an_editor_imports_questions_and_puts_one_into_a_quiz(
    page,
    live_server,
    wagtail_site,
    role_groups,
    celery_project_worker,
    settings,
    tmp_path,
    screenshot_dir,
):
    from playwright.sync_api import expect

    settings.MEDIA_ROOT = str(tmp_path)
    for name, actions in QUESTION_RIGHTS.items():
        Group.objects.get(name=name).permissions.add(
            *Permission.objects.filter(
                content_type__app_label="quizzes",
                codename__in=[f"{a}_question" for a in actions]
                + [f"{a}_questioncategory" for a in ("add", "change", "view")],
            )
        )
    course_services.course_tree_setup()
    services.question_review_setup()
    course = course_build(title="Garde à vue et droits humains", modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).get()
    category = category_make("Garde à vue")
    existing = question_make(name="Durée de la garde à vue", category=category)
    existing.save_revision().publish()
    quiz = quiz_make(module, questions=[existing], title="Quiz du module")
    editor = UserFactory(matricule="ED-1", role=roles.EDITORS)
    UserFactory(matricule="REL-1", role=roles.REVIEWERS)
    gift = tmp_path / "garde-a-vue.gift.txt"
    gift.write_text(GIFT, encoding="utf-8")

    # The editor looks for a question on the notification of rights: the bank has none yet.
    admin_sign_in(page, "ED-1")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/admin/snippets/quizzes/question/?q=garde")
    results = page.locator("main table tbody")
    expect(results).to_contain_text("Durée de la garde à vue")
    page.goto("/admin/snippets/quizzes/question/?q=notification")
    expect(page.locator("main")).not_to_contain_text("Notification des droits")

    # « Import / export de questions » in the menu: the import runs as a job on the worker.
    page.get_by_role("link", name="Import / export de questions").click()
    page.wait_for_url("**/admin/questions/import/")
    page.get_by_label("Fichier").set_input_files(gift)
    page.get_by_label("Format").select_option("gift")
    page.get_by_label("Catégorie").select_option(label=str(category))
    page.get_by_role("button", name="Importer").click()
    page.wait_for_url("**/taches/*/")
    page.get_by_text("3 questions importées.").wait_for(timeout=30_000)
    imported = Question.objects.get(name="Notification des droits")
    assert imported.category == category
    # An editor's import waits for a reviewer: a draft, submitted to « Relecture CNDH ».
    assert not imported.live and imported.workflow_in_progress
    page.goto("/admin/snippets/quizzes/question/?q=notification")
    expect(page.locator("main table tbody")).to_contain_text("Notification des droits")
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=screenshot_dir / f"parcours-b-banque-{width}.png", full_page=True)

    # The reviewer approves the question the editor needs.
    admin_sign_in(page, "REL-1")
    page.goto(f"/admin/snippets/quizzes/question/edit/{imported.pk}/")
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    approve = page.get_by_role("button", name="Approuver et Publier", exact=True)
    expect(approve).to_be_visible()
    with page.expect_navigation():
        approve.click()
    imported.refresh_from_db()
    assert imported.live

    # The editor adds a slot to the module's quiz and chooses the question in the chooser.
    admin_sign_in(page, "ED-1")
    page.goto(f"/admin/pages/{quiz.pk}/edit/")
    page.get_by_role("button", name="Ajouter : emplacement").click()
    slot = page.locator("[id^='inline_child_slots-']").filter(
        has=page.locator("input[name='slots-1-question']")
    )
    slot.get_by_role("button", name=re.compile("^Choisir")).first.click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("textbox").first.fill("notification")
    chosen = modal.get_by_role("link", name=re.compile("Notification des droits"))
    chosen.click()
    expect(page.locator("input[name='slots-1-question']")).to_have_value(str(imported.pk))
    page.screenshot(path=screenshot_dir / "parcours-b-quiz-1366.png", full_page=True)
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.locator(".messages")).to_contain_text("Quiz du module")

    saved = QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()
    assert [slot.question_id for slot in saved.slots.all()] == [existing.pk, imported.pk]
    assert editor.pk == QuizPage.objects.get(pk=quiz.pk).latest_revision.user_id
