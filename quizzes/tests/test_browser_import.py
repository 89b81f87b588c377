"""An editor imports questions in the admin and follows the job's page, which refreshes itself
(no JavaScript) while a real Celery worker runs the import."""

import pytest
from django.contrib.auth.models import Permission

from accounts import roles
from accounts.tests.factories import UserFactory
from conftest import login_browser
from courses.services import course_tree_setup
from jobs.models import Job
from quizzes.models import Question
from quizzes.services import question_review_setup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GOOD = "::Q{n}:: Durée maximale de la garde à vue {n} ? {{=48 heures ~24 heures ~72 heures}}\n"
BAD = "::Sans bonne réponse:: Laquelle ? {~a ~b}\n"


def test_editor_imports_through_the_progress_page(
    page,
    client,
    live_server,
    wagtail_site,
    role_groups,
    celery_project_worker,
    settings,
    tmp_path,
    screenshot_dir,
):
    settings.MEDIA_ROOT = str(tmp_path)
    # The flush after transactional tests removes the permissions the migrations gave.
    role_groups[roles.EDITORS].permissions.add(
        *Permission.objects.filter(
            content_type__app_label="quizzes",
            codename__in=["add_question", "change_question", "view_question"],
        )
    )
    # The « Relecture CNDH » workflow, which the flush removed too.
    course_tree_setup()
    question_review_setup()
    editor = UserFactory(role=roles.EDITORS, full_name="Aminata Éditrice")
    login_browser(page, client, editor, live_server.url)
    bad = tmp_path / "mauvais.gift.txt"
    bad.write_text(GOOD.format(n=1) + "\n" + BAD, encoding="utf-8")
    good = tmp_path / "questions.gift.txt"
    good.write_text("\n".join(GOOD.format(n=n) for n in range(12)), encoding="utf-8")

    # A file with one bad question: nothing is imported, the page says which question.
    page.goto("/admin/questions/import/")
    page.get_by_label("Fichier").set_input_files(bad)
    page.get_by_label("Format").select_option("gift")
    page.get_by_role("button", name="Importer").click()
    page.wait_for_url("**/taches/*/")
    page.get_by_text("Rien n’a été importé").wait_for(timeout=30_000)  # after refreshes
    main = page.locator("main").inner_text()
    assert "Question 2 (ligne 3) « Sans bonne réponse » : Aucune réponse correcte." in main
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=screenshot_dir / f"tache-import-echec-{width}.png", full_page=True)
    assert not Question.objects.exists()

    # Back to the form, the right file: 12 questions, then the way back to the admin.
    page.get_by_role("link", name="Retour").click()
    page.get_by_label("Fichier").set_input_files(good)
    page.get_by_label("Format").select_option("gift")
    page.get_by_role("button", name="Importer").click()
    page.wait_for_url("**/taches/*/")
    page.get_by_text("12 questions importées.", exact=False).wait_for(timeout=30_000)
    assert Question.objects.count() == 12
    assert Job.objects.filter(owner=editor, status=Job.Status.DONE).count() == 1
    # Said once, with the questions listed, each leading to its edit page.
    assert page.locator("body").inner_text().count("12 questions importées.") == 1
    links = page.locator(".job__created a")
    assert links.count() == 12
    assert page.locator(".job__created").inner_text().count("Brouillon soumis à la relecture") == 12
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=screenshot_dir / f"tache-import-liste-{width}.png", full_page=True)
    first = Question.objects.order_by("pk").first()
    links.first.click()
    page.wait_for_url(f"**/admin/snippets/quizzes/question/edit/{first.pk}/")
    assert "12 questions importées." not in page.locator("body").inner_text()
    page.go_back()

    # The export of the category they landed in is a job too, with its file when ready.
    page.get_by_role("link", name="Retour").click()
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=screenshot_dir / f"admin-import-{width}.png", full_page=True)
    page.get_by_role("button", name="Moodle XML").first.click()
    page.wait_for_url("**/taches/*/")
    page.get_by_text("12 questions exportées.").wait_for(timeout=30_000)
    with page.expect_download() as info:
        page.get_by_role("link", name="Télécharger").click()
    assert info.value.suggested_filename.endswith(".xml")

    # What the page looks like while a long job runs.
    running = Job.objects.create(
        owner=editor,
        kind="quizzes.import",
        params={"format": "gift", "category": None, "filename": "banque-nationale.xml"},
        status=Job.Status.RUNNING,
        processed=640,
        total=1800,
        progress=35,
        expires_at=Job.objects.first().expires_at,
    )
    page.goto(f"/taches/{running.pk}/")
    assert page.locator('meta[http-equiv="refresh"]').count() == 1
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=screenshot_dir / f"tache-en-cours-{width}.png", full_page=True)
    page.get_by_role("link", name="Actualiser").click()
    page.wait_for_load_state()
    assert "640 sur 1800" in page.locator("main").inner_text()

    # A Moodle XML file of every type: what Kalan does not keep is named on the job's page.
    from pathlib import Path

    from lms.tests.test_accessibility import axe_check

    page.goto("/admin/questions/import/")
    page.get_by_label("Fichier").set_input_files(
        Path(__file__).parent / "fixtures" / "every_type.xml"
    )
    page.get_by_label("Format").select_option("moodlexml")
    page.get_by_role("button", name="Importer").click()
    page.wait_for_url("**/taches/*/")
    page.get_by_text("9 questions importées.", exact=False).wait_for(timeout=30_000)
    losses = page.locator(".errorlist li")
    assert losses.count() == 10
    assert "respect de la casse (usecase) non appliqué" in page.locator(".errorlist").inner_text()
    axe_check(page, "tâche d’import avec éléments non repris")
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=screenshot_dir / f"tache-import-pertes-{width}.png", full_page=True)

    # Its first question in the editor: the image and the link to the joined document load in
    # Wagtail's rich text editor.
    page.get_by_role("link", name="Choix unique avec image").click()
    page.wait_for_url("**/admin/snippets/quizzes/question/edit/*/")
    editor_text = page.locator(".Draftail-Editor").first
    editor_text.get_by_text("les consignes").wait_for()
    assert editor_text.locator("img").count() == 1
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        editor_text.scroll_into_view_if_needed()
        page.screenshot(path=screenshot_dir / f"question-importee-{width}.png")
