"""Reads about certificates for the learner's own pages."""

from courses.selectors import enrollment_get

from .models import Certificate


def issued_certificate(*, learner, course_id: int) -> Certificate | None:
    """The learner's valid certificate of a course once it has its serial (the issuing task
    sets it a moment after the completion), or None while it is still being made. The PDF is
    written on the first download if the task has not written it yet."""
    return (
        Certificate.objects.valid()
        .filter(learner=learner, course_id=course_id, serial__isnull=False)
        .only("id", "course_id", "serial", "code")
        .first()
    )


def completed_enrollment_exists(*, learner, course_id: int) -> bool:
    enrollment = enrollment_get(learner=learner, course=course_id)
    return enrollment is not None and enrollment.is_completed
