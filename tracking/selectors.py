"""Reads of the supervision app. Everything a supervisor sees is built here from one scoped
queryset of enrollments, so that no view can forget the scope. Each function runs a fixed
number of queries whatever the number of learners: the dashboards aggregate in the database.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import (
    Avg,
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import roles
from accounts.models import Unit, User
from accounts.selectors import (
    learner_list_in_scope,
    learner_scope_q,
    path_in_subtree,
    subtree_q,
    supervised_units,
    unit_list_in_scope,
    user_is_administrator,
)
from certificates.models import Certificate
from courses.models import CoursePage, Enrollment, LessonCompletion, LessonPage
from quizzes.models import Attempt, QuizGrade
from quizzes.selectors import duration_text

from .models import Assignment, Reminder

# How far ahead a due date counts as « due soon »: the learners' daily reminder names the
# courses due within it (services.reminders_send_learners), and the weekly digest counts the
# learners it could not remind (digest_for).
REMINDER_DAYS_AHEAD = 7

STATUS_OVERDUE = "overdue"
SORTS = {
    "progress": (F("progress_percent").asc(), "pk"),
    "-progress": (F("progress_percent").desc(), "pk"),
    "activity": (F("last_activity_at").asc(nulls_first=True), "pk"),
    "-activity": (F("last_activity_at").desc(nulls_last=True), "pk"),
    "name": ("learner__full_name", "pk"),
}
CHART_WEEKS = 12


def user_is_supervisor(user) -> bool:
    return user.is_authenticated and (user_is_administrator(user) or bool(supervised_units(user)))


@dataclass(frozen=True)
class Filters:
    unit: Unit | None = None
    course: CoursePage | None = None
    status: str = ""
    due_from: date | None = None
    due_to: date | None = None
    q: str = ""
    sort: str = "-activity"


def _scope_q(*, user) -> Q:
    """The active learners the user may see, through `learner__`."""
    return learner_scope_q(user=user, prefix="learner__") & Q(learner__is_active=True)


def enrollments_in_scope(*, user) -> QuerySet[Enrollment]:
    """Every enrollment of an active learner the user may see: the root of every read here."""
    return Enrollment.objects.filter(_scope_q(user=user))


def _learner_course_q(*, user, filters: Filters) -> Q:
    """The scope and the filters that read only the learner and the course, as a condition on
    any model with `learner` and `course` foreign keys (enrollments, quiz grades,
    certificates)."""
    query = _scope_q(user=user)
    if filters.unit is not None:
        query &= subtree_q([filters.unit.path], field="learner__unit__path")
    if filters.course is not None:
        query &= Q(course=filters.course)
    if filters.q:
        query &= Q(learner__full_name__icontains=filters.q) | Q(
            learner__matricule__icontains=filters.q
        )
    return query


def related_q(*, user, filters: Filters) -> Q | None:
    """The filtered enrollments' learners and courses, as a condition on a model with
    `learner` and `course` foreign keys (quiz grades, certificates): for `course_stats`.
    None when a filter reads the enrollment itself (status, due date): only matching each
    row to a filtered enrollment can then tell."""
    if filters.status or filters.due_from or filters.due_to:
        return None
    return _learner_course_q(user=user, filters=filters)


def enrollments_filtered(*, user, filters: Filters, today: date | None = None):
    today = today or timezone.localdate()
    qs = Enrollment.objects.filter(_learner_course_q(user=user, filters=filters))
    if filters.due_from:
        qs = qs.filter(due_date__gte=filters.due_from)
    if filters.due_to:
        qs = qs.filter(due_date__lte=filters.due_to)
    if filters.status == STATUS_OVERDUE:
        qs = qs.overdue(today)
    elif filters.status:
        qs = qs.filter(status=filters.status)
    return qs


def _counts(today: date) -> dict:
    status = Enrollment.Status
    return {
        "enrolled": Count("pk"),
        "assigned": Count("pk", filter=Q(due_date__isnull=False)),
        "not_started": Count("pk", filter=Q(status=status.NOT_STARTED)),
        "in_progress": Count("pk", filter=Q(status=status.IN_PROGRESS)),
        "completed": Count("pk", filter=Q(status=status.COMPLETED)),
        "overdue": Count("pk", filter=Enrollment.objects.overdue_q(today)),
    }


@dataclass(kw_only=True)
class StatusCounts:
    """The counts of `_counts`, shared by the per-course and the per-unit rows."""

    enrolled: int = 0
    assigned: int = 0
    not_started: int = 0
    in_progress: int = 0
    completed: int = 0
    overdue: int = 0

    @property
    def completion_rate(self) -> int:
        return round(100 * self.completed / self.enrolled) if self.enrolled else 0


@dataclass(kw_only=True)
class CourseStats(StatusCounts):
    course_id: int
    title: str
    graded: int = 0
    passed: int = 0
    average_percent: float | None = None
    certificates: int = 0

    @property
    def pass_rate(self) -> int | None:
        return round(100 * self.passed / self.graded) if self.graded else None


def course_stats(
    *,
    enrollments: QuerySet[Enrollment],
    today: date,
    related: Q | None = None,
    titles: dict[int, str] | None = None,
) -> list[CourseStats]:
    """Per course: counts by status, overdue, pass rate and average grade of the quizzes, and
    valid certificates, all over the given (scoped, filtered) enrollments. Three queries, and
    a fourth only for courses missing from `titles`.

    `related`, from `related_q` with the filters of `enrollments`, selects the grades and
    the certificates directly; without it each one is matched to a filtered enrollment, which
    costs more. Both count the same rows since a learner only gets a grade or a certificate
    in a course they are enrolled in, and enrollments are never deleted on their own.
    `titles` (course id → title, e.g. the live courses of the filter form, in their order)
    spares the join to the page table; the rows come in its order, then by title."""
    rows = enrollments.order_by().values("course_id").annotate(**_counts(today))
    stats = {row["course_id"]: CourseStats(title="", **row) for row in rows}
    titles = dict(titles or {})
    missing = [course_id for course_id in stats if course_id not in titles]
    if missing:  # a course unpublished since, or no titles given
        titles.update(
            CoursePage.objects.filter(pk__in=missing).order_by("title").values_list("pk", "title")
        )
    for course_id, item in stats.items():
        item.title = titles[course_id]
    if related is not None:
        grades, certificates = (
            QuizGrade.objects.filter(related),
            Certificate.objects.filter(related),
        )
    else:
        # Grades and certificates count only for the learners of the filtered enrollments.
        same_enrollment = Exists(
            enrollments.filter(learner_id=OuterRef("learner_id"), course_id=OuterRef("course_id"))
        )
        grades, certificates = (
            QuizGrade.objects.filter(same_enrollment),
            Certificate.objects.filter(same_enrollment),
        )
    grades = (
        grades.values("course_id")
        .annotate(
            graded=Count("pk"), passed=Count("pk", filter=Q(passed=True)), average=Avg("percent")
        )
        .order_by()
    )
    for row in grades:
        if row["course_id"] in stats:
            item = stats[row["course_id"]]
            item.graded, item.passed = row["graded"], row["passed"]
            item.average_percent = float(row["average"]) if row["average"] is not None else None
    certificates = certificates.valid().values("course_id").annotate(n=Count("pk")).order_by()
    for row in certificates:
        if row["course_id"] in stats:
            stats[row["course_id"]].certificates = row["n"]
    order = {course_id: index for index, course_id in enumerate(titles)}
    return sorted(stats.values(), key=lambda item: order[item.course_id])


@dataclass(kw_only=True)
class UnitRow(StatusCounts):
    unit: Unit
    label: str
    direct: bool = False  # learners attached to the unit itself, not to a unit below it
    learners: int = 0
    has_children: bool = False

    @property
    def heading(self) -> str:
        """The row's name in the table and the chart."""
        if self.direct:
            return _("%(unit)s (rattachés directement)") % {"unit": self.label}
        return self.label


