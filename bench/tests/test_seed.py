"""bench/seed.py: the shape of the synthetic data set, its consistency with the platform's
own rules (checked by running the services on it), and --replace."""

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.db.models import Count, Max
from django.utils import timezone

from accounts import roles
from accounts.models import Unit, User
from accounts.tests.factories import LearnerFactory, UnitFactory
from bench import seed
from certificates.models import Certificate
from courses import services as course_services
from courses.models import CoursePage, Enrollment, LessonCompletion, LessonPage, ModulePage
from courses.scores import course_score
from quizzes.models import Attempt, QuizGrade, QuizPage
from tracking import services
from tracking.models import Assignment

pytestmark = pytest.mark.django_db

UNITS = 2 + 2 * 8 + 2 * 8 * 5  # two corps, eight regions each, five local units per region


def _seed(*, learners: int, courses: int, replace: bool = False) -> str:
    out = StringIO()
    seed.load(learners=learners, courses=courses, replace=replace, allow_production=True, out=out)
    return out.getvalue()


@pytest.fixture
def seeded(role_groups, django_capture_on_commit_callbacks):
    """60 learners and two courses, with no Celery task sent, then or at commit."""
    with (
        mock.patch("celery.app.task.Task.apply_async") as sent,
        django_capture_on_commit_callbacks(execute=True),
    ):
        out = _seed(learners=60, courses=2)
    assert not sent.called
    return out


def test_unit_tree_has_three_levels(seeded):
    assert Unit.objects.count() == UNITS
    assert Unit.objects.aggregate(depth=Max("depth"))["depth"] == 3
    assert sorted(u.name for u in Unit.get_root_nodes()) == [
        "Gendarmerie nationale",
        "Police nationale",
    ]
    mopti = Unit.objects.get(name="Région de Mopti")
    assert "Brigade de Sévaré" in [u.name for u in mopti.get_children()]


def test_people(seeded):
    learners = User.objects.filter(groups__name=roles.LEARNERS)
    assert learners.count() == 60
    assert not learners.exclude(matricule__startswith=seed.MATRICULE_PREFIX).exists()
    assert not any(u.has_usable_password() for u in learners)
    assert {u.unit.depth for u in learners.select_related("unit")} <= {2, 3}
    assert all(u.full_name and u.rank for u in learners)
    with_email = learners.exclude(email="").count()
    assert 20 <= with_email <= 50  # 60% of 60, give or take
    supervisors = User.objects.filter(groups__name=roles.SUPERVISORS).annotate(
        n=Count("supervised_units"), depth=Max("supervised_units__depth")
    )
    assert supervisors.count() == 2 + 16
    assert {s.n for s in supervisors} == {1}
    assert sorted(s.depth for s in supervisors) == [1, 1] + [2] * 16
    assert User.objects.filter(groups__name=roles.ADMINISTRATORS).count() == 1


def test_courses_are_published_with_modules_lessons_and_a_quiz(seeded):
    courses = CoursePage.objects.filter(slug__startswith=seed.SLUG_PREFIX)
    assert courses.count() == 2
    for course in courses:
        assert course.live
        assert ModulePage.objects.child_of(course).live().count() == 2
        assert LessonPage.objects.descendant_of(course).live().count() == 6
        quiz = QuizPage.objects.child_of(course).live().get()
        assert quiz.slots.count() == seed.QUESTIONS


def as_the_service_computes(enrollment) -> tuple[str, int]:
    """The status and progress that courses' own service derives from the seeded completions
    and grades, from scratch (it never takes a completion back, so the status is reset first)."""
    Enrollment.objects.filter(pk=enrollment.pk).update(
        status=Enrollment.Status.NOT_STARTED, progress_percent=0
    )
    refreshed = course_services.enrollment_progress_refresh(enrollment=enrollment)
    return refreshed.status, refreshed.progress_percent


