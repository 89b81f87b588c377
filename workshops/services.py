"""Every write of the workshops: atomic, all or nothing."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CoursePage
from courses.services import enrollment_create
from quizzes.services import quiz_course

from . import attestations
from .models import Attendance, Participant, Session, TestResult, Workshop
from .signals import attendance_changed, paper_result_entered

MAX_DAYS = 31


@dataclass(frozen=True)
class AttendanceChange:
    """A participant's attendance of a session started (`since` set) or stopped counting
    (`was_since` set, `since` empty)."""

    participant_id: int
    was_since: datetime | None
    since: datetime | None


@transaction.atomic
def workshop_create(*, created_by, trainers=(), **fields) -> Workshop:
    """A workshop and its sessions: a morning and an afternoon for each day."""
    workshop = Workshop(created_by=created_by, **fields)
    workshop.full_clean()
    days = (workshop.end_date - workshop.start_date).days + 1
    if days > MAX_DAYS:
        raise ValidationError(
            {"end_date": _("Un atelier dure au plus %(days)d jours.") % {"days": MAX_DAYS}}
        )
    workshop.save()
    workshop.trainers.set(trainers)
    workshop.save()  # a ClusterableModel writes its parental relations on save
    Session.objects.bulk_create(
        Session(workshop=workshop, date=workshop.start_date + timedelta(days=day), part=part)
        for day in range(days)
        for part in (Session.Part.MORNING, Session.Part.AFTERNOON)
    )
    return workshop


@transaction.atomic
def participants_add(*, workshop: Workshop, learners, added_by) -> int:
    """Adds the learners who are not yet participants; refuses the whole list if it would
    exceed the workshop's capacity. Each is enrolled in the linked course, where the pre-test
    and post-test are taken. Returns how many were added."""
    workshop = Workshop.objects.select_for_update(of=("self",)).get(pk=workshop.pk)
    present = set(workshop.participants.values_list("learner_id", flat=True))
    new = [learner for learner in dict.fromkeys(learners) if learner.pk not in present]
    if len(present) + len(new) > workshop.capacity:
        raise ValidationError(
            _(
                "Capacité dépassée : %(count)d places, %(present)d déjà prises, "
                "%(new)d ajouts demandés. Rien n’a été ajouté."
            )
            % {"count": workshop.capacity, "present": len(present), "new": len(new)}
        )
    Participant.objects.bulk_create(
        Participant(workshop=workshop, learner=learner, added_by=added_by) for learner in new
    )
    for course in workshop_courses(workshop):
        for learner in dict.fromkeys(learners):  # idempotent: those already there too
            enrollment_create(learner=learner, course=course)
    return len(new)


def workshop_courses(workshop: Workshop) -> list[CoursePage]:
    """The courses a participant is enrolled in: the linked course, and those that hold the
    pre-test and the post-test (a quiz is taken by the enrolled only)."""
    courses = {}
    if workshop.course_id:
        courses[workshop.course_id] = CoursePage.objects.get(pk=workshop.course_id)
    for quiz in (workshop.pre_test, workshop.post_test):
        if quiz is not None:
            course = quiz_course(quiz)
            if course is not None:
                courses.setdefault(course.pk, course)
    return list(courses.values())


@transaction.atomic
def attendance_save(*, session: Session, marks: dict[int, str], marked_by) -> int:
    """Records a whole session's attendance at once: `marks` maps participant ids (of this
    workshop only) to a status, and queues the attestations it makes due. Returns the number
    of rows written."""
    valid = set(Attendance.Status.values)
    participants = set(
        Participant.objects.filter(workshop_id=session.workshop_id).values_list("pk", flat=True)
    )
    for participant_id, status in marks.items():
        if participant_id not in participants or status not in valid:
            raise ValidationError(_("Relevé de présence invalide."))
    now = timezone.now()
    before = {
        row.participant_id: row
        for row in Attendance.objects.filter(session=session, participant_id__in=list(marks))
    }
    rows, changes = [], []
    for participant_id, status in marks.items():
        previous = before.get(participant_id)
        since = previous.attended_since if previous else None
        if status not in Attendance.ATTENDED:
            since = None
        elif since is None:
            since = now
        rows.append(
            Attendance(
                session=session,
                participant_id=participant_id,
                status=status,
                marked_by=marked_by,
                marked_at=now,
                attended_since=since,
            )
        )
        was_since = previous.attended_since if previous else None
        if was_since != since:
            changes.append(AttendanceChange(participant_id, was_since, since))
    Attendance.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["session", "participant"],
        update_fields=["status", "marked_by", "marked_at", "attended_since"],
    )
    if changes:
        attendance_changed.send(sender=Attendance, session=session, changes=changes, moment=now)
    # Those this roll call brings to the threshold get their attestation after the commit.
    attestations.attestations_queue(workshop_id=session.workshop_id, participant_ids=marks.keys())
    return len(marks)


@transaction.atomic
def paper_result_enter(
    *, participant: Participant, kind: str, percent: Decimal, entered_by
) -> TestResult:
    """A paper test's score, marked as entered by the trainer."""
    if kind not in TestResult.Kind.values or not Decimal(0) <= Decimal(percent) <= 100:
        raise ValidationError(_("Une note est un pourcentage entre 0 et 100."))
    result, _created = TestResult.objects.update_or_create(
        participant=participant,
        kind=kind,
        defaults={"percent": percent, "entered_by": entered_by, "entered_at": timezone.now()},
    )
    paper_result_entered.send(sender=TestResult, result=result)
    return result


@transaction.atomic
def paper_results_enter(*, scores: dict, kind: str, entered_by) -> int:
    """Several participants' paper scores for one test, all or nothing."""
    for participant, percent in scores.items():
        paper_result_enter(
            participant=participant, kind=kind, percent=percent, entered_by=entered_by
        )
    return len(scores)
