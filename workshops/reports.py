"""Reports for the CNDH and its funders (issue 20, point 6): per workshop and across the
workshops of a period, the people trained by corps, region, unit and rank, the attendance
rate, the knowledge gain and the relays' follow-up in the self-paced course.

Definitions (the page, the XLSX and the PDF say the same):

- a person trained: a participant marked present or late at one session at least; across
  workshops a person is counted once;
- corps, region, unit: from the person's unit in the tree of units: the corps is its top
  (Gendarmerie nationale, Police nationale), the region the unit of the second level
  (« Région de Mopti », « Direction régionale de Mopti »), the unit its full path;
- attendance rate: marks « présence » or « retard » among the marks recorded;
- knowledge gain: workshops/gain.py over the participations with both tests (the scores of
  selectors.score_rows: the first attempts from the first day on, else the paper score);
- follow-up: among the participations of people trained in a workshop with a linked course,
  those enrolled in it or active in it (started, completed) from the workshop's first day on,
  and those who completed it from that day on.

Everything is read in a constant number of queries, whatever the number of workshops.

Who sees what: administrators every workshop and person; a supervisor the workshops with a
participant of their scope, and only their scope's people in the figures."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from accounts.models import UNIT_PATH_SEPARATOR, Unit
from accounts.selectors import learner_scope_q, supervised_units, user_is_administrator
from courses import selectors as course_selectors
from quizzes.models import Attempt

from . import selectors
from .gain import Gain, gain_compute
from .models import Attendance, Participant, TestResult, Workshop

ATTENDED = (Attendance.Status.PRESENT, Attendance.Status.LATE)


@dataclass(frozen=True)
class Filters:
    start: date
    end: date
    funder: str = ""
    region: str = ""


@dataclass
class WorkshopLine:
    workshop: Workshop
    participants: int  # participations counted (the person's scope)
    trained: int  # of them, present or late at one session at least
    attended: int  # marks present or late
    marked: int  # marks recorded
    gain: Gain
    relays: int | None  # people trained, when the workshop has a linked course
    followed: int | None
    completed: int | None

    @property
    def attendance_rate(self) -> float | None:
        return 100 * self.attended / self.marked if self.marked else None

    @property
    def followed_rate(self) -> float | None:
        return 100 * self.followed / self.relays if self.relays else None

    @property
    def completed_rate(self) -> float | None:
        return 100 * self.completed / self.relays if self.relays else None


@dataclass(frozen=True)
class Share:
    label: str
    count: int
    percent: float  # of the people trained


@dataclass
class FundersReport:
    lines: list[WorkshopLine]
    trained: int  # distinct people
    participations: int
    by_corps: list[Share] = field(default_factory=list)
    by_region: list[Share] = field(default_factory=list)
    by_unit: list[Share] = field(default_factory=list)
    by_rank: list[Share] = field(default_factory=list)
    attended: int = 0
    marked: int = 0
    gain: Gain = field(default_factory=lambda: gain_compute([]))
    relays: int = 0
    followed: int = 0
    completed: int = 0

    @property
    def attendance_rate(self) -> float | None:
        return 100 * self.attended / self.marked if self.marked else None

    @property
    def followed_rate(self) -> float | None:
        return 100 * self.followed / self.relays if self.relays else None

    @property
    def completed_rate(self) -> float | None:
        return 100 * self.completed / self.relays if self.relays else None

    @property
    def breakdowns(self) -> list[tuple[str, list[Share]]]:
        return [
            (_("Par corps"), self.by_corps),
            (_("Par région"), self.by_region),
            (_("Par unité"), self.by_unit),
            (_("Par grade"), self.by_rank),
        ]


def user_may_see_reports(user) -> bool:
    return user.is_authenticated and (user_is_administrator(user) or bool(supervised_units(user)))


def workshops_in_period(*, user, filters: Filters):
    """The workshops that start in the period (and match the funder and region): all of them
    for an administrator, those with a participant of their scope for a supervisor."""
    workshops = Workshop.objects.filter(start_date__gte=filters.start, start_date__lte=filters.end)
    if filters.funder:
        workshops = workshops.filter(funder=filters.funder)
    if filters.region:
        workshops = workshops.filter(region=filters.region)
    if not user_is_administrator(user):
        workshops = workshops.filter(
            pk__in=Participant.objects.registered()
            .filter(learner_scope_q(user=user, prefix="learner__"))
            .values("workshop_id")
        )
    return workshops.order_by("start_date", "title")


def filter_choices(*, user) -> tuple[list[str], list[str]]:
    """The funders and the regions of the workshops the person may report on (one query)."""
    workshops = Workshop.objects.all()
    if not user_is_administrator(user):
        workshops = workshops.filter(
            pk__in=Participant.objects.registered()
            .filter(learner_scope_q(user=user, prefix="learner__"))
            .values("workshop_id")
        )
    rows = list(workshops.values_list("funder", "region", "start_date"))
    funders = sorted({f for f, _r, _d in rows if f})
    regions = sorted({r for _f, r, _d in rows if r})
    return funders, regions


def period_bounds(*, user) -> tuple[date, date] | None:
    """The first and last start dates of the workshops the person may report on, for the
    form's default period."""
    workshops = Workshop.objects.all()
    if not user_is_administrator(user):
        workshops = workshops.filter(
            pk__in=Participant.objects.registered()
            .filter(learner_scope_q(user=user, prefix="learner__"))
            .values("workshop_id")
        )
    dates = list(workshops.order_by().values_list("start_date", flat=True).distinct())
    return (min(dates), max(dates)) if dates else None


