"""Every write of the workshops: atomic, all or nothing."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.tasks import email_send
from courses.models import CoursePage
from courses.services import enrollment_create
from lms.bulk import rows_insert
from quizzes import grading
from quizzes.services import quiz_course
from quizzes.types import question_type

from . import attestations
from .models import Attendance, PaperAnswer, Participant, Session, TestResult, Workshop
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
def participants_add(*, workshop: Workshop, learners, added_by, invite: bool = False) -> int:
    """Registers the learners directly, or with `invite` invites them (the person then
    confirms or declines: `invitation_respond`). All or nothing: refuses the whole list if it
    would exceed the workshop's capacity, where a pending invitation holds its place like a
    registration. Returns how many rows changed.

    Directly: a new person, an invited one (the supervisor answers for them) and one who had
    declined become registered, and each is enrolled in the linked course and in the courses
    holding the pre-test and the post-test (`workshop_courses`). Inviting: a new person and
    one who had declined get a (new) invitation, by email when they have an address; someone
    already registered or invited keeps their row as it is. An invitation to a workshop whose
    last day has passed is refused: nobody could answer it."""
    workshop = Workshop.objects.select_for_update(of=("self",)).get(pk=workshop.pk)
    if invite and workshop.end_date < timezone.localdate():
        raise ValidationError(
            _(
                "Cet atelier est terminé : on ne peut plus y inviter. Inscrivez directement "
                "les personnes qui y ont pris part."
            )
        )
    rows = {
        row.learner_id: row
        for row in Participant.objects.select_for_update().filter(workshop=workshop)
    }
    holding = {pk for pk, row in rows.items() if row.status in Participant.HOLDING_PLACE}
    wanted = list(dict.fromkeys(learners))
    target = Participant.Status.INVITED if invite else Participant.Status.REGISTERED
    # The rows to write: new people, those who had declined, and (directly) the invited.
    changing = [
        learner
        for learner in wanted
        if learner.pk not in rows
        or rows[learner.pk].status == Participant.Status.DECLINED
        or (not invite and rows[learner.pk].status == Participant.Status.INVITED)
    ]
    new_places = [learner for learner in changing if learner.pk not in holding]
    if len(holding) + len(new_places) > workshop.capacity:
        raise ValidationError(
            _(
                "Capacité dépassée : %(count)d places, %(present)d déjà prises, "
                "%(new)d ajouts demandés. Rien n’a été ajouté."
            )
            % {"count": workshop.capacity, "present": len(holding), "new": len(new_places)}
        )
    now = timezone.now()
    Participant.objects.bulk_create(
        Participant(workshop=workshop, learner=learner, added_by=added_by, status=target)
        for learner in changing
        if learner.pk not in rows
    )
    reopened = [rows[learner.pk].pk for learner in changing if learner.pk in rows]
    if reopened:
        # An invitation sent again after a decline is dated anew; a registration by the
        # supervisor is nobody's answer.
        Participant.objects.filter(pk__in=reopened).update(
            status=target, added_by=added_by, added_at=now, responded_at=None
        )
    if invite:
        for learner in changing:
            _invitation_email(workshop=workshop, learner=learner)
        return len(changing)
    for course in workshop_courses(workshop):
        for learner in wanted:  # idempotent: those already there too
            enrollment_create(learner=learner, course=course)
    return len(changing)


def _invitation_email(*, workshop: Workshop, learner) -> bool:
    """The invitation by email, in the person's language, sent by Celery once the invitation
    is committed (as the password reset's); nothing for a person without an address."""
    if not learner.email:
        return False
    with translation.override(learner.language or settings.LANGUAGE_CODE):
        context = {
            "workshop": workshop,
            "learner": learner,
            "respond_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("workshops:workshop", args=[workshop.pk]),
        }
        subject = " ".join(
            render_to_string("workshops/email/invitation_subject.txt", context).split()
        )
        body = render_to_string("workshops/email/invitation.txt", context)
    email_send.delay_on_commit(subject=subject, body=body, to=[learner.email])
    return True


@transaction.atomic
def invitation_respond(*, record: Participant, accept: bool) -> Participant:
    """The invited person confirms (the row becomes REGISTERED, and the person is enrolled as
    a direct registration is: `workshop_courses`) or declines (DECLINED: the place is freed).
    `record` is the person's own invitation (`selectors.invitation_own_get`: anyone else's
    answers 404). The row is locked and read again, so that of two answers sent at once one
    is applied and the other is told it came too late. Answered already, or the workshop's
    last day past: a French message, nothing changed."""
    record = (
        Participant.objects.select_for_update(of=("self",))
        .select_related("workshop", "learner")
        .get(pk=record.pk)
    )
    if record.status == Participant.Status.REGISTERED:
        raise ValidationError(_("Votre participation à cet atelier est déjà confirmée."))
    if record.status == Participant.Status.DECLINED:
        raise ValidationError(
            _("Vous avez déjà répondu que vous ne pourrez pas venir à cet atelier.")
        )
    workshop = record.workshop
    if workshop.end_date < timezone.localdate():
        raise ValidationError(
            _("Cet atelier est terminé : il n’est plus possible de répondre à l’invitation.")
        )
    record.status = Participant.Status.REGISTERED if accept else Participant.Status.DECLINED
    record.responded_at = timezone.now()
    record.save(update_fields=["status", "responded_at"])
    if accept:
        for course in workshop_courses(workshop):
            enrollment_create(learner=record.learner, course=course)
    return record


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
        Participant.objects.registered()
        .filter(workshop_id=session.workshop_id)
        .values_list("pk", flat=True)
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


def _registered_only(participant: Participant) -> None:
    """Paper results are for people who take part, never a pending or declined invitation."""
    if participant.status != Participant.Status.REGISTERED:
        raise ValidationError(_("Pas d’inscription confirmée à l’atelier pour cette personne."))


def _paper_result_write(*, participant: Participant, kind: str, percent, entered_by) -> TestResult:
    """The participant's paper result for one test, written with its percent and who entered
    it; its answers question by question are deleted (the caller writes new ones, or none:
    a typed score and a copy replace each other)."""
    result, _created = TestResult.objects.update_or_create(
        participant=participant,
        kind=kind,
        defaults={"percent": percent, "entered_by": entered_by, "entered_at": timezone.now()},
    )
    PaperAnswer.objects.filter(result=result).delete()
    return result


@transaction.atomic
def paper_result_enter(
    *, participant: Participant, kind: str, percent: Decimal, entered_by
) -> TestResult:
    """A paper test's score, marked as entered by the trainer, for a person who takes part
    (not a pending or declined invitation). A score typed by hand replaces the copy's answers
    entered question by question, if any: the two entries are exclusive."""
    _registered_only(participant)
    if kind not in TestResult.Kind.values or not Decimal(0) <= Decimal(percent) <= 100:
        raise ValidationError(_("Une note est un pourcentage entre 0 et 100."))
    result = _paper_result_write(
        participant=participant, kind=kind, percent=percent, entered_by=entered_by
    )
    paper_result_entered.send(sender=TestResult, result=result)
    return result


@dataclass(frozen=True)
class PaperEntry:
    """One question of a paper copy as the trainer entered it: its number on the copy, its
    snapshot (quizzes' schema) and the raw response (None when left blank)."""

    position: int
    snapshot: dict
    response: object


@transaction.atomic
def paper_answers_enter(
    *, participant: Participant, kind: str, entries: list[PaperEntry], entered_by
) -> TestResult:
    """A paper copy's answers, graded by the quiz's own grading (quizzes/grading.py) as an
    attempt's items are: the TestResult's percent is their points over the points of the
    questions entered, and it is marked as entered by the trainer. Entering again replaces
    the answers, and replaces a score typed by hand. Raises grading.ResponseError (French)
    for a response that does not fit its question, ValidationError for a copy that cannot
    be graded (no question, no point, nothing answered); nothing is written then."""
    if kind not in TestResult.Kind.values:
        raise ValidationError(_("Test inconnu."))
    _registered_only(participant)
    graded = []
    for entry in entries:
        found = question_type(entry.snapshot.get("type"))
        if found.information or found.graded_by_person:
            raise ValidationError(
                _("Question %(n)d : elle ne se saisit pas ici.") % {"n": entry.position}
            )
        response = grading.response_clean(entry.snapshot, entry.response)
        graded.append((entry, response, grading.grade(entry.snapshot, response)))
    maximum = sum((Decimal(str(grade.max_score)) for _e, _r, grade in graded), Decimal(0))
    if not maximum:
        raise ValidationError(_("Aucune question notée à saisir."))
    if all(response is None for _e, response, _g in graded):
        raise ValidationError(
            _("Aucune réponse saisie : une copie blanche se saisit comme une note de 0 %.")
        )
    points = sum((Decimal(str(grade.score)) for _e, _r, grade in graded), Decimal(0))
    percent = (100 * points / maximum).quantize(Decimal("0.01"))
    result = _paper_result_write(
        participant=participant, kind=kind, percent=percent, entered_by=entered_by
    )
    # One INSERT with the snapshots sent as text (lms/bulk.py).
    rows_insert(
        [
            PaperAnswer(
                result=result,
                position=entry.position,
                question_id=entry.snapshot.get("question_id"),
                snapshot=entry.snapshot,
                response=response,
                score=Decimal(str(grade.score)),
                fraction=Decimal(str(grade.fraction)),
                state=grade.state,
            )
            for entry, response, grade in graded
        ]
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
