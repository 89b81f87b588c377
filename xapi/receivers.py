"""The facts' signals, turned into outbox rows in the fact's own transaction."""

from courses.selectors import course_for_page

from . import services, statements


def on_enrolled(sender, enrollments, **kwargs):
    services.outbox_add([s for e in enrollments for s in statements.enrolled(e)])


def on_lesson_completed(sender, learner, lesson, enrollment, **kwargs):
    services.outbox_add(
        statements.lesson_completed(learner_id=learner.pk, lesson=lesson, course=enrollment.course)
    )


def on_course_completed(sender, enrollment, **kwargs):
    services.outbox_add(statements.course_completed(enrollment))


def on_attempt_started(sender, attempt, course=None, **kwargs):
    # `course`: the CoursePage, or the start's courses.caching.CourseBrief.
    course = course or course_for_page(attempt.quiz)
    services.outbox_add(statements.attempt_started(attempt=attempt, course=course))


def on_attempt_graded(sender, attempt, items, **kwargs):
    course = course_for_page(attempt.quiz)
    services.outbox_add(statements.attempt_graded(attempt=attempt, items=items, course=course))


def on_certificate_issued(sender, certificate, **kwargs):
    services.outbox_add(statements.certificate_issued(certificate))


def on_certificate_revoked(sender, certificate, **kwargs):
    services.outbox_add(statements.certificate_revoked(certificate))
