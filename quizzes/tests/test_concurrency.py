"""Races on PostgreSQL with real threads (each has its own connection). SQLite serialises all
writes, so these tests only mean something on PostgreSQL, which CI uses."""

import threading

import pytest
from django.db import connection, transaction

from accounts.tests.factories import LearnerFactory
from conftest import run_together
from courses import services as course_services
from courses.models import ModulePage
from courses.tests.factories import course_build
from quizzes import grading, services
from quizzes.models import Attempt
from quizzes.tests.factories import question_make, quiz_make

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
]


@pytest.fixture
def quiz_and_learner(wagtail_site, role_groups):
    course = course_build(modules=1, lessons=1)
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course)
    module = ModulePage.objects.child_of(course).first()
    quiz = quiz_make(module, questions=[question_make("single")], attempts_allowed=2)
    return quiz, learner


def test_two_concurrent_submits_grade_once(quiz_and_learner, monkeypatch):
    quiz, learner = quiz_and_learner
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    calls = []
    real_grade = grading.grade

    def counting_grade(snapshot, response):
        calls.append(1)
        return real_grade(snapshot, response)

    monkeypatch.setattr(grading, "grade", counting_grade)
    results, errors = run_together(4, lambda: services.attempt_submit(attempt=attempt))
    assert errors == []
    assert len(calls) == 1  # one item, graded by exactly one of the four submits
    assert len({r.finished_at for r in results}) == 1
    assert Attempt.objects.get().state == Attempt.State.FINISHED


def test_concurrent_starts_never_exceed_the_attempts_allowed(quiz_and_learner):
    quiz, learner = quiz_and_learner
    services.attempt_submit(attempt=services.attempt_start(learner=learner, quiz=quiz))
    results, errors = run_together(6, lambda: services.attempt_start(learner=learner, quiz=quiz))
    assert errors == []
    assert len({attempt.pk for attempt in results}) == 1
    assert Attempt.objects.filter(learner=learner, quiz=quiz).count() == 2
    services.attempt_submit(attempt=results[0])
    results, errors = run_together(4, lambda: services.attempt_start(learner=learner, quiz=quiz))
    assert results == []
    assert all(isinstance(e, services.QuizError) for e in errors) and len(errors) == 4
    assert Attempt.objects.filter(learner=learner, quiz=quiz).count() == 2


def _holding(action, held: threading.Event, release: threading.Event, errors: list):
    """Runs `action` in a transaction of its own thread and keeps it open (with its row locks)
    until `release` is set."""

    def worker():
        from django.db import connection as thread_connection

        try:
            with transaction.atomic():
                action()
                held.set()
                release.wait(timeout=10)
        except Exception as exc:  # asserted on by the caller
            errors.append(exc)
            held.set()
        finally:
            thread_connection.close()

    thread = threading.Thread(target=worker)
    thread.start()
    return thread


@pytest.mark.parametrize("step", ["save", "submit"])
def test_a_learner_never_waits_for_another_learners_lock(quiz_and_learner, step):
    """The whole unit saves and submits the same quiz at once: each request locks its own
    attempt and enrollment rows only, never the quiz's or the course's page, or every
    request of the quiz would queue behind the others."""
    quiz, first = quiz_and_learner
    second = LearnerFactory()
    course_services.enrollment_create(learner=second, course=services.quiz_course(quiz))
    attempts = [services.attempt_start(learner=u, quiz=quiz) for u in (first, second)]

    def act(attempt):
        if step == "save":
            item = attempt.items.get()
            token = item.display_order[0][0]
            services.attempt_save(attempt=attempt, responses={item.pk: {"choice": token}})
        else:
            services.attempt_submit(attempt=attempt)

    held, release, errors = threading.Event(), threading.Event(), []
    thread = _holding(lambda: act(attempts[0]), held, release, errors)
    try:
        assert held.wait(timeout=10)
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '2s'")
            act(attempts[1])  # raises OperationalError if it waits for the first learner
    finally:
        release.set()
        thread.join(timeout=15)
    assert errors == []
    if step == "submit":
        assert Attempt.objects.filter(state=Attempt.State.FINISHED).count() == 2


def test_two_graders_saving_the_same_essay_one_wins(wagtail_site, role_groups):
    from decimal import Decimal

    from accounts import roles
    from accounts.tests.factories import UserFactory
    from quizzes.models import AttemptItem

    course = course_build(modules=1, lessons=1)
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course)
    module = ModulePage.objects.child_of(course).first()
    quiz = quiz_make(module, questions=[question_make("essay", max_score="4")])
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    essay = attempt.items.get()
    services.attempt_save(attempt=attempt, responses={essay.pk: {"text": "Ma réponse."}})
    services.attempt_submit(attempt=attempt)
    graders = iter([UserFactory(role=roles.EDITORS), UserFactory(role=roles.EDITORS)])
    lock = threading.Lock()

    def grade():
        with lock:
            grader = next(graders)
        return services.essay_grade(item_id=essay.pk, grader=grader, score=3, feedback="Bien.")

    results, errors = run_together(2, grade)
    assert len(results) == 1
    assert len(errors) == 1 and isinstance(errors[0], services.GradingError)
    assert "corrigée par quelqu’un d’autre" in str(errors[0])
    item = AttemptItem.objects.get(pk=essay.pk)
    assert item.score == Decimal(3) and item.graded_by == results[0].graded_by
    assert Attempt.objects.get().state == Attempt.State.FINISHED