def _top_units(user) -> list[Unit]:
    """The units a dashboard starts from: the roots for administrators, else the user's
    supervised units without those already inside another one."""
    if user_is_administrator(user):
        return list(Unit.get_root_nodes())
    units = sorted(supervised_units(user), key=lambda u: u.path)
    tops: list[Unit] = []
    for unit in units:
        if not any(path_in_subtree(unit.path, root=top.path) for top in tops):
            tops.append(unit)
    return tops


def unit_breakdown(
    *, user, enrollments: QuerySet[Enrollment], unit: Unit | None, today: date
) -> list[UnitRow]:
    """One row per unit below `unit` (or per top unit of the user's scope), each counting its
    whole subtree, plus a row for learners attached directly to `unit`. Two queries."""
    if unit is None:
        rows = [UnitRow(unit=u, label=u.name) for u in _top_units(user)]
    else:
        children = list(unit.get_children())
        rows = [UnitRow(unit=unit, label=unit.name, direct=True)] + [
            UnitRow(unit=child, label=child.name) for child in children
        ]
    if not rows:
        return []
    branch = Case(
        *[
            When(learner__unit_id=row.unit.pk, then=Value(index))
            if row.direct
            else When(subtree_q([row.unit.path], field="learner__unit__path"), then=Value(index))
            for index, row in enumerate(rows)
        ],
        default=Value(-1),
        output_field=IntegerField(),
    )
    counts = (
        enrollments.order_by()
        .annotate(branch=branch)
        .values("branch")
        .annotate(learners=Count("learner_id", distinct=True), **_counts(today))
    )
    for row in counts:
        index = row.pop("branch")
        if index >= 0:
            for name, value in row.items():
                setattr(rows[index], name, value)
    for row in rows:
        row.has_children = not row.direct and row.unit.numchild > 0
    # A direct row with nobody in it says nothing.
    return [row for row in rows if not (row.direct and row.enrolled == 0)]


