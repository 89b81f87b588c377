"""The demo (packages/demo.py, content/demo/): its quizzes hand out no answer before the last
attempt, the final evaluations draw from a larger pool, and a demo database loaded before
the safe review policy is brought up to date; loading again changes nothing."""

import pytest
from django.urls import reverse

from accounts.tests.factories import LearnerFactory
from conftest import database_for_module
from courses import services as course_services
from courses.models import CoursePage
from packages.demo import demo_courses_load, demo_quizzes
from quizzes import selectors
from quizzes.demo import REVIEW_POLICY, UNSAFE_POLICY
from quizzes.models import ANSWER_PARTS, Question, QuizPage

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_db(django_db_setup, django_db_blocker):
    """The three packages imported once for the module (an import takes seconds)."""
    with database_for_module(django_db_blocker):
        from django.db import transaction

        with transaction.atomic():
            sid = transaction.savepoint()
            courses = demo_courses_load(index=course_services.course_tree_setup())
            yield courses, demo_quizzes(courses)
            transaction.savepoint_rollback(sid)


@pytest.fixture
def demo(demo_db):
    return demo_db


def finals(quizzes):
    return [q for q in quizzes if q.title == "Évaluation finale"]


def test_demo_quizzes_show_no_answer_before_the_last_attempt_and_finals_draw_from_more(demo):
    _courses, quizzes = demo
    assert len(quizzes) == 12 and len(finals(quizzes)) == 3
    for quiz in quizzes:
        assert quiz.live and quiz.required
        assert not (set(quiz.review_after) | set(quiz.review_open)) & ANSWER_PARTS, quiz
        assert set(quiz.review_final) >= ANSWER_PARTS and set(quiz.review_closed) >= ANSWER_PARTS
        assert selectors.review_leak(quiz=quiz, slots=list(quiz.slots.all())) == (set(), [])
    # The final evaluations draw from a larger pool: two attempts do not ask the same.
    for quiz in finals(quizzes):
        (slot,) = quiz.slots.all()
        pool = Question.objects.filter(category=slot.category, live=True).count()
        assert slot.random_count == 8 and pool > slot.random_count, (quiz, pool)
        assert selectors.repeated_slots(slots=[slot]) == []


def test_a_blank_attempt_at_the_demo_final_evaluation_shows_no_answer(client, demo):
    courses, quizzes = demo
    # The learner reaches the final evaluation without the modules before it.
    CoursePage.objects.filter(pk=courses[0].pk).update(sequential_modules=False)
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=courses[0])
    client.force_login(learner)
    quiz = next(q for q in finals(quizzes) if q.get_parent().pk == courses[0].pk)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = quiz.attempts.get()
    response = client.post(reverse("quizzes:attempt_submit", args=[attempt.pk]))
    html = client.get(response.url).content.decode()
    assert "Note : 0 %" in html
    assert "Bonne réponse" not in html and "verdict--" not in html and "Exact" not in html


def test_load_demo_brings_an_existing_demo_database_up_to_date(demo):
    courses, quizzes = demo
    # A demo database loaded before: the unsafe policy, live and in the latest revision.
    for quiz in quizzes:
        for field, value in {**UNSAFE_POLICY, "review_final": []}.items():
            setattr(quiz, field, value)
        quiz.save_revision().publish()
    kept = quizzes[0]
    kept.review_after = ["score", "correctness"]  # an editor's own choice since
    kept.save_revision().publish()
    questions = Question.objects.count()

    assert demo_courses_load(index=course_services.course_tree_setup()) == courses
    revisions = {}
    for quiz in QuizPage.objects.filter(pk__in=[q.pk for q in quizzes[1:]]):
        draft = quiz.get_latest_revision_as_object()
        for field, value in REVIEW_POLICY.items():
            assert getattr(quiz, field) == value and getattr(draft, field) == value, quiz
        revisions[quiz.pk] = quiz.revisions.count()
    assert QuizPage.objects.get(pk=kept.pk).review_after == ["score", "correctness"]

    # Idempotent: a second run changes nothing.
    demo_courses_load(index=course_services.course_tree_setup())
    assert Question.objects.count() == questions
    assert CoursePage.objects.count() == 3
    for quiz in QuizPage.objects.filter(pk__in=revisions):
        assert quiz.revisions.count() == revisions[quiz.pk]
