"""The demo's quizzes (quizzes/demo.py): a review policy that hands out no answer before the
last attempt, a final evaluation drawing from a larger pool, and a demo database loaded
before them brought up to date."""

import pytest
from django.urls import reverse

from accounts.tests.factories import LearnerFactory
from courses import services as course_services
from courses.demo import demo_courses_load
from courses.models import CoursePage
from quizzes import selectors
from quizzes.demo import FINAL_DRAW, REVIEW_POLICY, UNSAFE_POLICY, demo_quizzes_load
from quizzes.demo_content import QUIZZES
from quizzes.models import ANSWER_PARTS, Question, QuizPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    courses = demo_courses_load(index=course_services.course_tree_setup())
    return courses, demo_quizzes_load(courses=courses)


def finals(quizzes):
    return [q for q in quizzes if q.title == "Évaluation finale"]


def test_demo_quizzes_show_no_answer_before_the_last_attempt_and_finals_draw_from_more(demo):
    _courses, quizzes = demo
    assert len(quizzes) == 12 and len(finals(quizzes)) == 3
    for quiz in quizzes:
        assert quiz.required
        assert not (set(quiz.review_after) | set(quiz.review_open)) & ANSWER_PARTS, quiz
        assert set(quiz.review_final) >= ANSWER_PARTS and set(quiz.review_closed) >= ANSWER_PARTS
        assert selectors.review_leak(quiz=quiz, slots=list(quiz.slots.all())) == (set(), [])
    # The final evaluations draw from a larger pool: two attempts do not ask the same.
    for quiz in finals(quizzes):
        (slot,) = quiz.slots.all()
        pool = Question.objects.filter(category=slot.category).count()
        assert slot.random_count == FINAL_DRAW and pool > slot.random_count, (quiz, pool)
        assert selectors.repeated_slots(slots=[slot]) == []
    assert all(len(data["final"]) > FINAL_DRAW for data in QUIZZES.values())


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
    # A demo database loaded before: the unsafe policy, live and in the latest revision, and
    # the final categories with only the first eight questions.
    added = [q["name"] for data in QUIZZES.values() for q in data["final"][FINAL_DRAW:]]
    Question.objects.filter(name__in=added).delete()
    for quiz in quizzes:
        for field, value in {**UNSAFE_POLICY, "review_final": []}.items():
            setattr(quiz, field, value)
        quiz.save_revision().publish()
    kept = quizzes[0]
    kept.review_after = ["score", "correctness"]  # an editor's own choice since
    kept.save_revision().publish()

    demo_quizzes_load(courses=courses)
    assert Question.objects.filter(name__in=added).count() == len(added)
    revisions = {}
    for quiz in QuizPage.objects.filter(pk__in=[q.pk for q in quizzes[1:]]):
        draft = quiz.get_latest_revision_as_object()
        for field, value in REVIEW_POLICY.items():
            assert getattr(quiz, field) == value and getattr(draft, field) == value, quiz
        revisions[quiz.pk] = quiz.revisions.count()
    assert QuizPage.objects.get(pk=kept.pk).review_after == ["score", "correctness"]

    # Idempotent: a second run changes nothing.
    demo_quizzes_load(courses=courses)
    assert Question.objects.count() == sum(
        len(data["final"]) + sum(len(m) for m in data["modules"]) for data in QUIZZES.values()
    )
    for quiz in QuizPage.objects.filter(pk__in=revisions):
        assert quiz.revisions.count() == revisions[quiz.pk]
