"""Reads of the workshop pages. Every object comes through a scoped query: a workshop that
a person may not see answers 404, like any object outside their scope."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.selectors import (
    learner_scope_q,
    sql_has_row,
    supervised_units,
    user_is_administrator,
    user_roles,
)
from quizzes.models import Attempt, AttemptItem
from quizzes.selectors import quiz_fixed_questions
from quizzes.types import question_type

from . import gain
from .models import Attendance, PaperAnswer, Participant, Session, TestResult, Workshop


def workshop_list_visible(*, user) -> QuerySet[Workshop]:
    """Administrators: every workshop. Trainers: the workshops they train. Supervisors: the
    workshops they created and those with a person from their scope, registered or invited
    (pending or declined: they follow the invitations up)."""
    if not user.is_authenticated:
        return Workshop.objects.none()
    if user_is_administrator(user):
        return Workshop.objects.all()
    query = Q(trainers=user) | Q(created_by=user)
    if supervised_units(user):
        in_scope = Participant.objects.filter(
            learner_scope_q(user=user, prefix="learner__"), workshop=OuterRef("pk")
        )
        query |= Q(Exists(in_scope))
    return Workshop.objects.filter(query).distinct()


RUNS_WORKSHOPS = "workshops.trains_or_created"


def runs_workshops_sql() -> str:
    """The registered role RUNS_WORKSHOPS (accounts.selectors.role_register): the person
    trains a workshop or has created one."""
    trainers = sql_has_row(Workshop.trainers.through, "user")
    return f"{trainers} OR {sql_has_row(Workshop, 'created_by')}"


TAKES_PART = "workshops.takes_part"


def takes_part_sql() -> str:
    """The registered role TAKES_PART: the person has a line in a workshop (invited,
    registered or declined), so « Mes formations » reads their workshops; most learners have
    none, and pay no query for them."""
    return sql_has_row(Participant, "learner")


def may_see_workshops(user) -> bool:
    """Whether `workshop_list_visible` can hold anything for `user`, known from their roles
    without a query of its own: administrators, supervisors, trainers and authors."""
    roles = user_roles(user)
    return roles.administrator or roles.supervises or RUNS_WORKSHOPS in roles.registered


def workshop_get_visible(*, user, pk: int) -> Workshop:
    workshop = workshop_list_visible(user=user).filter(pk=pk).first()
    if workshop is None:
        raise Http404
    return workshop


def people_q_for(*, user, workshop: Workshop | None = None) -> Q:
    """Whom a person sees in a workshop's lists and figures (on Participant): everyone for an
    administrator and, for one workshop, for its trainers and its author; else only the
    people of their scope. A supervisor sees a workshop when one of their people takes part,
    never the others' names, attendance or scores."""
    if user_is_administrator(user):
        return Q()
    if workshop is not None and (
        workshop.created_by_id == user.pk or user_is_trainer(user=user, workshop=workshop)
    ):
        return Q()
    return learner_scope_q(user=user, prefix="learner__")


def user_is_trainer(*, user, workshop: Workshop) -> bool:
    return workshop.trainers.filter(pk=user.pk).exists()


def user_may_mark_attendance(*, user, workshop: Workshop) -> bool:
    return user_is_administrator(user) or user_is_trainer(user=user, workshop=workshop)


def user_may_add_participants(*, user, workshop: Workshop) -> bool:
    """Administrators, and supervisors (of at least one unit) who see the workshop: they add
    learners of their own scope only."""
    return user_is_administrator(user) or bool(supervised_units(user))


def user_may_create_workshop(user) -> bool:
    return user.is_authenticated and (user_is_administrator(user) or bool(supervised_units(user)))


def participant_own_get(*, user, pk: int) -> Participant:
    """A learner's own row of a workshop, by the workshop's id: their registration, or their
    invitation (pending or declined), which their page shows instead of their record."""
    record = (
        Participant.objects.select_related("workshop").filter(workshop_id=pk, learner=user).first()
        if user.is_authenticated
        else None
    )
    if record is None:
        raise Http404
    return record


