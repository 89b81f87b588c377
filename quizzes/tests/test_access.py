"""quizzes.access: another app may open a quiz outside its course's order, nothing more."""

import pytest
from django.utils import timezone

from accounts.tests.factories import LearnerFactory
from courses.services import enrollment_create
from courses.tests.factories import course_build
from quizzes import access, services

from .factories import question_make, quiz_make

pytestmark = pytest.mark.django_db

LOCKED = "Ce quiz est verrouillé : terminez d’abord les modules précédents."


@pytest.fixture
def locked_quiz():
    course = course_build(modules=2, lessons=1, sequential=True)
    second_module = course.get_children().specific().last()
    quiz = quiz_make(second_module, questions=[question_make()], title="Test de l’atelier")
    learner = LearnerFactory()
    enrollment_create(learner=learner, course=course)
    return learner, quiz


@pytest.fixture
def provider(monkeypatch):
    """A provider that opens the quizzes it is told to, and records what it was asked."""
    opened, asked = set(), []
    monkeypatch.setattr(access, "_providers", {})

    def opens(*, learner, quiz, today):
        asked.append((learner.pk, quiz.pk, today))
        return (learner.pk, quiz.pk) in opened

    access.unlock_provider_register("test", opens)
    return opened, asked


def test_without_a_provider_a_quiz_of_a_later_module_is_locked(locked_quiz, monkeypatch):
    monkeypatch.setattr(access, "_providers", {})
    learner, quiz = locked_quiz
    assert services.attempt_start_refusal(learner=learner, quiz=quiz) == LOCKED
    with pytest.raises(services.QuizError):
        services.attempt_start(learner=learner, quiz=quiz)


def test_a_provider_lifts_the_order_for_the_learner_it_names(locked_quiz, provider):
    learner, quiz = locked_quiz
    opened, asked = provider
    assert services.attempt_start_refusal(learner=learner, quiz=quiz) == LOCKED
    opened.add((learner.pk, quiz.pk))
    assert services.attempt_start_refusal(learner=learner, quiz=quiz) is None
    assert services.attempt_start(learner=learner, quiz=quiz).quiz_id == quiz.pk
    assert asked[0][2] == timezone.localdate()
    other = LearnerFactory()
    enrollment_create(learner=other, course=services.quiz_course(quiz))
    assert services.attempt_start_refusal(learner=other, quiz=quiz) == LOCKED


def test_only_the_order_is_lifted_not_enrollment_nor_the_attempts_allowed(locked_quiz, provider):
    learner, quiz = locked_quiz
    opened, _asked = provider
    stranger = LearnerFactory()
    opened.update({(learner.pk, quiz.pk), (stranger.pk, quiz.pk)})
    assert "Inscrivez-vous" in services.attempt_start_refusal(learner=stranger, quiz=quiz)
    quiz.attempts_allowed = 1
    quiz.save_revision().publish()
    services.attempt_submit(attempt=services.attempt_start(learner=learner, quiz=quiz))
    assert "tentatives" in services.attempt_start_refusal(learner=learner, quiz=quiz)
