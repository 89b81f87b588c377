"""The completion page of a course (issue 16, point 4): for the learner who completed it only,
with the date, the final evaluation's grade and the certificate once it is issued."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import LearnerFactory, SupervisorFactory, UnitFactory
from certificates.models import Certificate
from courses import services
from courses.models import Enrollment, ModulePage
from courses.tests.factories import course_build, lessons_of
from quizzes.models import QuizGrade
from quizzes.tests.factories import question_make, quiz_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(client):
    user = LearnerFactory(full_name="Mariam Diarra")
    client.force_login(user)
    return user


def grade(learner, quiz, percent):
    QuizGrade.objects.update_or_create(
        learner=learner,
        quiz=quiz,
        defaults={
            "course": quiz.get_parent().specific
            if quiz.get_parent().specific_class.__name__ == "CoursePage"
            else quiz.get_parent().get_parent().specific,
            "percent": Decimal(percent),
            "passed": Decimal(percent) >= quiz.pass_percent,
        },
    )


def completed_course(learner, *, title="Droits de la personne gardée à vue"):
    """A course with a module quiz and a final quiz, completed by `learner` with 95 % at the
    module quiz and 80 % at the final evaluation."""
    course = course_build(title=title, modules=1, lessons=1, rule="all_requirements")
    module = ModulePage.objects.child_of(course).get()
    module_quiz = quiz_make(module, questions=[question_make()], title="Quiz du module")
    final = quiz_make(course, questions=[question_make()], title="Évaluation finale")
    services.enrollment_create(learner=learner, course=course)
    services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])
    grade(learner, module_quiz, "95")
    grade(learner, final, "80")
    enrollment = services.enrollment_progress_refresh(
        enrollment=Enrollment.objects.get(learner=learner, course=course)
    )
    assert enrollment.status == Enrollment.Status.COMPLETED
    return course, final


def url_for(course):
    return reverse("courses:completed", args=[course.pk])


def test_the_page_congratulates_with_the_date_and_the_final_grade(client, learner):
    course, final = completed_course(learner)
    response = client.get(url_for(course))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bravo : vous avez terminé la formation\u00a0!" in html
    assert "Droits de la personne gardée à vue" in html
    enrollment = Enrollment.objects.get(learner=learner)
    day = timezone.localtime(enrollment.completed_at)
    assert re.search(rf"<dd>{day.day} \w+ {day.year}</dd>", html)
    # The final evaluation's grade, not the mean of the two quizzes (87,5 %).
    assert "<dt>Note à l’évaluation finale</dt>" in html
    assert '<dd>80&nbsp;% <span class="muted">(Évaluation finale)</span></dd>' in html
    # Neither figure of the mean (87,5 or 88 %) is stated anywhere (tokens and ids aside: a
    # CSRF token may hold « 88 »).
    assert not re.search(r"(?<![\w-])(87,5|88)(&nbsp;|\s)*%", html)
    assert f'href="{final.url}">Revoir l’évaluation finale' in html
    # Gender-neutral words only.
    for word in ("inscrit", "inscrite", "diplômé", "diplômée", "Félicitations"):
        assert word not in html


def test_without_a_quiz_the_page_has_no_grade(client, learner):
    course = course_build(modules=1, lessons=1, rule="all_lessons")
    services.enrollment_create(learner=learner, course=course)
    services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])
    html = client.get(url_for(course)).content.decode()
    assert "Bravo : vous avez terminé la formation\u00a0!" in html
    assert "Note à l’évaluation finale" not in html
    assert "Moyenne des quiz" not in html


def test_while_the_certificate_is_being_made_the_page_says_so_and_offers_a_refresh(client, learner):
    course, _final = completed_course(learner)
    html = client.get(url_for(course)).content.decode()
    assert "Votre attestation est en cours de création…" in html
    assert f'<a href="{url_for(course)}">Actualiser la page</a>' in html
    assert f'data-status-url="{reverse("certificates:status", args=[course.pk])}"' in html
    assert 'src="/static/js/certificate-wait.js"' in html
    assert "/certificats/CNDH-" not in html  # no link to a PDF that does not exist


def test_once_issued_the_page_links_the_pdf_and_the_verification_page(client, learner):
    course, _final = completed_course(learner)
    certificate = Certificate.objects.create(
        learner=learner,
        course=course,
        serial="CNDH-2026-000042",
        learner_name=learner.full_name,
        course_title=course.title,
    )
    html = client.get(url_for(course)).content.decode()
    assert "Votre attestation est en cours de création" not in html
    assert 'href="/certificats/CNDH-2026-000042/pdf/">Télécharger l’attestation (PDF)' in html
    verify = reverse("certificates:verify_code", args=[certificate.code_display])
    assert f'href="{verify}">Page de vérification' in html

    # A revoked certificate is no longer offered: the page waits for the new one.
    certificate.revoked_at = timezone.now()
    certificate.save()
    html = client.get(url_for(course)).content.decode()
    assert "CNDH-2026-000042" not in html
    assert "Votre attestation est en cours de création" in html


def test_an_enrollment_not_completed_goes_back_to_its_course(client, learner):
    course = course_build(modules=1, lessons=2, rule="all_lessons")
    services.enrollment_create(learner=learner, course=course)
    response = client.get(url_for(course))
    assert response.status_code == 302 and response.url == course.url


@pytest.mark.parametrize("who", ["another learner", "supervisor of the unit", "not enrolled"])
def test_nobody_else_sees_the_page(client, who):
    owner = LearnerFactory(full_name="Mariam Diarra", unit=UnitFactory())
    course, _final = completed_course(owner)
    if who == "another learner":
        visitor = LearnerFactory()
        services.enrollment_create(learner=visitor, course=course_build(title="Autre"))
    elif who == "supervisor of the unit":
        # Supervisors follow the learner's progress on their own pages; this page is the
        # learner's.
        visitor = SupervisorFactory(supervised_units=[owner.unit])
    else:
        visitor = LearnerFactory()
    client.force_login(visitor)
    response = client.get(url_for(course))
    assert response.status_code == 404
    assert "Mariam Diarra" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    owner = LearnerFactory()
    course, _final = completed_course(owner)
    response = client.get(url_for(course))
    assert response.status_code == 302 and reverse("accounts:login") in response.url


@pytest.mark.parametrize("course_id", ["0", "99999999999999999999", "2147483648"])
def test_hostile_course_ids_are_404_not_500(client, learner, course_id):
    response = client.get(f"/formation/{course_id}/terminee/")
    assert response.status_code == 404


@pytest.mark.parametrize("path", ["/formation/-1/terminee/", "/formation/abc/terminee/"])
def test_paths_that_are_no_course_id_are_404(client, learner, path):
    assert client.get(path).status_code == 404


def test_an_unpublished_course_s_completion_page_is_404(client, learner):
    course, _final = completed_course(learner)
    course.unpublish()
    assert client.get(url_for(course)).status_code == 404


def test_the_course_page_of_a_completed_course_links_the_completion_page(client, learner):
    course, _final = completed_course(learner)
    html = client.get(course.url).content.decode()
    assert f'href="{url_for(course)}">Votre note et votre attestation' in html


def test_the_lesson_that_completes_the_course_leads_to_the_completion_page(client, learner):
    course = course_build(modules=1, lessons=2, rule="all_lessons", sequential=False)
    services.enrollment_create(learner=learner, course=course)
    first, last = lessons_of(course)
    response = client.post(reverse("courses:lesson_complete", args=[first.pk]))
    assert response.url == last.url
    response = client.post(reverse("courses:lesson_complete", args=[last.pk]))
    assert response.url == url_for(course)
    # Reading a lesson again in a completed course is no new completion moment.
    response = client.post(reverse("courses:lesson_complete", args=[first.pk]))
    assert response.url != url_for(course)


def test_the_page_and_the_certificate_state_the_same_score(client, learner):
    """One rule (courses/scores.py) decides the course's score: the completion page shows the
    figure the certificate prints, with the same words."""
    from certificates import services as certificate_services

    course, _final = completed_course(learner)
    certificate = certificate_services.certificate_issue(learner_id=learner.pk, course_id=course.pk)
    html = client.get(url_for(course)).content.decode()
    assert certificate.score_label == "Note à l’évaluation finale"
    assert f"<dt>{certificate.score_label}</dt>" in html
    assert f"<dd>{certificate.score_percent:.0f}&nbsp;%" in html