def invitation_own_get(*, user, pk: int) -> Participant:
    """The signed-in person's own invitation to a workshop, by the workshop's id, pending or
    answered. Anyone else's, a direct registration or no row at all: 404."""
    record = participant_own_get(user=user, pk=pk)
    if record.status == Participant.Status.REGISTERED and record.responded_at is None:
        raise Http404
    return record


def _participations_of(user) -> list[Participant]:
    """The person's registrations and pending invitations, with their workshops, read in one
    query for both lists of « Mes formations » (none for a person who has never been in a
    workshop: their roles say so) and remembered on the instance (request.user lives one
    request)."""
    if not hasattr(user, "_kalan_participations"):
        user._kalan_participations = (
            list(
                Participant.objects.holding_place().filter(learner=user).select_related("workshop")
            )
            if TAKES_PART in user_roles(user).registered
            else []
        )
    return user._kalan_participations


def participant_records_of(user) -> list[Participant]:
    """The workshops a learner takes part in, latest first, for « Mes formations »."""
    if not user.is_authenticated:
        return []
    records = [p for p in _participations_of(user) if p.status == Participant.Status.REGISTERED]
    return sorted(records, key=lambda p: p.workshop.start_date, reverse=True)


def invitations_pending_of(user) -> list[Participant]:
    """The invitations a learner has yet to answer, to workshops not over yet, soonest first,
    for « Mes formations »."""
    if not user.is_authenticated:
        return []
    today = timezone.localdate()
    pending = [
        p
        for p in _participations_of(user)
        if p.status == Participant.Status.INVITED and p.workshop.end_date >= today
    ]
    return sorted(pending, key=lambda p: (p.workshop.start_date, p.workshop.pk))


def invitations_of(workshop: Workshop, people_q: Q | None = None) -> QuerySet[Participant]:
    """The workshop's pending and declined invitations, for those who run or follow it:
    pending first, then declined, each by name; `people_q` (people_q_for) limits them."""
    return (
        Participant.objects.invitations()
        .filter(people_q or Q(), workshop=workshop)
        .select_related("learner", "learner__unit")
        .order_by("-status", "learner__full_name", "learner__matricule")
    )


def quiz_opened_to_participant(*, learner, quiz, today) -> bool:
    """quizzes.access's provider: a workshop's pre-test and post-test are open to its
    participants on the workshop's days, wherever the quiz stands in a sequential course
    (in the room, nobody has done the modules before it yet)."""
    return Participant.objects.filter(
        Q(workshop__pre_test=quiz) | Q(workshop__post_test=quiz),
        learner=learner,
        status=Participant.Status.REGISTERED,
        workshop__start_date__lte=today,
        workshop__end_date__gte=today,
    ).exists()


@dataclass
class ParticipantTest:
    """The pre-test or the post-test as its participant sees it on their record."""

    kind: str  # "pre" or "post"
    label: str
    quiz: object  # the QuizPage
    done_online: bool = False
    on_paper: bool = False
    may_take: bool = False  # today is a workshop day and the test is not done yet
    waits_for_pre: bool = False  # one quiz for both: the post-test comes after the pre-test

    @property
    def done(self) -> bool:
        return self.done_online or self.on_paper


