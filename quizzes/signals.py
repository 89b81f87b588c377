"""Quiz events, sent INSIDE the transaction that records them (see courses/signals.py)."""

from django.dispatch import Signal

# sender=Attempt, attempt: a new attempt (not a resumed one); course: the course above its
# quiz (courses.caching.CourseBrief).
attempt_started = Signal()
# sender=Attempt, attempt, items: submitted and graded (score, percent, passed set) with its
# graded AttemptItems.
attempt_graded = Signal()
