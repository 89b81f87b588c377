"""Writes of the supervision app: assignments (and the enrollments they imply) and reminders."""

import logging
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import roles
from accounts.models import Unit, User
from accounts.selectors import (
    ancestor_paths,
    learner_list_in_scope,
    unit_list_in_scope,
    users_in_subtree,
)
from courses.models import CoursePage, Enrollment
from courses.services import enrollments_due_set

from . import selectors
from .models import Assignment, Reminder

logger = logging.getLogger(__name__)


class TrackingError(Exception):
    """A refusal to show the supervisor, in their language."""


def assignment_create(
    *,
    course: CoursePage,
    due_date: date,
    assigned_by: User,
    unit: Unit | None = None,
    learners: Iterable[User] = (),
    today: date | None = None,
) -> list[Assignment]:
    """Assigns a course to a unit (with its subtree) or to chosen learners. Assigning the
    same target again changes its due date; it never duplicates an assignment or an
    enrollment. The supervisor's scope is checked here too, not only in the form."""
    learners = list(learners)
    if (unit is None) == (not learners):
        raise TrackingError(_("Choisissez une unité ou des apprenants, pas les deux."))
    if due_date < (today or timezone.localdate()):
        raise TrackingError(_("L’échéance ne peut pas être dans le passé."))
    if not course.live:
        raise TrackingError(_("Cette formation n’est pas publiée."))
    if unit is not None and not unit_list_in_scope(user=assigned_by).filter(pk=unit.pk).exists():
        raise TrackingError(_("Cette unité n’est pas dans votre périmètre."))
    if learners:
        in_scope = set(
            learner_list_in_scope(user=assigned_by)
            .filter(pk__in=[u.pk for u in learners])
            .values_list("pk", flat=True)
        )
        if len(in_scope) != len({u.pk for u in learners}):
            raise TrackingError(_("Certains apprenants ne sont pas dans votre périmètre."))
    targets = [{"unit": unit}] if unit is not None else [{"learner": u} for u in learners]
    with transaction.atomic():
        assignments = [
            Assignment.objects.update_or_create(
                course=course,
                **target,
                defaults={"due_date": due_date, "assigned_by": assigned_by},
            )[0]
            for target in targets
        ]
        assignments_apply(course=course)
    return assignments


def assignment_delete(*, assignment: Assignment) -> None:
    """Removes an assignment. Enrollments stay (the learner's progress is theirs); their due
    date falls back to the other assignments that still cover them, or to none."""
    course = assignment.course
    if assignment.unit_id:
        covered = list(users_in_subtree([assignment.unit]).values_list("pk", flat=True))
    else:
        covered = [assignment.learner_id]
    with transaction.atomic():
        assignment.delete()
        assignments_apply(course=course, also_learner_ids=covered)


def assignments_apply(
    *, course: CoursePage | None = None, also_learner_ids: Iterable[int] = ()
) -> int:
    """Brings enrollments in line with the assignments: every covered learner has an
    enrollment whose due date is the earliest of their assignments (only members of the
    learners' group: supervisors and editors attached to a unit are not enrolled).
    Idempotent; run after each change, when a user is saved, and periodically for learners
    imported in bulk."""
    courses = (
        [course]
        if course is not None
        else CoursePage.objects.filter(pk__in=Assignment.objects.values("course_id").distinct())
    )
    changed = 0
    for each in courses:
        changed += enrollments_due_set(
            course=each,
            due_dates=selectors.due_dates_for(course=each, also_learner_ids=also_learner_ids),
        )
    return changed


def assignments_apply_for_learner(*, learner: User) -> int:
    """A learner who joins a unit (or is created in one) gets its assignments. Assignments
    are for learners: a supervisor attached to the unit is not enrolled."""
    if learner.unit_id is None or not learner.groups.filter(name=roles.LEARNERS).exists():
        return 0
    assignments = Assignment.objects.filter(
        Q(unit__path__in=ancestor_paths(learner.unit.path)) | Q(learner=learner)
    ).values_list("course_id", "due_date")
    dues: dict[int, date] = {}
    for course_id, due in assignments:
        dues[course_id] = min(due, dues.get(course_id, due))
    changed = 0
    for course in CoursePage.objects.filter(pk__in=list(dues)):
        changed += enrollments_due_set(course=course, due_dates={learner.pk: dues[course.pk]})
    return changed