def participant_tests(record: Participant, *, today) -> list[ParticipantTest]:
    """The workshop's tests for one participant: done on Kalan, entered from paper by the
    trainers, or to take now. With one quiz for both, the first attempt from the workshop's
    first day is the pre-test and the second the post-test (_first_attempts), so the post-test
    is offered once the pre-test is done."""
    workshop = record.workshop
    paper = set(TestResult.objects.filter(participant=record).values_list("kind", flat=True))
    pre_attempts, post_attempts = _first_attempts(
        workshop, [record.learner_id], paper_pre=paper_pre_only({record.learner_id: paper})
    )
    workshop_day = workshop.start_date <= today <= workshop.end_date
    same_quiz = workshop.pre_test_id == workshop.post_test_id
    tests = []
    for kind, quiz, attempts in (
        (TestResult.Kind.PRE, workshop.pre_test, pre_attempts),
        (TestResult.Kind.POST, workshop.post_test, post_attempts),
    ):
        if quiz is None or not quiz.live:
            continue
        test = ParticipantTest(
            kind=kind.value,
            label=kind.label,
            quiz=quiz,
            done_online=record.learner_id in attempts,
            on_paper=kind.value in paper,
        )
        # One quiz for both: its first attempt would count as the pre-test.
        test.waits_for_pre = bool(
            kind == TestResult.Kind.POST and same_quiz and tests and not tests[0].done
        )
        test.may_take = workshop_day and not test.done and not test.waits_for_pre
        tests.append(test)
    return tests


def session_get(*, workshop: Workshop, pk: int) -> Session:
    session = Session.objects.filter(workshop=workshop, pk=pk).first()
    if session is None:
        raise Http404
    return session


def participants_of(workshop: Workshop, people_q: Q | None = None) -> QuerySet[Participant]:
    """The people who take part (registered): the roll call, the scores, the report, the
    paper scores' form and the workshop's page list them; never a pending or declined
    invitation. `people_q` (people_q_for) limits them to whom the reader may see."""
    return (
        Participant.objects.registered()
        .filter(people_q or Q(), workshop=workshop)
        .select_related("learner", "learner__unit")
        .order_by("learner__full_name", "learner__matricule")
    )


def participant_get(*, workshop: Workshop, pk: int) -> Participant:
    """A participant of `workshop` (a workshop already fetched through a scoped selector);
    a participant of another workshop, or a pending or declined invitation, answers 404."""
    record = participants_of(workshop).filter(pk=pk).first()
    if record is None:
        raise Http404
    return record


def workshop_test(workshop: Workshop, kind: str):
    """The workshop's pre-test or post-test (a QuizPage), or None."""
    return workshop.pre_test if kind == TestResult.Kind.PRE else workshop.post_test


@dataclass
class PaperQuestion:
    """A question of a paper copy: its number on the copy (its rank among the quiz's fixed
    questions), its snapshot, and whether the trainer enters it here (not an essay, which a
    person grades, nor a description, which asks nothing)."""

    position: int
    snapshot: dict
    entered: bool

    @property
    def question_id(self) -> int:
        return self.snapshot["question_id"]

    @property
    def name(self) -> str:
        return self.snapshot.get("name", "")

    @property
    def skipped_reason(self) -> str:
        found = question_type(self.snapshot["type"])
        if found.graded_by_person:
            return _("corrigée par une personne")
        return _("texte sans réponse")


@dataclass
class PaperCopy:
    """What a paper copy of one test can be entered against: the quiz's fixed questions, or
    nothing when the quiz draws questions at random (each copy had its own draw)."""

    quiz: object
    questions: list[PaperQuestion]
    random_slots: int

    @property
    def entered(self) -> list[PaperQuestion]:
        return [q for q in self.questions if q.entered]

    @property
    def skipped(self) -> list[PaperQuestion]:
        return [q for q in self.questions if not q.entered]

    @property
    def possible(self) -> bool:
        """Whether answers may be entered question by question: no random slot, and at
        least one question entered here that carries points."""
        return not self.random_slots and any(q.snapshot.get("max_score") for q in self.entered)


def paper_copy(*, workshop: Workshop, kind: str) -> PaperCopy | None:
    """The questions of the workshop's pre-test or post-test as a paper copy carries them, or
    None when the workshop has no such test."""
    quiz = workshop_test(workshop, kind)
    if quiz is None:
        return None
    fixed = quiz_fixed_questions(quiz=quiz)
    questions = []
    for position, snapshot in enumerate(fixed.snapshots, start=1):
        found = question_type(snapshot["type"])
        entered = not (found.information or found.graded_by_person)
        questions.append(PaperQuestion(position, snapshot, entered))
    return PaperCopy(quiz, questions, fixed.random_slots)