@dataclass
class WeekPoint:
    week: date
    completed: int


def completions_by_week(
    *, enrollments: QuerySet[Enrollment], today: date, weeks: int = CHART_WEEKS
) -> list[WeekPoint]:
    """Completions per week over the last `weeks` weeks, empty weeks included. One query."""
    this_monday = today - timedelta(days=today.weekday())
    start = this_monday - timedelta(weeks=weeks - 1)
    tz = timezone.get_current_timezone()
    since = timezone.make_aware(datetime.combine(start, datetime.min.time()), tz)
    counts = {
        (row["week"].date() if isinstance(row["week"], datetime) else row["week"]): row["n"]
        for row in enrollments.filter(completed_at__gte=since)
        .order_by()
        .annotate(week=TruncWeek("completed_at", tzinfo=tz))
        .values("week")
        .annotate(n=Count("pk"))
    }
    return [
        WeekPoint(
            week=start + timedelta(weeks=i), completed=counts.get(start + timedelta(weeks=i), 0)
        )
        for i in range(weeks)
    ]


def learner_rows(*, enrollments: QuerySet[Enrollment], sort: str) -> QuerySet[Enrollment]:
    """The learner table: one row per enrollment, with what a row shows joined in."""
    return enrollments.select_related("learner", "course").order_by(
        *SORTS.get(sort, SORTS["-activity"])
    )


# --- Assignments ---------------------------------------------------------------------------


def assignment_list_in_scope(*, user) -> QuerySet[Assignment]:
    """The assignments a supervisor may see and delete: to a unit of their scope, or to a
    learner of their scope. Out of scope answers 404, so views take them from here."""
    return Assignment.objects.filter(
        Q(unit__in=unit_list_in_scope(user=user)) | Q(learner__in=learner_list_in_scope(user=user))
    ).select_related("course", "learner", "assigned_by")


def due_dates_for(*, course: CoursePage, also_learner_ids: Iterable[int] = ()) -> dict:
    """{learner id: earliest due date of the assignments of `course` covering them, or None
    for those of `also_learner_ids` that none covers}: the due dates `services.assignments_apply`
    writes into enrollments. Only active members of the learners' group are covered."""
    assignments = list(Assignment.objects.filter(course=course).select_related("unit"))
    unit_dues = [(a.unit.path, a.due_date) for a in assignments if a.unit_id]
    learner_dues = {a.learner_id: a.due_date for a in assignments if a.learner_id}
    covered = Q(pk__in=list(learner_dues) + list(also_learner_ids)) | subtree_q(
        [path for path, _due in unit_dues], field="unit__path"
    )
    due_dates: dict[int, date | None] = {}
    rows = (
        User.objects.filter(covered, is_active=True, groups__name=roles.LEARNERS)
        .distinct()
        .values_list("pk", "unit__path")
    )
    for pk, path in rows:
        dues = [due for root, due in unit_dues if path and path_in_subtree(path, root=root)]
        if pk in learner_dues:
            dues.append(learner_dues[pk])
        due_dates[pk] = min(dues) if dues else None
    return due_dates


