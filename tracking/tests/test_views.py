import csv
import io
from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.tests.factories import LearnerFactory, UserFactory
from certificates.models import Certificate
from courses import services as course_services
from courses.models import Enrollment
from courses.tests.factories import lessons_of
from tracking import exports, services
from tracking.models import Assignment

from .factories import export_download, supervisor_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(tree, course):
    """Two learners in Mopti's subtree and one in Ségou, each enrolled, one completed."""
    awa = LearnerFactory(unit=tree.sevare, full_name="Awa Traoré", matricule="MOP-001")
    issa = LearnerFactory(unit=tree.mopti, full_name="Issa Coulibaly", matricule="MOP-002")
    sira = LearnerFactory(unit=tree.segou, full_name="Sira Diallo", matricule="SEG-001")
    for learner in (awa, issa, sira):
        course_services.enrollment_create(learner=learner, course=course)
    for lesson in lessons_of(course):
        course_services.lesson_complete(learner=awa, lesson=lesson)
    Enrollment.objects.filter(learner=issa).update(due_date=timezone.localdate() - timedelta(1))
    return {"awa": awa, "issa": issa, "sira": sira}


def test_dashboard_shows_only_the_supervisors_subtree(client, tree, people):
    client.force_login(supervisor_of(tree.mopti))
    html = client.get(reverse("tracking:dashboard")).content.decode()
    assert "Awa Traoré" in html and "Issa Coulibaly" in html
    assert "Sira Diallo" not in html and "SEG-001" not in html
    assert "Région de Ségou" not in html  # not even in the unit filter

    client.force_login(supervisor_of(tree.segou))
    html = client.get(reverse("tracking:dashboard")).content.decode()
    assert "Sira Diallo" in html and "Awa Traoré" not in html


def test_dashboard_counts_by_course_and_unit(client, tree, course, people):
    client.force_login(supervisor_of(tree.mopti))
    response = client.get(reverse("tracking:dashboard"))
    (stats,) = response.context["stats"]
    assert (stats.enrolled, stats.completed, stats.not_started, stats.overdue) == (2, 1, 1, 1)
    units = {row.label: row for row in response.context["units"]}
    assert list(units) == ["Région de Mopti"]
    assert units["Région de Mopti"].completed == 1

    drill = client.get(reverse("tracking:dashboard"), {"unit": tree.mopti.pk})
    rows = {(row.label, row.direct): row for row in drill.context["units"]}
    assert rows[("Région de Mopti", True)].enrolled == 1  # Issa, attached to Mopti itself
    assert rows[("Brigade de Sévaré", False)].completed == 1  # Awa
    assert drill.context["parent_unit"] is None  # Gendarmerie is above this supervisor


def test_filters_status_search_and_due_dates(client, tree, people):
    client.force_login(supervisor_of(tree.gendarmerie))
    url = reverse("tracking:dashboard")

    def names(**params):
        page = client.get(url, params).context["page"]
        assert page.paginator.count == len(page.object_list)  # counted by the course table
        return sorted(e.learner.full_name for e in page.object_list)

    assert names(status="overdue") == ["Issa Coulibaly"]
    assert names(status="completed") == ["Awa Traoré"]
    assert names(q="seg-0") == ["Sira Diallo"]
    today = timezone.localdate()
    assert names(due_to=(today + timedelta(1)).isoformat()) == ["Issa Coulibaly"]
    assert names(unit=tree.segou.pk) == ["Sira Diallo"]
    response = client.get(url, {"due_from": "2026-12-31", "due_to": "2026-01-01"})
    assert "doit précéder" in response.content.decode()
    response = client.get(url, {"status": "nimporte", "due_from": "pas une date"})
    assert response.status_code == 200
    assert "Saisissez une date valide" in response.content.decode()


def test_course_table_keeps_a_course_unpublished_since(client, tree, course, people):
    """The course titles come from the filter's list of live courses; one unpublished since
    its enrollments is still counted, under its title."""
    course.unpublish()
    client.force_login(supervisor_of(tree.mopti))
    response = client.get(reverse("tracking:dashboard"))
    (stats,) = response.context["stats"]
    assert (stats.title, stats.enrolled) == (course.title, 2)
    assert response.context["page"].paginator.count == 2