def test_enrollments_are_consistent_with_their_activity(seeded):
    enrollments = list(Enrollment.objects.all())
    assert 0.6 * 120 <= len(enrollments) <= 0.8 * 120  # about 70% of the 120 pairs
    lessons = {
        (row["learner_id"], row["course_id"]): row["n"]
        for row in LessonCompletion.objects.values("learner_id", "course_id").annotate(
            n=Count("pk")
        )
    }
    grades = {(g.learner_id, g.course_id): g for g in QuizGrade.objects.all()}
    statuses = set()
    for e in enrollments:
        statuses.add(e.status)
        done = lessons.get((e.learner_id, e.course_id), 0)
        grade = grades.get((e.learner_id, e.course_id))
        passed = bool(grade and grade.passed)
        assert (e.status, e.progress_percent) == as_the_service_computes(e), e.pk
        if e.status == Enrollment.Status.NOT_STARTED:
            assert done == 0 and grade is None
            assert e.started_at is None and e.last_activity_at is None and e.completed_at is None
        elif e.status == Enrollment.Status.IN_PROGRESS:
            assert 0 < e.progress_percent < 100 and not passed
            assert e.started_at and e.last_activity_at and e.completed_at is None
            assert e.enrolled_at <= e.started_at <= e.last_activity_at
        else:
            assert e.progress_percent == 100 and passed
            assert e.enrolled_at <= e.started_at <= e.completed_at == e.last_activity_at
        if grade is not None:
            assert done == 6  # the final quiz comes after the lessons
    assert statuses == set(Enrollment.Status)
    assert not Attempt.objects.exclude(state=Attempt.State.FINISHED).exists()
    assert QuizGrade.objects.count() == (
        Attempt.objects.values("learner_id", "quiz_id").distinct().count()
    )


def test_every_completed_enrollment_has_its_certificate(seeded):
    completed = set(
        Enrollment.objects.filter(status=Enrollment.Status.COMPLETED).values_list(
            "learner_id", "course_id"
        )
    )
    certificates = Certificate.objects.all()
    assert completed
    assert set(certificates.values_list("learner_id", "course_id")) == completed
    assert certificates.count() == len(completed)
    assert not any(c.pdf for c in certificates)
    for certificate in certificates:
        numbered = Certificate(pk=certificate.pk, issued_at=certificate.issued_at)
        numbered.serial_assign()
        assert certificate.serial == numbered.serial
        # The score the certificate service would state.
        enrollment = Enrollment.objects.get(learner=certificate.learner, course=certificate.course)
        score = course_score(learner=enrollment.learner, course=enrollment.course)
        assert (certificate.score_percent, certificate.score_basis) == (score.percent, score.basis)
        assert certificate.issued_at >= enrollment.completed_at


def test_assignments_match_the_enrollments(seeded):
    assert Assignment.objects.filter(unit__depth=1).count() == 2
    # Assigned weeks ago, not by the seed's own clock; enrolled when assigned.
    assert not Assignment.objects.filter(created_at__gt=timezone.now() - timedelta(hours=23))
    assert not Enrollment.objects.filter(enrolled_at__gt=timezone.now() - timedelta(hours=23))
    assert Enrollment.objects.exclude(due_date=None).exists()
    # Every covered learner is enrolled with the earliest due date: nothing left to apply.
    assert services.assignments_apply() == 0


def test_running_twice_is_refused(seeded):
    with pytest.raises(seed.SeedError, match="Seed data already exist"):
        _seed(learners=10, courses=1)
    assert User.objects.filter(groups__name=roles.LEARNERS).count() == 60


def test_replace_deletes_only_the_seed(seeded):
    # Somebody else's unit and learner, in a seed unit and in a unit of their own.
    region = Unit.objects.get(name="Région de Kayes")
    own = UnitFactory(name="Brigade hors essai", parent=region)
    outsider = LearnerFactory(matricule="OPJ-9999", unit=Unit.objects.get(pk=own.pk))
    out = _seed(learners=30, courses=1, replace=True)
    assert "Deleted (the previous seed)" in out
    assert User.objects.filter(groups__name=roles.LEARNERS).count() == 31
    assert User.objects.filter(pk=outsider.pk).exists()
    assert Unit.objects.filter(pk=own.pk).exists()
    assert Unit.objects.count() == UNITS + 1
    assert CoursePage.objects.filter(slug__startswith=seed.SLUG_PREFIX).count() == 1
    assert Certificate.objects.count() == (
        Enrollment.objects.filter(status=Enrollment.Status.COMPLETED).count()
    )


def test_same_seed_same_data(seeded):
    def people():
        return list(
            User.objects.order_by("matricule").values_list("matricule", "full_name", "unit__name")
        )

    first = people()
    _seed(learners=60, courses=2, replace=True)
    assert people() == first


def test_refused_without_debug_unless_allowed(settings):
    settings.DEBUG = False
    with pytest.raises(seed.SeedError, match="DEBUG is off"):
        seed.load(learners=1, courses=1, out=StringIO())