def paper_answers_of(*, participant: Participant, kind: str) -> dict[int, dict | None]:
    """{question id: response} of the answers entered for a participant's paper copy."""
    return {
        answer.snapshot.get("question_id"): answer.response
        for answer in PaperAnswer.objects.filter(result__participant=participant, result__kind=kind)
    }


def paper_answer_counts(*, workshop: Workshop, kind: str) -> dict[int, int]:
    """{participant id: number of answers entered question by question} for one test."""
    return dict(
        PaperAnswer.objects.filter(result__participant__workshop=workshop, result__kind=kind)
        .values("result__participant_id")
        .annotate(n=Count("pk"))
        .values_list("result__participant_id", "n")
    )


def paper_test_online(*, participant: Participant, kind: str) -> bool:
    """Whether the participant's test counts from an attempt on Kalan (which wins over any
    paper entry)."""
    pre, post = _first_attempts(participant.workshop, [participant.learner_id])
    return participant.learner_id in (pre if kind == TestResult.Kind.PRE else post)


def paper_result_of(*, participant: Participant, kind: str) -> TestResult | None:
    """A participant's paper result for one test, with the number of its answers entered
    question by question (`answer_count`, 0 for a score typed by hand)."""
    return (
        TestResult.objects.select_related("entered_by")
        .annotate(answer_count=Count("answers"))
        .filter(participant=participant, kind=kind)
        .first()
    )


def paper_scores_of(*, workshop: Workshop, kind: str) -> dict:
    """{participant id: percent} of the scores entered for the workshop's pre-test or
    post-test (`kind`), for the trainer's form."""
    return dict(
        TestResult.objects.filter(
            participant__workshop=workshop,
            participant__status=Participant.Status.REGISTERED,
            kind=kind,
        ).values_list("participant_id", "percent")
    )


@dataclass
class AttendanceRow:
    participant: Participant
    status: str  # the status recorded, or "" when not marked yet


def attendance_rows(session: Session) -> list[AttendanceRow]:
    marked = dict(
        Attendance.objects.filter(session=session).values_list("participant_id", "status")
    )
    return [
        AttendanceRow(participant, marked.get(participant.pk, ""))
        for participant in participants_of(session.workshop)
    ]


@dataclass
class SessionSummary:
    session: Session
    marked: int
    attended: int  # present or late


def session_summaries(workshop: Workshop, people_q: Q | None = None) -> list[SessionSummary]:
    """Each session's marks and attendance, counting the people `people_q` keeps."""
    # Only registered people are ever marked (services.attendance_save); said here too.
    registered = Q(attendances__participant__status=Participant.Status.REGISTERED)
    if people_q:
        registered &= Q(
            attendances__participant__in=Participant.objects.filter(people_q, workshop=workshop)
        )
    sessions = workshop.sessions.annotate(
        marked=Count("attendances", filter=registered),
        attended=Count(
            "attendances",
            filter=registered
            & Q(attendances__status__in=[Attendance.Status.PRESENT, Attendance.Status.LATE]),
        ),
    ).order_by("date", "part")
    return [SessionSummary(s, s.marked, s.attended) for s in sessions]


@dataclass
class Score:
    percent: float
    on_paper: bool  # entered by the trainer from a paper test
    attempt_id: int | None = None
    result_id: int | None = None  # the TestResult of a paper score


@dataclass
class ScoreRow:
    participant: Participant
    pre: Score | None = None
    post: Score | None = None

    @property
    def complete(self) -> bool:
        return self.pre is not None and self.post is not None

    @property
    def change(self) -> float | None:
        return self.post.percent - self.pre.percent if self.complete else None