# --- Learner detail -------------------------------------------------------------------------


@dataclass
class AttemptLine:
    number: int
    quiz_title: str
    percent: float | None
    passed: bool
    started_at: datetime
    finished_at: datetime | None
    state: str
    # Essays wait for a grader: the percent is provisional, pass or fail undecided.
    provisional: bool = False
    # « Synchronisée hors ligne »: its last answers arrived this long after the deadline.
    offline_delay: str = ""

    @property
    def duration(self) -> timedelta | None:
        return self.finished_at - self.started_at if self.finished_at else None

    @property
    def duration_text(self) -> str:
        return duration_text(self.duration) if self.finished_at else ""


@dataclass
class CourseDetail:
    enrollment: Enrollment
    lessons_total: int = 0
    lessons: list[tuple[str, datetime]] = field(default_factory=list)
    attempts: list[AttemptLine] = field(default_factory=list)
    certificate: Certificate | None = None


def learner_detail(*, learner: User) -> list[CourseDetail]:
    """Per enrolled course: lessons completed and when, quiz attempts, the certificate.
    Five queries whatever the number of courses."""
    enrollments = list(
        Enrollment.objects.filter(learner=learner).select_related("course").order_by("enrolled_at")
    )
    details = {e.course_id: CourseDetail(enrollment=e) for e in enrollments}
    paths = {e.course.path: e.course_id for e in enrollments}

    def course_of(path: str) -> int | None:
        for prefix, course_id in paths.items():
            if path_in_subtree(path, root=prefix):
                return course_id
        return None

    for completion in (
        LessonCompletion.objects.filter(learner=learner, course_id__in=list(details))
        .select_related("lesson")
        .order_by("completed_at")
    ):
        details[completion.course_id].lessons.append(
            (completion.lesson.title, completion.completed_at)
        )
    lesson_paths = LessonPage.objects.live().filter(subtree_q(paths)).values_list("path", flat=True)
    for path in lesson_paths:
        course_id = course_of(path)
        if course_id is not None:
            details[course_id].lessons_total += 1
    attempts = (
        Attempt.objects.filter(learner=learner)
        .exclude(state=Attempt.State.IN_PROGRESS)
        .select_related("quiz")
        .order_by("started_at")
    )
    for attempt in attempts:
        course_id = course_of(attempt.quiz.path)
        if course_id is None:
            continue
        details[course_id].attempts.append(
            AttemptLine(
                number=attempt.number,
                quiz_title=attempt.quiz.title,
                percent=float(attempt.percent) if attempt.percent is not None else None,
                passed=attempt.passed,
                started_at=attempt.started_at,
                finished_at=attempt.finished_at,
                state=attempt.get_state_display(),
                provisional=attempt.state == Attempt.State.NEEDS_GRADING,
                offline_delay=attempt.offline_delay_label,
            )
        )
    for certificate in Certificate.objects.valid().filter(learner=learner):
        if certificate.course_id in details:
            details[certificate.course_id].certificate = certificate
    return list(details.values())


@dataclass
class ReminderLine:
    sent_at: datetime
    courses: list[str]


def learner_reminders(
    *, learner: User, course_titles: dict[int, str], limit: int = 20
) -> list[ReminderLine]:
    """The due-date reminders emailed to a learner, newest first, with the titles of the
    courses each one named (`course_titles`: {course id: title}, the learner's courses)."""
    reminders = Reminder.objects.filter(recipient=learner, kind=Reminder.Kind.LEARNER_DUE).order_by(
        "-sent_at"
    )[:limit]
    return [
        ReminderLine(
            sent_at=reminder.sent_at,
            courses=[
                course_titles[pk]
                for pk in reminder.details.get("courses", [])
                if pk in course_titles
            ],
        )
        for reminder in reminders
    ]


def learner_last_activity(*, learner: User) -> datetime | None:
    return Enrollment.objects.filter(learner=learner).aggregate(last=Max("last_activity_at"))[
        "last"
    ]