def _unit_parts() -> dict[int, tuple[str, str, str]]:
    """Each unit's (corps, region, full path), from one query over the tree."""
    rows = list(Unit.objects.values_list("pk", "path", "name"))
    names = {path: name for _pk, path, name in rows}
    step = Unit.steplen
    parts = {}
    for pk, path, _name in rows:
        chain = [names[path[:n]] for n in range(step, len(path) + 1, step) if path[:n] in names]
        corps = chain[0]
        region = UNIT_PATH_SEPARATOR.join(chain[:2]) if len(chain) >= 2 else ""
        parts[pk] = (corps, region, UNIT_PATH_SEPARATOR.join(chain))
    return parts


def _shares(counter: Counter, total: int) -> list[Share]:
    return [
        Share(label, count, 100 * count / total if total else 0.0)
        for label, count in sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    ]


def funders_report(*, workshops, people_q: Q) -> FundersReport:
    """The report over `workshops`, counting the participants that `people_q` (a filter on
    Participant) lets through. Seven queries, whatever the number of workshops."""
    workshops = list(workshops)
    by_id = {w.pk: w for w in workshops}
    participants = list(
        Participant.objects.registered()
        .filter(people_q, workshop_id__in=list(by_id))
        .select_related("learner")
        .only("pk", "workshop_id", "learner_id", "learner__rank", "learner__unit_id")
        .annotate(
            marked=Count("attendances"),
            attended=Count("attendances", filter=Q(attendances__status__in=ATTENDED)),
        )
        .order_by("workshop_id", "pk")
    )
    learner_ids = sorted({p.learner_id for p in participants})
    quiz_ids = {q for w in workshops for q in (w.pre_test_id, w.post_test_id) if q}
    attempts = []
    if quiz_ids and learner_ids:
        attempts = list(
            Attempt.objects.filter(
                quiz_id__in=quiz_ids,
                learner_id__in=learner_ids,
                state=Attempt.State.FINISHED,
                started_at__gte=min(selectors.workshop_first_moment(w) for w in workshops),
            )
            .only("pk", "learner_id", "quiz_id", "number", "started_at", "percent")
            .order_by("learner_id", "quiz_id", "number")
        )
    paper: dict[int, dict[str, float]] = defaultdict(dict)
    for participant_id, kind, percent in TestResult.objects.filter(
        participant_id__in=[p.pk for p in participants]
    ).values_list("participant_id", "kind", "percent"):
        paper[participant_id][kind] = float(percent)
    course_ids = {w.course_id for w in workshops if w.course_id}
    enrollments = course_selectors.enrollment_dates(course_ids=course_ids, learner_ids=learner_ids)
    units = _unit_parts() if participants else {}

    of_workshop: dict[int, list[Participant]] = defaultdict(list)
    for participant in participants:
        of_workshop[participant.workshop_id].append(participant)

    lines, all_pairs = [], []
    trained_people: dict[int, Participant] = {}
    relays = followed = completed = 0
    for workshop in workshops:
        rows = of_workshop.get(workshop.pk, [])
        workshop_learners = {p.learner_id for p in rows}
        pre, post = selectors.attempts_pick(
            workshop,
            (a for a in attempts if a.learner_id in workshop_learners),
            paper_pre=selectors.paper_pre_only({p.learner_id: paper[p.pk] for p in rows}),
        )
        pairs = []
        for participant in rows:
            scores = []
            for kind, picked in (("pre", pre), ("post", post)):
                attempt = picked.get(participant.learner_id)
                if attempt is not None:
                    scores.append(float(attempt.percent or 0))
                else:
                    scores.append(paper[participant.pk].get(kind))
            if None not in scores:
                pairs.append((scores[0], scores[1]))
        trained = [p for p in rows if p.attended]
        for participant in trained:
            trained_people.setdefault(participant.learner_id, participant)
        line_relays = line_followed = line_completed = None
        if workshop.course_id:
            first = selectors.workshop_first_moment(workshop)
            line_relays, line_followed, line_completed = len(trained), 0, 0
            for participant in trained:
                row = enrollments.get((participant.learner_id, workshop.course_id))
                if row is None:
                    continue
                moments = [row["enrolled_at"], row["started_at"], row["completed_at"]]
                if any(moment and moment >= first for moment in moments):
                    line_followed += 1
                if row["completed_at"] and row["completed_at"] >= first:
                    line_completed += 1
            relays += line_relays
            followed += line_followed
            completed += line_completed
        lines.append(
            WorkshopLine(
                workshop=workshop,
                participants=len(rows),
                trained=len(trained),
                attended=sum(p.attended for p in rows),
                marked=sum(p.marked for p in rows),
                gain=gain_compute(pairs),
                relays=line_relays,
                followed=line_followed,
                completed=line_completed,
            )
        )
        all_pairs.extend(pairs)

    corps, regions, unit_labels, ranks = Counter(), Counter(), Counter(), Counter()
    for participant in trained_people.values():
        unit_id = participant.learner.unit_id
        c, r, u = units.get(unit_id, ("", "", ""))
        corps[c or _("Sans unité")] += 1
        regions[r or _("Sans région")] += 1
        unit_labels[u or _("Sans unité")] += 1
        ranks[participant.learner.rank.strip() or _("Grade non renseigné")] += 1
    total = len(trained_people)
    return FundersReport(
        lines=lines,
        trained=total,
        participations=len(participants),
        by_corps=_shares(corps, total),
        by_region=_shares(regions, total),
        by_unit=_shares(unit_labels, total),
        by_rank=_shares(ranks, total),
        attended=sum(line.attended for line in lines),
        marked=sum(line.marked for line in lines),
        gain=gain_compute(all_pairs),
        relays=relays,
        followed=followed,
        completed=completed,
    )


# Whom the figures count: the one rule of the workshop's page, its report and the funders'.
people_q_for = selectors.people_q_for
