"""What comes after a quiz (issue 16, point 4): « Continuer la formation » to the next item
once passed, a new attempt as a second choice, the time of the next attempt after a failure
with a delay, and the completion page when the submit completes the course."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import LearnerFactory
from courses import services as course_services
from courses.models import Enrollment, ModulePage
from courses.tests.factories import course_build, lessons_of
from quizzes.models import Attempt
from quizzes.tests.factories import question_make, quiz_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(client):
    user = LearnerFactory()
    client.force_login(user)
    return user


def take(client, quiz, *, right: bool) -> tuple[Attempt, object]:
    """Starts an attempt, answers its one single-choice question right or wrong, submits it;
    returns the attempt and the submit's response."""
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.filter(quiz=quiz).latest("pk")
    item = attempt.items.get()
    wanted = next(c["id"] for c in item.snapshot["choices"] if (c["fraction"] == 1) == right)
    token = next(t for t, real in item.display_order if real == wanted)
    client.post(
        reverse("quizzes:attempt_page", args=[attempt.pk, 1]),
        {f"q{item.pk}": token, "nav": "summary"},
    )
    response = client.post(reverse("quizzes:attempt_submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    return attempt, response


def primary_link(html: str, text: str) -> str | None:
    match = re.search(rf'<a class="button" href="([^"]+)">{re.escape(text)}</a>', html)
    return match.group(1) if match else None


def test_a_passed_quiz_ending_a_module_continues_to_the_next_module_s_first_item(client, learner):
    course = course_build(modules=2, lessons=2, sequential=True, rule="all_requirements")
    first_module, second_module = ModulePage.objects.child_of(course).order_by("path")
    quiz = quiz_make(first_module, questions=[question_make()], title="Quiz du module 1")
    course_services.enrollment_create(learner=learner, course=course)
    for lesson in lessons_of(course)[:2]:
        course_services.lesson_complete(learner=learner, lesson=lesson)

    attempt, response = take(client, quiz, right=True)
    assert attempt.passed
    assert response.url == reverse("quizzes:attempt_review", args=[attempt.pk])
    html = client.get(response.url).content.decode()
    next_lesson = lessons_of(course)[2]
    assert next_lesson.get_parent().pk == second_module.pk
    assert primary_link(html, "Continuer la formation") == next_lesson.url
    assert "Suite : Leçon 2.1" in html
    # A new attempt stays offered, as the second choice.
    assert '<button type="submit" class="button button--secondary">Nouvelle tentative' in html

    quiz_html = client.get(quiz.url).content.decode()
    assert primary_link(quiz_html, "Continuer la formation") == next_lesson.url
    assert 'button--secondary">Nouvelle tentative' in quiz_html


def test_a_passed_quiz_continues_to_the_next_item_of_its_own_module(client, learner):
    course = course_build(modules=1, lessons=0, sequential=True, rule="all_requirements")
    module = ModulePage.objects.child_of(course).get()
    quiz = quiz_make(module, questions=[question_make()], title="Quiz d’entrée")
    second = quiz_make(module, questions=[question_make("truefalse")], title="Quiz suivant")
    course_services.enrollment_create(learner=learner, course=course)

    _attempt, response = take(client, quiz, right=True)
    html = client.get(response.url).content.decode()
    assert primary_link(html, "Continuer la formation") == second.url


def test_a_passed_quiz_with_nothing_left_after_it_goes_back_to_what_was_left_behind(
    client, learner
):
    course = course_build(modules=1, lessons=2, sequential=False, rule="all_requirements")
    module = ModulePage.objects.child_of(course).get()
    quiz = quiz_make(module, questions=[question_make()])
    course_services.enrollment_create(learner=learner, course=course)

    _attempt, response = take(client, quiz, right=True)
    html = client.get(response.url).content.decode()
    # The course is not complete: its first lesson is still unread.
    assert primary_link(html, "Continuer la formation") == lessons_of(course)[0].url


def test_a_failed_attempt_in_a_delay_says_when_and_leads_back_to_the_course(client, learner):
    course = course_build(modules=1, lessons=1, rule="all_requirements")
    module = ModulePage.objects.child_of(course).get()
    quiz = quiz_make(module, questions=[question_make()], delay_minutes=10, attempts_allowed=3)
    course_services.enrollment_create(learner=learner, course=course)

    attempt, response = take(client, quiz, right=False)
    assert attempt.state == Attempt.State.FINISHED and not attempt.passed
    html = client.get(response.url).content.decode()
    retry_at = timezone.localtime(attempt.finished_at + timedelta(minutes=10))
    assert "Vous pourrez recommencer dans 10 minute(s)." in html
    assert f"Prochaine tentative possible le {retry_at.day} " in html
    assert f"à {retry_at:%H:%M}." in html
    assert re.search(
        rf'<a class="button button--secondary" href="{re.escape(course.url)}">'
        r"Retour à la formation</a>",
        html,
    )
    assert "Continuer la formation" not in html
    assert "Nouvelle tentative" not in html

    # Once the delay is over, a new attempt is the main action again.
    Attempt.objects.filter(pk=attempt.pk).update(finished_at=timezone.now() - timedelta(hours=1))
    html = client.get(response.url).content.decode()
    assert '<button type="submit" class="button">Nouvelle tentative' in html
    assert "Prochaine tentative possible" not in html


def test_a_failed_attempt_without_any_attempt_left_is_no_dead_end(client, learner):
    course = course_build(modules=1, lessons=1, rule="all_requirements")
    module = ModulePage.objects.child_of(course).get()
    quiz = quiz_make(module, questions=[question_make()], attempts_allowed=1)
    course_services.enrollment_create(learner=learner, course=course)

    _attempt, response = take(client, quiz, right=False)
    html = client.get(response.url).content.decode()
    assert "Vous avez utilisé vos 1 tentatives." in html
    assert f'href="{course.url}">Retour à la formation' in html


def test_the_submit_that_completes_the_course_leads_to_the_completion_page(client, learner):
    course = course_build(modules=1, lessons=1, rule="all_requirements")
    final = quiz_make(course, questions=[question_make()], title="Évaluation finale")
    course_services.enrollment_create(learner=learner, course=course)
    course_services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])

    # A failed attempt does not complete it: the review, as usual.
    attempt, response = take(client, final, right=False)
    assert response.url == reverse("quizzes:attempt_review", args=[attempt.pk])

    attempt, response = take(client, final, right=True)
    completion_url = reverse("courses:completed", args=[course.pk])
    assert response.url == completion_url
    assert Enrollment.objects.get(learner=learner).status == Enrollment.Status.COMPLETED

    # Afterwards, the review and the quiz page lead to the completion page, not on.
    for url in (reverse("quizzes:attempt_review", args=[attempt.pk]), final.url):
        html = client.get(url).content.decode()
        assert primary_link(html, "Formation terminée : voir ma note et mon attestation") == (
            completion_url
        )
        assert "Continuer la formation" not in html

    # Another attempt in a completed course goes to its review, not to the completion again.
    attempt, response = take(client, final, right=True)
    assert response.url == reverse("quizzes:attempt_review", args=[attempt.pk])


def test_an_abandoned_late_attempt_is_not_a_completion(client, learner):
    course = course_build(modules=1, lessons=1, rule="all_requirements")
    final = quiz_make(
        course,
        questions=[question_make()],
        time_limit_minutes=5,
        expiry_policy="not_counted",
    )
    course_services.enrollment_create(learner=learner, course=course)
    course_services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])
    client.post(reverse("quizzes:start", args=[final.pk]))
    attempt = Attempt.objects.get()
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=2))
    response = client.post(reverse("quizzes:attempt_submit", args=[attempt.pk]))
    assert response.url == reverse("quizzes:attempt_review", args=[attempt.pk])
    assert Enrollment.objects.get(learner=learner).status != Enrollment.Status.COMPLETED


def test_a_learner_not_enrolled_sees_why_and_the_way_to_the_course(client, learner):
    course = course_build(modules=1, lessons=1, rule="all_requirements")
    quiz = quiz_make(course, questions=[question_make()])
    html = client.get(quiz.url).content.decode()
    assert "Inscrivez-vous à la formation pour passer ce quiz." in html
    assert f'href="{course.url}">Retour à la formation' in html
    assert "Commencer le quiz" not in html