# --- Weekly digest -------------------------------------------------------------------------


@dataclass
class Digest:
    courses: list[CourseStats]
    overdue: list[Enrollment]
    overdue_total: int
    completed_this_week: int
    without_email: int


DIGEST_OVERDUE_LISTED = 20


def digest_for(*, supervisor: User, today: date) -> Digest:
    """What a supervisor's weekly email says about their scope. `without_email` counts the
    learners with a due or overdue course who could not be reminded for lack of an address."""
    enrollments = enrollments_in_scope(user=supervisor)
    overdue = enrollments.overdue(today)
    week_start = today - timedelta(days=today.weekday())
    tz = timezone.get_current_timezone()
    due_soon = enrollments.due_within(REMINDER_DAYS_AHEAD, today)
    return Digest(
        courses=course_stats(
            enrollments=enrollments,
            today=today,
            related=related_q(user=supervisor, filters=Filters()),
        ),
        overdue=list(
            overdue.select_related("learner", "course").order_by("due_date", "pk")[
                :DIGEST_OVERDUE_LISTED
            ]
        ),
        overdue_total=overdue.count(),
        completed_this_week=enrollments.filter(
            completed_at__gte=timezone.make_aware(
                datetime.combine(week_start, datetime.min.time()), tz
            )
        ).count(),
        without_email=due_soon.filter(learner__email="").values("learner_id").distinct().count(),
    )


# --- Exports -------------------------------------------------------------------------------


# What `export_rows` reads, by the name each row gives it: (name, lookup on Enrollment).
EXPORT_FIELDS = (
    ("matricule", "learner__matricule"),
    ("name", "learner__full_name"),
    ("rank", "learner__rank"),
    ("unit_id", "learner__unit_id"),
    ("course", "course__title"),
    ("status", "status"),
    ("progress", "progress_percent"),
    ("average", "average"),
    ("due_date", "due_date"),
    ("overdue", "overdue"),
    ("enrolled_at", "enrolled_at"),
    ("started_at", "started_at"),
    ("completed_at", "completed_at"),
    ("last_activity_at", "last_activity_at"),
    ("serial", "serial"),
    ("offline", "offline"),
)


def export_rows(*, enrollments: QuerySet[Enrollment], sort: str, today: date):
    """The filtered table as one dict per enrollment, keyed by the names of EXPORT_FIELDS
    (`tracking.exports.COLUMNS` reads them by name), read in chunks so that 10,000 rows stay
    small in memory. `average` is the mean of the learner's quiz grades in the course as a
    float, `overdue` a boolean, `serial` the valid certificate's, `offline`
    the number of the learner's attempts in the course « synchronisées hors ligne »."""
    grade = (
        QuizGrade.objects.filter(learner_id=OuterRef("learner_id"), course_id=OuterRef("course_id"))
        .order_by()
        .values("learner_id")
        .annotate(avg=Avg("percent"))
        .values("avg")
    )
    serial = (
        Certificate.objects.valid()
        .filter(learner_id=OuterRef("learner_id"), course_id=OuterRef("course_id"))
        .values("serial")[:1]
    )
    offline = (
        Attempt.objects.filter(
            learner_id=OuterRef("learner_id"),
            quiz__path__startswith=OuterRef("course__path"),
            offline_delay__isnull=False,
        )
        .order_by()
        .values("learner_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    names = [name for name, _lookup in EXPORT_FIELDS]
    rows = (
        enrollments.annotate(
            average=Subquery(grade),
            serial=Subquery(serial),
            offline=Coalesce(Subquery(offline, output_field=IntegerField()), 0),
            overdue=ExpressionWrapper(
                Enrollment.objects.overdue_q(today), output_field=BooleanField()
            ),
        )
        .order_by(*SORTS.get(sort, SORTS["-activity"]))
        .values_list(*(lookup for _name, lookup in EXPORT_FIELDS))
    )
    for values in rows.iterator(chunk_size=2000):
        row = dict(zip(names, values, strict=True))
        if row["average"] is not None:
            row["average"] = float(row["average"])
        row["overdue"] = bool(row["overdue"])  # NULL without a due date
        yield row
