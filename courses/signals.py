"""Learning events. Other apps listen (certificates issue on course_completed) and, later, an
xAPI forwarder can listen here without touching the views."""

from django.dispatch import Signal

# sender=LessonPage, learner, lesson, enrollment
lesson_completed = Signal()
# sender=Enrollment, enrollment; sent on commit, once per completion.
course_completed = Signal()