def test_out_of_scope_unit_and_learner_answer_404(client, tree, people):
    client.force_login(supervisor_of(tree.mopti))
    assert client.get(reverse("tracking:dashboard"), {"unit": tree.segou.pk}).status_code == 404
    assert client.get(reverse("tracking:dashboard"), {"unit": 999999}).status_code == 404
    detail = reverse("tracking:learner", args=[people["sira"].pk])
    assert client.get(detail).status_code == 404
    assert client.get(reverse("tracking:learner", args=[people["awa"].pk])).status_code == 200


@pytest.mark.parametrize("odd", ["⑤", "²", "٣", "1e3", "-1", "9" * 30])
def test_a_unit_that_cannot_be_an_id_is_a_french_404_not_a_500(client, tree, odd):
    """A unit of "⑤" or "²" passed str.isdigit() and then crashed int()."""
    client.force_login(supervisor_of(tree.mopti))
    dashboard = client.get(reverse("tracking:dashboard"), {"unit": odd})
    # The export is a POST that carries the dashboard's filters in its query string.
    export = client.post(f"{reverse('tracking:export', args=['csv'])}?unit={odd}")
    for response in (dashboard, export):
        assert response.status_code == 404
        assert "Page introuvable" in response.content.decode()


@pytest.mark.parametrize("name", ["dashboard", "assignments"])
def test_learners_and_anonymous_cannot_open_supervision(client, tree, people, name):
    url = reverse(f"tracking:{name}")
    response = client.get(url)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    client.force_login(people["awa"])
    assert client.get(url).status_code == 403
    assert client.get(reverse("tracking:learner", args=[people["issa"].pk])).status_code == 404
    assert client.post(reverse("tracking:export", args=["csv"])).status_code == 403


def test_learner_detail_lists_lessons_attempts_and_certificate(client, tree, course, people):
    awa = people["awa"]
    Certificate.objects.create(
        learner=awa,
        course=course,
        serial="CNDH-2026-000001",
        learner_name="Awa Traoré",
        course_title=course.title,
    )
    client.force_login(supervisor_of(tree.mopti))
    response = client.get(reverse("tracking:learner", args=[awa.pk]))
    html = response.content.decode()
    (detail,) = response.context["courses"]
    assert [title for title, _when in detail.lessons] == ["Leçon 1.1", "Leçon 1.2"]
    assert detail.lessons_total == 2
    assert "CNDH-2026-000001" in html
    assert response.context["last_activity"] is not None


def test_learner_detail_lists_the_reminders_sent_to_that_learner_only(client, tree, people):
    awa, issa, sira = people["awa"], people["issa"], people["sira"]
    Enrollment.objects.filter(learner__in=[awa, sira]).update(
        due_date=timezone.localdate() + timedelta(days=2)
    )
    for learner in (awa, issa, sira):
        learner.email = f"{learner.matricule.lower()}@example.ml"
        learner.save(update_fields=["email"])
    Enrollment.objects.filter(learner=awa).update(status=Enrollment.Status.COMPLETED)
    services.reminders_send_learners()  # issa (overdue) and sira (due in 2 days)
    client.force_login(supervisor_of(tree.mopti))

    issa_page = client.get(reverse("tracking:learner", args=[issa.pk]))
    awa_page = client.get(reverse("tracking:learner", args=[awa.pk]))

    (line,) = issa_page.context["reminders"]
    assert line.courses == [issa.enrollments.get().course.title]
    assert "Rappels envoyés" in issa_page.content.decode()
    assert awa_page.context["reminders"] == []
    assert "Aucun rappel d’échéance envoyé." in awa_page.content.decode()
    # Sira's reminder is hers alone, and her page is out of this supervisor's scope.
    assert client.get(reverse("tracking:learner", args=[sira.pk])).status_code == 404


def _export(client, fmt, **params):
    return export_download(client, fmt, **params)


