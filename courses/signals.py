"""Learning events of the course tree. Each is sent INSIDE the transaction that records the
fact, so that a receiver's own rows (the xAPI outbox) commit or roll back with it; a receiver
that acts outside the database (a Celery task) defers itself with on_commit."""

from django.dispatch import Signal

# sender=Enrollment, enrollments: an iterable of the enrollments just created (one for a
# learner's own enrolment, many for an assignment).
enrolled = Signal()
# sender=LessonPage, learner, lesson, enrollment; once per lesson and learner.
lesson_completed = Signal()
# sender=Enrollment, enrollment; once per completion.
course_completed = Signal()
