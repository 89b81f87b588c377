"""The dashboard's reads: figures, and query budgets that do not grow with the learner count."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import LearnerFactory, UnitFactory
from certificates.models import Certificate
from courses.models import Enrollment
from quizzes.models import QuizGrade
from quizzes.tests.factories import quiz_make
from tracking import selectors

from .factories import supervisor_of

pytestmark = pytest.mark.django_db


def _population(tree, course, quiz, size: int):
    """`size` learners per unit of Mopti's subtree, in every state, with grades and
    certificates, plus as many in Ségou who must never be counted."""
    today = timezone.localdate()
    statuses = list(Enrollment.Status)
    for index in range(size):
        for unit in (tree.mopti, tree.sevare, tree.segou):
            learner = LearnerFactory(unit=unit)
            status = statuses[index % 3]
            Enrollment.objects.create(
                learner=learner,
                course=course,
                status=status,
                progress_percent=100 if status == "completed" else 40,
                due_date=today - timedelta(days=1) if index % 2 else None,
                completed_at=timezone.now() if status == "completed" else None,
            )
            QuizGrade.objects.create(
                learner=learner, quiz=quiz, course=course, percent=50 + index, passed=index % 2 == 0
            )
            if status == "completed":
                Certificate.objects.create(
                    learner=learner, course=course, learner_name="x", course_title="y"
                )


@pytest.fixture
def quiz(course):
    return quiz_make(course)


@pytest.mark.parametrize("direct", [False, True], ids=["matched", "direct"])
def test_course_stats_over_the_scope(tree, course, quiz, direct):
    """The same figures whether grades and certificates are matched to the enrollments or
    selected directly by the scope (`related`)."""
    _population(tree, course, quiz, 3)
    supervisor = supervisor_of(tree.mopti)
    enrollments = selectors.enrollments_in_scope(user=supervisor)
    related = selectors.related_q(user=supervisor, filters=selectors.Filters()) if direct else None
    (stats,) = selectors.course_stats(
        enrollments=enrollments, today=timezone.localdate(), related=related
    )
    assert stats.title == course.title
    # 3 per unit in Mopti and Sévaré: index 0, 1, 2 → not started, in progress, completed.
    assert (stats.enrolled, stats.not_started, stats.in_progress, stats.completed) == (6, 2, 2, 2)
    assert stats.assigned == 2 and stats.overdue == 2  # index 1 is due yesterday, not done
    assert (stats.graded, stats.passed, stats.pass_rate) == (6, 4, 67)
    assert stats.average_percent == pytest.approx(51)
    assert stats.certificates == 2


def test_related_q_only_without_filters_on_the_enrollment_itself(tree):
    supervisor = supervisor_of(tree.mopti)
    Filters = selectors.Filters
    assert selectors.related_q(user=supervisor, filters=Filters(unit=tree.sevare, q="x"))
    for filters in (Filters(status="overdue"), Filters(due_from=timezone.localdate())):
        assert selectors.related_q(user=supervisor, filters=filters) is None


def test_completions_by_week_fills_empty_weeks(tree, course, quiz):
    _population(tree, course, quiz, 3)
    enrollments = selectors.enrollments_in_scope(user=supervisor_of(tree.mopti))
    weeks = selectors.completions_by_week(enrollments=enrollments, today=timezone.localdate())
    assert len(weeks) == selectors.CHART_WEEKS
    assert [point.completed for point in weeks] == [0] * 11 + [2]


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("name", "params", "budget"),
    [
        ("tracking:dashboard", {}, 12),
        ("tracking:dashboard", {"unit": "mopti", "status": "overdue", "sort": "-progress"}, 15),
        # Exports are counted in their job: the export's reads and the job's bookkeeping
        # (claim, progress, outcome), no request.
        ("tracking:export", {"fmt": "csv"}, 13),
        ("tracking:export", {"fmt": "xlsx"}, 13),
    ],
)
def test_query_count_does_not_grow_with_learners(client, tree, course, quiz, name, params, budget):
    params = dict(params)
    args = [params.pop("fmt")] if "fmt" in params else []
    if params.get("unit") == "mopti":
        params["unit"] = tree.mopti.pk
    url = reverse(name, args=args)
    supervisor = supervisor_of(tree.mopti)
    client.force_login(supervisor)

    def count():
        if name == "tracking:export":  # the work is in the job, not in the request
            return _export_job_queries(supervisor, args[0])
        return _queries(client, url, params)

    _population(tree, course, quiz, 2)
    small = count()
    _population(tree, course, quiz, 20)
    # More units too: the breakdown must not ask once per unit.
    for n in range(5):
        UnitFactory(name=f"Brigade {n}", parent=tree.mopti.__class__.objects.get(pk=tree.mopti.pk))
    large = count()
    assert small == large <= budget


def _export_job_queries(supervisor, fmt: str) -> int:
    from django.http import QueryDict

    from jobs import services as job_services
    from jobs.models import Job
    from tracking.jobs import EXPORT, export_params

    job = Job.objects.create(
        owner=supervisor,
        kind=EXPORT,
        params=export_params(user=supervisor, fmt=fmt, query=QueryDict()),
        expires_at=timezone.now() + timedelta(hours=1),
    )
    with CaptureQueriesContext(connection) as captured:
        job_services.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.message
    return len(captured)


def test_assignments_in_scope_are_to_a_unit_or_a_learner_of_the_scope(tree, course):
    from datetime import date

    from tracking.models import Assignment

    due = date(2030, 1, 1)
    to_sevare = Assignment.objects.create(course=course, unit=tree.sevare, due_date=due)
    to_segou = Assignment.objects.create(course=course, unit=tree.segou, due_date=due)
    to_gendarmerie = Assignment.objects.create(course=course, unit=tree.gendarmerie, due_date=due)
    mine = LearnerFactory(unit=tree.mopti)
    theirs = LearnerFactory(unit=tree.segou)
    to_mine = Assignment.objects.create(course=course, learner=mine, due_date=due)
    Assignment.objects.create(course=course, learner=theirs, due_date=due)
    supervisor = supervisor_of(tree.mopti)
    assert set(selectors.assignment_list_in_scope(user=supervisor)) == {to_sevare, to_mine}
    assert set(selectors.assignment_list_in_scope(user=supervisor_of(tree.gendarmerie))) >= {
        to_segou,
        to_gendarmerie,
    }
    assert not selectors.assignment_list_in_scope(user=mine).exists()