def test_csv_export_is_scoped_and_filtered(client, tree, people):
    client.force_login(supervisor_of(tree.mopti))
    text = _export(client, "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    col = exports.COLUMN_INDEX
    assert [rows[0][col[name]] for name in ("matricule", "name", "rank")] == [
        "Matricule",
        "Nom",
        "Grade",
    ]
    assert sorted(r[col["matricule"]] for r in rows[1:]) == ["MOP-001", "MOP-002"]
    overdue = list(
        csv.reader(
            io.StringIO(_export(client, "csv", status="overdue").decode("utf-8-sig")), delimiter=";"
        )
    )
    assert [r[col["matricule"]] for r in overdue[1:]] == ["MOP-002"]


def test_xlsx_export_has_typed_cells_and_headers_in_the_ui_language(client, tree, people):
    supervisor = supervisor_of(tree.mopti, language="en")
    client.force_login(supervisor)
    sheet = load_workbook(io.BytesIO(_export(client, "xlsx", sort="name"))).active
    rows = list(sheet.iter_rows(values_only=True))
    col = exports.COLUMN_INDEX
    matricule = col["matricule"]
    assert rows[0][matricule] == "Service number"
    awa = next(r for r in rows[1:] if r[matricule] == "MOP-001")
    issa = next(r for r in rows[1:] if r[matricule] == "MOP-002")
    progress, due = awa[col["progress"]], issa[col["due_date"]]
    assert progress == 100 and isinstance(progress, int)  # progress: a number
    assert isinstance(awa[col["enrolled_at"]], datetime)  # a date cell, not text
    assert isinstance(due, datetime) and due.date() < date.today() + timedelta(1)
    # Overdue: written as in the CSV, in the supervisor’s language.
    assert issa[col["overdue"]] == "yes"
    assert "SEG-001" not in {r[matricule] for r in rows}
    assert len(rows) == 3
    # Dates show as dates, in the French order, and datetimes with their time.
    issa_cells = next(r for r in sheet.iter_rows(min_row=2) if r[matricule].value == "MOP-002")
    assert issa_cells[col["due_date"]].number_format == exports.DATE_FORMAT
    assert issa_cells[col["enrolled_at"]].number_format == exports.DATETIME_FORMAT
    assert issa_cells[col["progress"]].number_format == "General"


def test_assignment_form_creates_enrollments_and_refuses_other_units(client, tree, course):
    chief = supervisor_of(tree.mopti)
    newcomer = LearnerFactory(unit=tree.sevare, matricule="MOP-010")
    stranger = LearnerFactory(unit=tree.segou, matricule="SEG-010")
    client.force_login(chief)
    url = reverse("tracking:assignments")
    due = (timezone.localdate() + timedelta(days=14)).isoformat()

    response = client.post(
        url, {"course": course.pk, "target": "unit", "unit": tree.mopti.pk, "due_date": due}
    )
    assert response.status_code == 302
    assert Enrollment.objects.filter(learner=newcomer, course=course).exists()

    response = client.post(
        url, {"course": course.pk, "target": "unit", "unit": tree.segou.pk, "due_date": due}
    )
    assert response.status_code == 400
    response = client.post(
        url,
        {
            "course": course.pk,
            "target": "learners",
            "learners": [newcomer.pk, stranger.pk],
            "due_date": due,
        },
    )
    assert response.status_code == 400
    assert f"{stranger.pk} n’en fait pas partie" in response.content.decode()
    assert "SEG-010" not in response.content.decode()
    assert not Enrollment.objects.filter(learner=stranger).exists()
    assert Assignment.objects.count() == 1

    html = client.get(url).content.decode()
    assert course.title in html and "Région de Mopti" in html


def test_assignment_delete_is_scoped_and_post_only(client, tree, course):
    mine = Assignment.objects.create(course=course, unit=tree.mopti, due_date=date(2030, 1, 1))
    theirs = Assignment.objects.create(course=course, unit=tree.segou, due_date=date(2030, 1, 1))
    client.force_login(supervisor_of(tree.mopti))
    assert client.get(reverse("tracking:assignment_delete", args=[mine.pk])).status_code == 405
    assert client.post(reverse("tracking:assignment_delete", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("tracking:assignment_delete", args=[mine.pk])).status_code == 302
    assert list(Assignment.objects.all()) == [theirs]


def test_navigation_shows_suivi_to_supervisors_only(client, tree, people):
    client.force_login(people["awa"])
    assert reverse("tracking:dashboard") not in client.get(reverse("home")).content.decode()
    client.force_login(supervisor_of(tree.mopti))
    assert reverse("tracking:dashboard") in client.get(reverse("home")).content.decode()


def test_administrators_see_everything(client, tree, people, role_groups):
    admin = UserFactory(role="Administrateurs")
    client.force_login(admin)
    html = client.get(reverse("tracking:dashboard")).content.decode()
    assert "Sira Diallo" in html and "Awa Traoré" in html


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(40, "moins d’une minute"), (275, "4 min 35 s"), (300, "5 min"), (3900, "1 h 05 min")],
)
def test_an_attempt_s_duration_is_readable_on_the_learner_page(
    client, tree, course, people, seconds, shown
):
    """A 40-second attempt read « 0 minutes »: whole minutes of Django's timesince."""
    from courses.models import ModulePage
    from quizzes.models import Attempt
    from quizzes.tests.factories import question_make, quiz_make

    module = ModulePage.objects.child_of(course).first()
    quiz = quiz_make(module, questions=[question_make("single")])
    attempt = Attempt.objects.create(
        learner=people["awa"], quiz=quiz, number=1, state=Attempt.State.FINISHED, percent=50
    )
    Attempt.objects.filter(pk=attempt.pk).update(
        finished_at=attempt.started_at + timedelta(seconds=seconds)
    )
    client.force_login(supervisor_of(tree.mopti))
    html = client.get(reverse("tracking:learner", args=[people["awa"].pk])).content.decode()
    assert f"<td>{shown}</td>" in html.replace("\u00a0", " ")
    assert "0 minute" not in html


