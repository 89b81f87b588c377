"""Issue 18's « done when », in chromium with a real Celery worker: an editor exports a course
from the admin, imports the zip as a copy, follows the job and finds the copy in the explorer
as a draft. The import page and the job pages are axe-clean on a phone and a desktop."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission

from accounts import roles
from accounts.tests.factories import UserFactory
from conftest import login_browser
from courses.models import CoursePage
from courses.services import course_tree_setup
from jobs.models import Job
from lms.tests.test_accessibility import axe_check
from packages.importer import course_import
from packages.tests.factories import COURSE, package, package_zip
from quizzes.services import question_review_setup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = ((1366, 900), (390, 844))


def look(page, screenshot_dir, name, *, axe=False):
    """Screenshots at both widths (and axe at each when asked), then back to the desktop."""
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.reload()  # the admin's sidebar lays itself out for the width it loads at
        page.screenshot(path=screenshot_dir / f"{name}-{width}.png", full_page=True)
        if axe:
            axe_check(page, f"{name} à {width} px")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    page.set_viewport_size({"width": 1366, "height": 900})
    page.reload()


def test_an_editor_exports_a_course_and_imports_it_as_a_copy(
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
    # The flush after transactional tests removes what the migrations gave.
    role_groups[roles.EDITORS].permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["quizzes", "packages"],
            codename__in=[
                "add_question",
                "change_question",
                "view_question",
                "import_course",
                "export_course",
            ],
        )
    )
    index = course_tree_setup()
    question_review_setup()
    original = course_import(package(), publish=True).course
    editor = UserFactory(role=roles.EDITORS, full_name="Aminata Éditrice")
    login_browser(page, client, editor, live_server.url)

    # The course's explorer page offers the export among its actions.
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"/admin/pages/{index.pk}/")
    row = page.locator("tr", has_text="Formation d’essai")
    row.get_by_role("button", name="Plus d’options pour « Formation d’essai »").click()
    row.get_by_role("link", name="Exporter (paquet .zip)").click()
    page.wait_for_url(f"**/admin/formations/{original.pk}/exporter/")
    look(page, screenshot_dir, "paquet-export")
    page.get_by_role("button", name="Exporter", exact=True).click()
    page.wait_for_url("**/taches/*/")
    page.get_by_text("fichiers dans le paquet").wait_for(timeout=30_000)
    look(page, screenshot_dir, "paquet-export-tache", axe=True)
    with page.expect_download() as info:
        page.get_by_role("link", name="Télécharger").click()
    assert info.value.suggested_filename == "formation-essai.zip"
    exported = tmp_path / "formation-essai.zip"
    info.value.save_as(exported)

    # A broken package first: the job page names the file and the line, nothing is written.
    broken = tmp_path / "casse.zip"
    broken.write_bytes(package_zip(**{"course.yaml": COURSE.replace("title: Module un", "[")}))
    page.goto(f"/admin/pages/{index.pk}/")
    page.get_by_role("link", name="Importer une formation").first.click()
    page.wait_for_url("**/admin/formations/importer/")
    look(page, screenshot_dir, "paquet-import", axe=True)
    assert page.get_by_label("Publier directement").count() == 0  # an editor does not publish
    page.get_by_label("Paquet (.zip)").set_input_files(broken)
    page.get_by_label("Importer comme copie").check()
    page.get_by_role("button", name="Importer", exact=True).click()
    page.wait_for_url("**/taches/*/")
    page.get_by_text("Rien n’a été importé").wait_for(timeout=30_000)
    assert (
        "course.yaml, ligne 12 : YAML illisible : deux-points (:) attendu après une clé."
        in page.locator("main").inner_text()
    )
    look(page, screenshot_dir, "paquet-import-echec", axe=True)
    assert CoursePage.objects.count() == 1

    # Then the exported zip, as a copy.
    page.get_by_role("link", name="Retour").click()
    page.get_by_label("Paquet (.zip)").set_input_files(Path(exported))
    page.get_by_label("Importer comme copie").check()
    page.get_by_role("button", name="Importer", exact=True).click()
    page.wait_for_url("**/taches/*/")
    page.get_by_text("4 pages créées").wait_for(timeout=30_000)
    main = page.locator("main").inner_text()
    assert "« Formation d’essai (copie) »" in main and "En brouillon" in main
    look(page, screenshot_dir, "paquet-import-tache", axe=True)
    assert Job.objects.filter(owner=editor, status=Job.Status.DONE).count() == 2

    copy = CoursePage.objects.exclude(pk=original.pk).get()
    assert not copy.live and copy.get_parent().pk == index.pk
    page.get_by_role("link", name="Voir la formation dans l’explorateur").click()
    page.wait_for_url(f"**/admin/pages/{copy.pk}/")
    assert "Formation d’essai (copie)" in page.locator("h1").inner_text()
    page.goto(f"/admin/pages/{index.pk}/")
    copy_row = page.locator("tr", has_text="Formation d’essai (copie)")
    assert "brouillon" in copy_row.inner_text().lower()  # the admin writes it in capitals
    look(page, screenshot_dir, "paquet-explorateur")