def paper_pre_only(kinds_by_learner: dict) -> set[int]:
    """The learners whose paper results (kinds by learner id) are the pre-test alone: with one
    quiz for both tests, their single attempt on Kalan is the post-test (attempts_pick)."""
    return {learner_id for learner_id, kinds in kinds_by_learner.items() if set(kinds) == {"pre"}}


def _first_attempts(
    workshop: Workshop, learner_ids: list[int], *, paper_pre=None
) -> tuple[dict, dict]:
    """The attempts that count, by learner: the first finished attempt at the pre-test and
    the first at the post-test, among those started from the workshop's first day on (an
    attempt made earlier in the self-paced course is not the workshop's pre-test). With one
    quiz for both, the first such attempt is the pre-test and the second the post-test, so
    retrying does not inflate the gain. `paper_pre` (paper_pre_only) is read here unless the
    caller has read the paper results already."""
    pre, post = {}, {}
    quiz_ids = {q for q in (workshop.pre_test_id, workshop.post_test_id) if q}
    if not quiz_ids or not learner_ids:
        return pre, post
    if paper_pre is None:
        kinds = defaultdict(set)
        for learner_id, kind in TestResult.objects.filter(
            participant__workshop=workshop,
            participant__status=Participant.Status.REGISTERED,
            participant__learner_id__in=learner_ids,
        ).values_list("participant__learner_id", "kind"):
            kinds[learner_id].add(kind)
        paper_pre = paper_pre_only(kinds)
    attempts = Attempt.objects.filter(
        quiz_id__in=quiz_ids,
        learner_id__in=learner_ids,
        state=Attempt.State.FINISHED,
        started_at__gte=workshop_first_moment(workshop),
    ).order_by("learner_id", "quiz_id", "number")
    return attempts_pick(workshop, attempts, paper_pre=paper_pre)


def workshop_first_moment(workshop: Workshop) -> datetime:
    """Midnight at the start of the workshop's first day: tests and follow-up count from it."""
    return timezone.make_aware(datetime.combine(workshop.start_date, time.min))


