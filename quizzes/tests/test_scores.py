"""The course score that quizzes registers for the certificate (courses.scores): the final
evaluation's grade as the learner saw it, else the mean of the quiz grades, said as a mean."""

import re
from decimal import Decimal

import pytest

from accounts.tests.factories import LearnerFactory
from courses import services as course_services
from courses.models import ModulePage
from courses.scores import ScoreBasis, course_score, percent_as_shown
from courses.tests.factories import course_build
from quizzes import services
from quizzes.models import QuizGrade
from quizzes.tests.factories import question_make, quiz_make
from quizzes.tests.test_services import right_raw

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return course_build(modules=2, lessons=1, rule="all_requirements", sequential=False)


@pytest.fixture
def learner(course):
    user = LearnerFactory()
    course_services.enrollment_create(learner=user, course=course)
    return user


def modules_of(course):
    return list(ModulePage.objects.child_of(course).order_by("path"))


def grade(learner, quiz, percent):
    return QuizGrade.objects.create(
        learner=learner,
        quiz=quiz,
        course=services.quiz_course(quiz),
        percent=Decimal(percent),
        passed=True,
    )


def test_the_final_evaluation_grade_not_the_mean_of_the_quizzes(course, learner):
    """Issue 16, point 7: 79 in a module quiz and 85 at the final evaluation made the
    certificate say « Note finale : 82 % » while the learner had seen 85 %."""
    first, _second = modules_of(course)
    module_quiz = quiz_make(first, questions=[question_make("single")])
    final = quiz_make(course, questions=[question_make("single")], title="Évaluation finale")
    grade(learner, module_quiz, "79")
    grade(learner, final, "85")
    score = course_score(learner=learner, course=course)
    assert score.basis == ScoreBasis.FINAL_EVALUATION
    assert score.percent == Decimal("85")


def test_without_a_final_evaluation_the_mean_is_said_to_be_a_mean(course, learner):
    first, second = modules_of(course)
    grade(learner, quiz_make(first, questions=[question_make("single")]), "79")
    grade(learner, quiz_make(second, questions=[question_make("single")], title="Q2"), "85")
    score = course_score(learner=learner, course=course)
    assert score.basis == ScoreBasis.QUIZ_MEAN
    assert score.percent == Decimal("82")


def test_a_final_evaluation_not_taken_falls_back_to_the_mean(course, learner):
    first, _second = modules_of(course)
    grade(learner, quiz_make(first, questions=[question_make("single")]), "70")
    quiz_make(
        course, questions=[question_make("single")], title="Évaluation finale", required=False
    )
    score = course_score(learner=learner, course=course)
    assert (score.basis, score.percent) == (ScoreBasis.QUIZ_MEAN, Decimal("70"))


def test_the_last_quiz_of_the_course_is_the_final_evaluation(course, learner):
    early = quiz_make(course, questions=[question_make("single")], title="Test de positionnement")
    last = quiz_make(course, questions=[question_make("single")], title="Évaluation finale")
    grade(learner, early, "40")
    grade(learner, last, "90")
    assert course_score(learner=learner, course=course).percent == Decimal("90")
    last.unpublish()
    # An unpublished quiz is no longer the course's end: the one before it is.
    assert course_score(learner=learner, course=course).percent == Decimal("40")


def test_no_grade_no_score(course, learner):
    quiz_make(course, questions=[question_make("single")], title="Évaluation finale")
    assert course_score(learner=learner, course=course) is None


@pytest.mark.parametrize(
    ("stored", "shown"),
    [("84.500", 85), ("84.499", 84), ("66.667", 67), ("100.000", 100), ("0.400", 0)],
)
def test_rounded_like_the_pages_round(stored, shown):
    from django.template.defaultfilters import floatformat

    assert percent_as_shown(Decimal(stored)) == shown
    assert floatformat(Decimal(stored), 0) == str(shown)


def test_the_figure_is_the_one_the_quiz_page_showed(client, course, learner):
    """Two right answers out of three: the quiz page shows 67 %, and so does the score."""
    quiz = quiz_make(
        course,
        questions=[question_make("single", name=f"Q{n}") for n in range(3)],
        title="Évaluation finale",
        review_after=["score"],
        review_open=["score"],
    )
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    items = list(attempt.items.order_by("pk"))
    services.attempt_save(
        attempt=attempt, responses={item.pk: right_raw(item) for item in items[:2]}
    )
    services.attempt_submit(attempt=attempt)
    client.force_login(learner)
    html = client.get(quiz.url).content.decode()
    shown = re.findall(r"<td>(\d+) %</td>", html)
    assert shown == ["67"]
    score = course_score(learner=learner, course=course)
    assert (score.basis, score.percent) == (ScoreBasis.FINAL_EVALUATION, Decimal(shown[0]))