def _picker_options(html: str) -> list[str]:
    import re

    select = re.search(r'<select name="learners".*?</select>', html, re.S).group(0)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


def test_assignment_picker_lists_and_accepts_only_learners_in_scope(client, tree, course):
    """The learners' list is searched on the server, within the supervisor's scope: a
    matricule from another unit is neither listed nor accepted, even posted by hand."""
    awa = LearnerFactory(unit=tree.sevare, matricule="MOP-011", full_name="Awa Touré")
    LearnerFactory(unit=tree.mopti, matricule="MOP-012", full_name="Issa Diarra")
    stranger = LearnerFactory(unit=tree.segou, matricule="SEG-011", full_name="Awa Keïta")
    client.force_login(supervisor_of(tree.mopti))
    url = reverse("tracking:assignments")
    due = (timezone.localdate() + timedelta(days=14)).isoformat()

    options = _picker_options(client.get(url).content.decode())
    assert options == ["Awa Touré (MOP-011)", "Issa Diarra (MOP-012)"]

    # « Rechercher » keeps what was typed and picked, lists the matches, saves nothing.
    response = client.post(
        url,
        {
            "course": course.pk,
            "target": "learners",
            "learner_search": "awa",
            "learners": [awa.pk],
            "due_date": due,
            "search": "1",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and "errorlist" not in html
    assert _picker_options(html) == ["Awa Touré (MOP-011)"]
    assert f'value="{awa.pk}" selected' in html
    assert "SEG-011" not in html and "Keïta" not in html
    assert (
        client.post(url, {"learner_search": "SEG-011", "search": "1"})
        .content.decode()
        .count("SEG-011")
        == 1
    )  # in the search box only, never in the list
    assert not Assignment.objects.exists()

    response = client.post(
        url,
        {"course": course.pk, "target": "learners", "learners": [stranger.pk], "due_date": due},
    )
    assert response.status_code == 400
    assert not Enrollment.objects.filter(learner=stranger).exists()
    response = client.post(
        url, {"course": course.pk, "target": "learners", "learners": [awa.pk], "due_date": due}
    )
    assert response.status_code == 302
    assert Enrollment.objects.filter(learner=awa, course=course).exists()
    assert Assignment.objects.get().learner == awa


def test_assignment_form_shows_the_chosen_targets_field_only(client, tree, course):
    """Each target's field sits in its own block, which the stylesheet hides unless its radio
    is checked; a unit assignment ignores learners posted with it."""
    from pathlib import Path

    from django.contrib.staticfiles import finders

    client.force_login(supervisor_of(tree.mopti))
    html = client.get(reverse("tracking:assignments")).content.decode()
    unit_block = html.index("target-block--unit")
    learners_block = html.index("target-block--learners")
    assert unit_block < html.index('name="unit"') < learners_block < html.index('name="learners"')
    assert 'name="matricules"' not in html
    css = Path(finders.find("css/kalan.css")).read_text(encoding="utf-8")
    assert '[value="unit"]:checked) .target-block--learners' in css
    assert '[value="learners"]:checked) .target-block--unit' in css
    learner = LearnerFactory(unit=tree.sevare)
    # Enter in the date field sends the first submit button, « Rechercher », hidden here.
    response = client.post(
        reverse("tracking:assignments"),
        {
            "course": course.pk,
            "target": "unit",
            "unit": tree.sevare.pk,
            "search": "1",
            "learners": [learner.pk],
            "due_date": (timezone.localdate() + timedelta(days=7)).isoformat(),
        },
    )
    assert response.status_code == 302
    assert Assignment.objects.get().unit_id == tree.sevare.pk
