"""quizzes/selectors.py: what a start reads in one raw statement equals what the ORM reads."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from accounts.tests.factories import LearnerFactory
from courses import services as course_services
from courses.models import ModulePage
from courses.tests.factories import course_build
from quizzes import selectors
from quizzes.models import Attempt
from quizzes.tests.factories import question_make, quiz_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return course_build(modules=1, lessons=1)


@pytest.fixture
def quiz(course):
    return quiz_make(ModulePage.objects.child_of(course).get(), questions=[question_make()])


def facts(learner, quiz, course):
    return selectors.start_facts(learner_id=learner.pk, quiz_id=quiz.pk, course_id=course.pk)


def attempt_add(learner, quiz, state, minutes_ago=None):
    now = timezone.now()
    return Attempt.objects.create(
        learner=learner,
        quiz=quiz,
        number=Attempt.objects.filter(learner=learner, quiz=quiz).count() + 1,
        state=state,
        max_score=1,
        finished_at=None if minutes_ago is None else now - timedelta(minutes=minutes_ago),
    )


def test_nothing_yet(course, quiz):
    learner = LearnerFactory()
    found = facts(learner, quiz, course)
    assert found == selectors.StartFacts(
        counts=selectors.AttemptCounts(None, 0, None), enrolled=False
    )
    assert found.counts.total == 0


@pytest.mark.parametrize(
    "states",
    [
        [("finished", 30)],
        [("finished", 90), ("needs_grading", 10), ("in_progress", None)],
        [("abandoned", 5), ("finished", 60)],
        [("abandoned", 5)],
        [("finished", None), ("in_progress", None)],
    ],
)
def test_the_statement_counts_as_the_attempts_read_by_the_orm(course, quiz, states):
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course)
    # Someone else's attempts, and the learner's at another quiz, count for nothing.
    other_quiz = quiz_make(quiz.get_parent(), questions=[question_make()], title="Autre")
    attempt_add(learner, other_quiz, "finished", 1)
    attempt_add(LearnerFactory(), quiz, "finished", 1)
    for state, minutes_ago in states:
        attempt_add(learner, quiz, state, minutes_ago)
    found = facts(learner, quiz, course)
    expected = selectors.AttemptCounts.of(list(Attempt.objects.filter(learner=learner, quiz=quiz)))
    assert found.counts == expected
    assert found.enrolled
    assert found.counts.total == len(states)
    if expected.last_ended_at is not None:
        assert found.counts.last_ended_at.tzinfo is not None


def test_enrolled_in_another_course_is_not_enrolled_in_this_one(course, quiz):
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course_build(title="Autre"))
    assert not facts(learner, quiz, course).enrolled


def test_a_datetime_stored_as_text_by_sqlite_is_read_as_utc():
    assert selectors._datetime_read("2026-12-04 15:30:00.250000") == datetime(
        2026, 12, 4, 15, 30, 0, 250000, tzinfo=UTC
    )
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    assert selectors._datetime_read(moment) is moment
    assert selectors._datetime_read(None) is None