def _send(*, recipient: User, subject: str, template: str, context: dict) -> None:
    body = render_to_string(template, context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email]).send()


def _claim_and_send(
    *, kind: str, recipient: User, period: str, details: dict, subject, template, context
) -> bool:
    """Records the reminder and sends it in one transaction: if sending fails, the record
    goes too and the next run tries again; if the record exists, nothing is sent."""
    with transaction.atomic():
        _reminder, created = Reminder.objects.get_or_create(
            kind=kind, recipient=recipient, period=period, defaults={"details": details}
        )
        if not created:
            return False
        with translation.override(recipient.language or settings.LANGUAGE_CODE):
            _send(recipient=recipient, subject=str(subject()), template=template, context=context)
    return True


def reminders_send_learners(*, today: date | None = None) -> dict[str, int]:
    """The daily email to learners with an assignment due within
    `selectors.REMINDER_DAYS_AHEAD` days or overdue, once a day whatever the number of beat
    runs. Learners without an address are skipped."""
    today = today or timezone.localdate()
    enrollments = (
        Enrollment.objects.due_within(selectors.REMINDER_DAYS_AHEAD, today)
        .filter(learner__is_active=True)
        .select_related("learner", "course")
        .order_by("learner_id", "due_date")
    )
    by_learner: dict[User, list[Enrollment]] = defaultdict(list)
    for enrollment in enrollments:
        by_learner[enrollment.learner].append(enrollment)
    counts = {"sent": 0, "already_sent": 0, "without_email": 0, "failed": 0}
    for learner, items in by_learner.items():
        if not learner.email:
            counts["without_email"] += 1
            continue
        try:
            sent = _claim_and_send(
                kind=Reminder.Kind.LEARNER_DUE,
                recipient=learner,
                period=today.isoformat(),
                details={"courses": [e.course_id for e in items]},
                subject=lambda: _("Kalan : vos formations à terminer"),
                template="tracking/email/learner_reminder.txt",
                context={
                    "learner": learner,
                    "enrollments": items,
                    "today": today,
                    "site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
                },
            )
        except Exception:  # one bad address must not stop the others; retried next run
            logger.exception("Rappel non envoyé à l’apprenant %s", learner.pk)
            counts["failed"] += 1
            continue
        counts["sent" if sent else "already_sent"] += 1
    return counts


def reminders_send_digests(*, today: date | None = None) -> dict[str, int]:
    """The weekly digest to each supervisor with an address, once per ISO week."""
    today = today or timezone.localdate()
    year, week, _day = today.isocalendar()
    period = f"{year}-W{week:02d}"
    supervisors = (
        User.objects.filter(is_active=True, supervised_units__isnull=False)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    counts = {"sent": 0, "already_sent": 0, "failed": 0}
    for supervisor in supervisors:
        if Reminder.objects.filter(
            kind=Reminder.Kind.SUPERVISOR_DIGEST, recipient=supervisor, period=period
        ).exists():
            counts["already_sent"] += 1
            continue
        digest = selectors.digest_for(supervisor=supervisor, today=today)
        try:
            sent = _claim_and_send(
                kind=Reminder.Kind.SUPERVISOR_DIGEST,
                recipient=supervisor,
                period=period,
                details={"without_email": digest.without_email},
                subject=lambda: _("Kalan : synthèse hebdomadaire du suivi"),
                template="tracking/email/supervisor_digest.txt",
                context={
                    "supervisor": supervisor,
                    "digest": digest,
                    "site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
                },
            )
        except Exception:  # retried at the next beat run
            logger.exception("Synthèse non envoyée au superviseur %s", supervisor.pk)
            counts["failed"] += 1
            continue
        counts["sent" if sent else "already_sent"] += 1
    return counts
