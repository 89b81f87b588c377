"""A learner's whole journey, each fact through its own service: enrolment, a quiz attempt
started and graded, the lesson that completes the course, the certificate issued then
revoked. Eight statements, in this order."""

from accounts.tests.factories import LearnerFactory
from certificates import services as certificate_services
from courses import services as course_services
from courses.tests.factories import course_build, lessons_of
from quizzes import services as quiz_services
from quizzes.tests.factories import question_make, quiz_make

JOURNEY_VERBS = [
    "registered",
    "attempted",
    "answered",
    "failed",
    "completed",
    "completed",
    "earned",
    "voided",
]


def journey(*, learner=None, title="Droits de la personne gardée à vue"):
    learner = learner or LearnerFactory(
        full_name="Awa Journey-Traoré", matricule="MAT-XAPI-1", email="awa@example.ml"
    )
    course = course_build(title=title, modules=1, lessons=1, sequential=False)
    quiz = quiz_make(course, questions=[question_make()], title="Quiz xAPI", required=False)
    course_services.enrollment_create(learner=learner, course=course)
    attempt = quiz_services.attempt_start(learner=learner, quiz=quiz)
    quiz_services.attempt_submit(attempt=attempt)  # nothing answered: failed
    course_services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])
    certificate = certificate_services.certificate_issue(learner_id=learner.pk, course_id=course.pk)
    certificate_services.certificate_revoke(certificate=certificate, reason="Erreur de saisie")
    return learner, course, quiz
