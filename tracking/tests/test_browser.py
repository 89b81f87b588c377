import io
import itertools
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from accounts.tests.factories import LearnerFactory, SupervisorFactory
from courses import services as course_services
from courses.tests.factories import course_build
from tracking.exports import COLUMN_INDEX

from .factories import tree_build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, matricule):
    page.context.clear_cookies()
    page.goto("/connexion/")
    page.get_by_label("Matricule").fill(matricule)
    page.get_by_label("Mot de passe").fill("motdepasse-test")
    page.locator("main").get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/")


def test_supervisor_assigns_a_course_follows_progress_and_exports(
    page, wagtail_site, role_groups, screenshot_dir, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the export job runs in the server's thread
    tree = tree_build()
    course_services.course_tree_setup()
    course = course_build(title="Sécurité numérique des OPJ", modules=1, lessons=2)
    SupervisorFactory(matricule="SUP-MOP", supervised_units=[tree.mopti], full_name="Cdt Diarra")
    LearnerFactory(matricule="OPJ-SEV", unit=tree.sevare, full_name="Awa Traoré")
    LearnerFactory(matricule="OPJ-SEG", unit=tree.segou, full_name="Sira Diallo")
    page.set_viewport_size({"width": 390, "height": 844})

    # The supervisor assigns the course to the region of Mopti, which includes Sévaré.
    _sign_in(page, "SUP-MOP")
    assert page.url.endswith("/suivi/")  # a supervisor lands on the dashboard
    page.get_by_role("link", name="Affecter une formation").click()
    page.get_by_label("Formation").select_option(label=course.title)
    page.get_by_label("Une unité et toutes les unités qui en dépendent").check()
    page.get_by_label("Unité", exact=True).select_option(
        label="Gendarmerie nationale › Région de Mopti"
    )
    due = timezone.localdate() + timedelta(days=14)
    page.get_by_label("Échéance").fill(due.isoformat())
    page.get_by_role("button", name="Affecter").click()
    page.wait_for_load_state()
    assert "est affectée" in page.content()
    page.screenshot(path=screenshot_dir / "suivi-affectation.png", full_page=True)

    # The learner of Sévaré finds it in "Mes formations" and finishes a lesson.
    _sign_in(page, "OPJ-SEV")
    assert course.title in page.locator("main").inner_text()
    page.get_by_role("link", name=re.compile("^(Commencer|Reprendre)")).first.click()
    page.get_by_role("button", name="J’ai terminé cette leçon").click()
    page.wait_for_load_state()
    assert "Progression : 50 %" in page.content()

    # The supervisor sees her progress, not Ségou's learner, and downloads the XLSX.
    _sign_in(page, "SUP-MOP")
    page.goto("/suivi/")
    main = page.locator("main").inner_text()
    assert "Awa Traoré" in main and "Sira Diallo" not in main
    assert "50 %" in main
    page.screenshot(path=screenshot_dir / "suivi-tableau.png", full_page=True)
    page.get_by_role("link", name="Awa Traoré").click()
    page.wait_for_load_state()
    assert "Leçons terminées : 1 sur 2" in page.content()
    page.goto("/suivi/")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=screenshot_dir / "suivi-tableau-1366.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    # The export is a job: the button queues it, the job's page offers the file when ready.
    page.get_by_role("button", name="Exporter (Excel)").click()
    page.wait_for_url("**/taches/*/")
    assert "Terminée" in page.locator("main").inner_text()
    assert "1 ligne exportée." in page.locator("main").inner_text()
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=screenshot_dir / f"tache-export-{width}.png", full_page=True)
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("^Télécharger kalan-suivi-")).click()
    assert info.value.suggested_filename.endswith(".xlsx")
    # openpyxl goes by the file name's extension, and a download's temporary path has none.
    workbook = load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert [row[COLUMN_INDEX["matricule"]] for row in rows[1:]] == ["OPJ-SEV"]
    assert rows[1][COLUMN_INDEX["progress"]] == 50


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_supervisor_lands_on_the_dashboard_and_picks_learners_without_script(
    page, wagtail_site, role_groups, screenshot_dir
):
    """Signed in, a supervisor lands on the dashboard. The assignment form shows only the
    chosen target's field (CSS :has(), no script: JavaScript is off), and the learners' list
    is searched on the server, within the scope."""
    tree = tree_build()
    course_services.course_tree_setup()
    course = course_build(title="Garde à vue et droits de la défense", modules=1, lessons=1)
    SupervisorFactory(matricule="SUP-MOP", supervised_units=[tree.mopti], full_name="Cdt Diarra")
    awa = LearnerFactory(matricule="OPJ-SEV", unit=tree.sevare, full_name="Awa Traoré")
    LearnerFactory(matricule="OPJ-MOP", unit=tree.mopti, full_name="Issa Coulibaly")
    LearnerFactory(matricule="OPJ-SEG", unit=tree.segou, full_name="Awa Diallo")
    page.set_viewport_size({"width": 390, "height": 844})
    _sign_in(page, "SUP-MOP")
    assert page.url.endswith("/suivi/")

    page.goto("/suivi/affectations/")
    unit = page.get_by_label("Unité", exact=True)
    learners = page.get_by_label("Apprenants", exact=True)
    assert unit.is_visible() and not learners.is_visible()
    for width in (390, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(
            path=screenshot_dir / f"suivi-affectation-unite-{width}.png", full_page=True
        )
    page.get_by_label("Formation").select_option(label=course.title)
    page.get_by_label("Des apprenants choisis").check()
    assert learners.is_visible() and not unit.is_visible()
    page.get_by_label("Rechercher des apprenants").fill("awa")
    page.get_by_role("button", name="Rechercher", exact=True).click()
    page.wait_for_load_state()
    learners = page.get_by_label("Apprenants", exact=True)
    assert learners.locator("option").all_inner_texts() == ["Awa Traoré (OPJ-SEV)"]
    assert page.get_by_label("Des apprenants choisis").is_checked()
    learners.select_option(value=str(awa.pk))
    for width in (390, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(
            path=screenshot_dir / f"suivi-affectation-apprenants-{width}.png", full_page=True
        )
    page.get_by_label("Échéance").fill((timezone.localdate() + timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Affecter").click()
    page.wait_for_load_state()
    assert "est affectée" in page.content()
    assert "Awa Traoré" in page.locator("main").inner_text()


def _boxes(locator) -> list[dict]:
    return [locator.nth(i).bounding_box() for i in range(locator.count())]


@pytest.mark.parametrize("width", [390, 1366])
def test_dashboard_chart_labels_fit_and_tables_scroll_on_a_phone(
    page, wagtail_site, role_groups, screenshot_dir, width
):
    """The weekly chart spans the section, its week labels neither overlap nor leave the
    drawing; on a phone the tables scroll inside a labelled region instead of squeezing a
    course title to a few letters per line."""
    from courses.models import Enrollment

    tree = tree_build()
    course_services.course_tree_setup()
    course = course_build(
        title="Garde à vue, droits de la défense et registre des personnes retenues",
        modules=1,
        lessons=1,
    )
    SupervisorFactory(matricule="SUP-MOP", supervised_units=[tree.mopti])
    now = timezone.now()
    for week in range(12):
        for _ in range(week % 4 + 1):
            Enrollment.objects.create(
                learner=LearnerFactory(unit=tree.sevare, full_name=f"Awa Traoré {week}"),
                course=course,
                status=Enrollment.Status.COMPLETED,
                progress_percent=100,
                completed_at=now - timedelta(weeks=week),
                last_activity_at=now - timedelta(weeks=week),
            )
    page.set_viewport_size({"width": width, "height": 900})
    _sign_in(page, "SUP-MOP")
    page.goto("/suivi/")
    page.screenshot(path=screenshot_dir / f"suivi-tableau-{width}.png", full_page=True)

    section = page.locator("section[aria-labelledby='dans-le-temps']")
    svg = section.locator("svg.chart__svg--columns")
    chart, area = svg.bounding_box(), section.bounding_box()
    assert chart["width"] >= area["width"] - 2  # the whole width, not 60 % of it
    axis = svg.locator("line.chart__axis").bounding_box()
    labels = [box for box in _boxes(svg.locator("text")) if box["y"] >= axis["y"]]
    assert len(labels) >= 4
    for box in labels:
        assert chart["x"] <= box["x"] and box["x"] + box["width"] <= chart["x"] + chart["width"]
        assert box["y"] + box["height"] <= chart["y"] + chart["height"]
    for left, right in itertools.pairwise(labels):
        assert left["x"] + left["width"] < right["x"], (left, right)  # no overlap

    for region in page.locator("main .table-wrap").all():
        assert region.get_attribute("role") == "region"
        assert region.get_attribute("tabindex") == "0"
        assert region.get_attribute("aria-label") or region.get_attribute("aria-labelledby")
    # A course title keeps a readable width: at least 8 em for its cell, scrolled if need be.
    for cell in page.locator("main .table-wrap").get_by_text(course.title).all():
        assert cell.bounding_box()["width"] >= 8 * 16, cell.bounding_box()