def attempts_pick(workshop: Workshop, attempts, *, paper_pre=frozenset()) -> tuple[dict, dict]:
    """The rule of _first_attempts on attempts already read (finished, ordered by learner, quiz
    and number), so that a report across workshops reads them in one query: those started
    before the workshop's first day or at another quiz are skipped here. `paper_pre`: the
    learners whose pre-test, and not their post-test, was entered from paper; with one quiz
    for both, a single attempt of theirs on Kalan is their post-test (otherwise an attempt on
    Kalan replaces the paper score of the first test, as it wins over paper)."""
    pre, post = {}, {}
    first_day = workshop_first_moment(workshop)
    quiz_ids = {q for q in (workshop.pre_test_id, workshop.post_test_id) if q}
    seen: dict[tuple[int, int], list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        if attempt.quiz_id in quiz_ids and attempt.started_at >= first_day:
            seen[(attempt.learner_id, attempt.quiz_id)].append(attempt)
    same = workshop.pre_test_id == workshop.post_test_id
    for (learner_id, quiz_id), rows in seen.items():
        if same:
            if learner_id in paper_pre and len(rows) == 1:
                post[learner_id] = rows[0]
                continue
            pre[learner_id] = rows[0]
            if len(rows) > 1:
                post[learner_id] = rows[1]
            continue
        if quiz_id == workshop.pre_test_id:
            pre[learner_id] = rows[0]
        if quiz_id == workshop.post_test_id:
            post[learner_id] = rows[0]
    return pre, post


@dataclass
class Report:
    rows: list[ScoreRow]
    gain: gain.Gain
    questions: list[gain.QuestionFacility]
    sessions: list[SessionSummary]
    participants: int
    pre_only: int
    post_only: int
    on_paper: int
    attendance_rate: float | None = None
    paper_answers: int = 0  # answers of paper copies counted in `questions`
    notes: list[str] = field(default_factory=list)


def score_rows(workshop: Workshop, people_q: Q | None = None) -> tuple[list[ScoreRow], dict, dict]:
    participants = list(participants_of(workshop, people_q))
    learner_ids = [p.learner_id for p in participants]
    paper = defaultdict(dict)
    for result in TestResult.objects.filter(
        participant__workshop=workshop, participant__status=Participant.Status.REGISTERED
    ):
        paper[result.participant_id][result.kind] = result
    paper_pre = paper_pre_only({p.learner_id: paper[p.pk] for p in participants})
    pre_attempts, post_attempts = _first_attempts(workshop, learner_ids, paper_pre=paper_pre)
    rows = []
    for participant in participants:
        row = ScoreRow(participant)
        for kind, attempts in (("pre", pre_attempts), ("post", post_attempts)):
            attempt = attempts.get(participant.learner_id)
            if attempt is not None:
                score = Score(float(attempt.percent or 0), False, attempt.pk)
            elif kind in paper[participant.pk]:
                result = paper[participant.pk][kind]
                score = Score(float(result.percent), True, result_id=result.pk)
            else:
                score = None
            setattr(row, kind, score)
        rows.append(row)
    return rows, pre_attempts, post_attempts


def _fractions(attempts: list[Attempt], result_ids: Sequence[int] = ()) -> tuple[dict, dict, int]:
    """Question key → the fractions obtained on it, and question key → its name, from the
    attempts' items and the paper answers of the TestResults `result_ids` (keyed alike, by
    the snapshot's question id); and how many paper answers were read."""
    by_question: dict = defaultdict(list)
    names: dict = {}
    items = AttemptItem.objects.filter(attempt__in=attempts).only(
        "question_id", "snapshot", "score", "fraction"
    )
    answers = (
        list(PaperAnswer.objects.filter(result_id__in=result_ids).order_by("result_id", "position"))
        if result_ids
        else []
    )
    for item in [*items, *answers]:
        key = item.snapshot.get("question_id") or item.snapshot.get("name", "")
        maximum = float(item.snapshot.get("max_score") or 1)
        by_question[key].append(float(item.score or 0) / maximum if maximum else 0.0)
        names.setdefault(key, item.snapshot.get("name", "") or str(key))
    return by_question, names, len(answers)


def workshop_report(workshop: Workshop, people_q: Q | None = None) -> Report:
    """The knowledge report of the people `people_q` keeps (people_q_for: a supervisor who
    neither trains nor created the workshop sees their own people's figures only)."""
    rows, pre_attempts, post_attempts = score_rows(workshop, people_q)
    both = [row for row in rows if row.complete]
    result = gain.gain_compute([(row.pre.percent, row.post.percent) for row in both])
    # Per question: the attempts on Kalan of the participants who count, and the paper
    # copies entered question by question of those whose test counts on paper (a score
    # typed by hand has no answers per question).
    counted = {row.participant.learner_id for row in both}
    before, names, paper_before = _fractions(
        [a for k, a in pre_attempts.items() if k in counted],
        [row.pre.result_id for row in both if row.pre.on_paper],
    )
    after, after_names, paper_after = _fractions(
        [a for k, a in post_attempts.items() if k in counted],
        [row.post.result_id for row in both if row.post.on_paper],
    )
    for key, name in after_names.items():
        names.setdefault(key, name)
    sessions = session_summaries(workshop, people_q)
    marked = sum(s.marked for s in sessions)
    return Report(
        rows=rows,
        gain=result,
        questions=gain.facility_compare(before, after, names),
        sessions=sessions,
        participants=len(rows),
        pre_only=sum(1 for row in rows if row.pre and not row.post),
        post_only=sum(1 for row in rows if row.post and not row.pre),
        on_paper=sum(
            1 for row in both if (row.pre and row.pre.on_paper) or (row.post and row.post.on_paper)
        ),
        attendance_rate=(100 * sum(s.attended for s in sessions) / marked) if marked else None,
        paper_answers=paper_before + paper_after,
    )
