"""Reads about quizzes, the quiz side of the course completion rule and the course score."""

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from django.conf import settings
from django.db import connection
from django.db.models import Avg, Exists, OuterRef
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from accounts.selectors import sql_column, sql_table
from courses.selectors import enrolled_sql

from .models import Attempt, Question, QuizGrade, QuizPage
from .richtext import field_clean
from .snapshots import question_snapshots
from .types import item_field, question_type


@dataclass(frozen=True)
class AttemptCounts:
    """What the start's rules read of a learner's attempts at one quiz."""

    in_progress_id: int | None
    # Every attempt but the one in progress (finished, waiting for grading, not counted):
    # what the quiz's number of attempts allowed is checked against.
    ended: int
    # The latest end of a finished or waiting attempt: where the delay before the next runs.
    last_ended_at: datetime | None

    @property
    def total(self) -> int:
        # A constraint allows one attempt in progress per learner and quiz.
        return self.ended + (self.in_progress_id is not None)

    @classmethod
    def of(cls, attempts) -> "AttemptCounts":
        """The same counts, from attempts read already (the quiz's page has them)."""
        done = (Attempt.State.FINISHED, Attempt.State.NEEDS_GRADING)
        ends = [a.finished_at for a in attempts if a.state in done and a.finished_at]
        in_progress = [a.pk for a in attempts if a.state == Attempt.State.IN_PROGRESS]
        return cls(
            in_progress_id=in_progress[0] if in_progress else None,
            ended=len(attempts) - len(in_progress),
            last_ended_at=max(ends, default=None),
        )


@dataclass(frozen=True)
class StartFacts:
    counts: AttemptCounts
    enrolled: bool


@lru_cache(maxsize=1)
def _start_facts_sql() -> str:
    """One statement for what a start reads, written once per process from the models'
    tables (the ORM compiles an aggregate over the attempts and an enrollment query in about
    1.5 ms of CPU at each start; this runs in a tenth of that)."""
    table, column = sql_table, sql_column
    state, finished_at = column(Attempt, "state"), column(Attempt, "finished_at")
    # Only quoted names of our tables and columns are formatted in; every value is a parameter.
    return (
        f"SELECT MAX(CASE WHEN {state} = %(in_progress)s THEN {column(Attempt, 'id')} END),"  # noqa: S608
        f" COUNT(CASE WHEN {state} <> %(in_progress)s THEN 1 END),"
        f" MAX(CASE WHEN {state} IN (%(finished)s, %(needs_grading)s) THEN {finished_at} END),"
        f" {enrolled_sql()}"
        f" FROM {table(Attempt)} WHERE {column(Attempt, 'learner')} = %(user)s"
        f" AND {column(Attempt, 'quiz')} = %(quiz)s"
    )


def _datetime_read(value) -> datetime | None:
    """A datetime from a raw aggregate: PostgreSQL gives one, SQLite the text it stores (UTC)."""
    if value is None or isinstance(value, datetime):
        return value
    found = parse_datetime(value)
    if settings.USE_TZ and timezone.is_naive(found):
        found = found.replace(tzinfo=UTC)
    return found


def start_facts(*, learner_id: int, quiz_id: int, course_id: int) -> StartFacts:
    """The learner's attempts at the quiz, counted, and whether they are enrolled in the
    course, in one statement. A start runs it once the learner's row is locked, so that the
    counts include every start committed before."""
    params = {
        "user": learner_id,
        "quiz": quiz_id,
        "course": course_id,
        "in_progress": Attempt.State.IN_PROGRESS.value,
        "finished": Attempt.State.FINISHED.value,
        "needs_grading": Attempt.State.NEEDS_GRADING.value,
    }
    with connection.cursor() as cursor:
        cursor.execute(_start_facts_sql(), params)
        in_progress_id, ended, last_ended_at, enrolled = cursor.fetchone()
    return StartFacts(
        counts=AttemptCounts(
            in_progress_id=in_progress_id,
            ended=ended,
            last_ended_at=_datetime_read(last_ended_at),
        ),
        enrolled=bool(enrolled),
    )


def passed_quiz_ids(*, learner, course_ids: list[int]) -> set[int]:
    return set(
        QuizGrade.objects.filter(
            learner=learner, course_id__in=course_ids, passed=True
        ).values_list("quiz_id", flat=True)
    )


def passed_quiz_subquery(*, learner):
    """True on a page (OuterRef "pk") that is a quiz the learner has passed."""
    return Exists(QuizGrade.objects.filter(learner=learner, quiz_id=OuterRef("pk"), passed=True))


def required_quizzes_progress(*, enrollment, outline) -> tuple[int, int]:
    """(required quizzes passed, required quizzes) among the course's published quizzes."""
    quiz_ids = [item.id for item in outline.items if item.kind == "quizpage"]
    if not quiz_ids:
        return 0, 0
    required = set(
        QuizPage.objects.filter(pk__in=quiz_ids, required=True).values_list("pk", flat=True)
    )
    passed = passed_quiz_ids(learner=enrollment.learner, course_ids=[enrollment.course_id])
    return len(required & passed), len(required)


def course_score(*, learner, course):
    """The learner's score in the course, for the certificate (registered in
    courses.scores by QuizzesConfig.ready()).

    - The course has a final evaluation (a published quiz placed in the course itself, not in
      a module; the last one when there are several) and the learner has a grade there: that
      grade, by the quiz's grading method, rounded as the quiz pages show it.
    - Otherwise, when the learner has quiz grades in the course: their mean, said as such
      (« Moyenne des quiz »), never passed off as a final grade.
    - No grade at all: None, and the certificate states no score."""
    from courses.scores import CourseScore, ScoreBasis, percent_as_shown

    final = QuizPage.objects.child_of(course).live().order_by("-path").first()
    if final is not None:
        grade = QuizGrade.objects.filter(learner=learner, quiz=final).first()
        if grade is not None:
            return CourseScore(
                percent=percent_as_shown(grade.percent),
                basis=ScoreBasis.FINAL_EVALUATION,
                title=final.title,
                url=final.url,
            )
    mean = QuizGrade.objects.filter(learner=learner, course=course).aggregate(value=Avg("percent"))[
        "value"
    ]
    if mean is None:
        return None
    return CourseScore(percent=percent_as_shown(mean), basis=ScoreBasis.QUIZ_MEAN)


def quiz_next_item(*, quiz_id: int, outline):
    """Where « Continuer la formation » leads after a quiz: the first item after it in the
    course's order that is neither done nor locked; else the first such item anywhere (one
    left behind); None when nothing is left (the caller links the course page)."""
    items = outline.items
    after = False
    for item in items:
        if after and not item.completed and not item.locked:
            return item
        after = after or item.id == quiz_id
    return outline.next_unfinished()


# --- Presenting attempts ------------------------------------------------------------------
# What a page may show is built here from the snapshot, field by field: fractions, feedback and
# right answers are copied only into review data, and only for the parts the policy allows.

REVIEW_IMMEDIATE = timedelta(minutes=2)


def review_moment(*, attempt, now=None, attempts: list | None = None) -> str | None:
    """Moodle's three moments: "after" (within 2 minutes of finishing), "open" (later, quiz
    still open) and "closed" (after the quiz closes). None while the attempt is in progress.
    `attempts`: the learner's attempts at this quiz, when the caller has read them already.
    A learner still in an attempt begun before the close is not yet at "closed": the server
    keeps their answers until its deadline, so another tab must not show the answers."""
    from .models import Attempt

    if attempt.state == Attempt.State.IN_PROGRESS or attempt.finished_at is None:
        return None
    now = now or timezone.now()
    quiz = attempt.quiz
    if quiz.close_at and now >= quiz.close_at:
        if not any(a.state == Attempt.State.IN_PROGRESS for a in _attempts(attempt, attempts)):
            return "closed"
        return "open"
    if now - attempt.finished_at <= REVIEW_IMMEDIATE:
        return "after"
    return "open"


def _attempts(attempt, attempts: list | None) -> list:
    from .models import Attempt

    if attempts is None:
        attempts = list(Attempt.objects.filter(learner_id=attempt.learner_id, quiz=attempt.quiz))
    return attempts


def attempts_used_up(*, quiz, attempts: list) -> bool:
    """True when the learner can start no other attempt by number: the same count as the
    start rule (finished and uncounted attempts), with none in progress."""
    from .models import Attempt

    if not quiz.attempts_allowed:
        return False
    if any(a.state == Attempt.State.IN_PROGRESS for a in attempts):
        return False
    return len(attempts) >= quiz.attempts_allowed


def review_parts(*, attempt, now=None, attempts: list | None = None) -> set[str]:
    """The parts of `attempt` the learner may see now. The "final" parts join the moment's
    once the learner has no attempt left, or once the quiz is closed for them: then nothing
    they learn can serve another attempt (quizzes.models.ANSWER_PARTS)."""
    attempts = _attempts(attempt, attempts)
    moment = review_moment(attempt=attempt, now=now, attempts=attempts)
    if moment is None:
        return set()
    quiz = attempt.quiz
    parts = quiz.review_parts(moment=moment)
    if moment == "closed" or attempts_used_up(quiz=quiz, attempts=attempts):
        parts |= quiz.review_parts(moment="final")
    return parts


def review_later(*, quiz, parts: set[str]) -> str | None:
    """When the parts that reveal answers, not shown now, will be: "final" (after the last
    attempt), "closed" (after the quiz closes) or None (never, or already shown)."""
    from .models import ANSWER_PARTS

    missing = ANSWER_PARTS - parts
    if quiz.attempts_allowed and missing & set(quiz.review_final or []):
        return "final"
    if quiz.close_at and missing & set(quiz.review_closed or []):
        return "closed"
    return None


def repeated_slots(*, slots) -> list[dict]:
    """The slots whose questions come back at every attempt: a fixed question
    ({"question": name}), or a random draw from a category that holds no more questions than
    the slot draws ({"category": name, "pool": n, "draw": m}; the questions fixed elsewhere
    in the quiz are not drawn again). `slots`: QuizSlot objects, saved or not."""
    from .models import Question

    fixed = {slot.question_id for slot in slots if slot.question_id}
    repeated = []
    for slot in slots:
        if slot.question_id:
            repeated.append({"question": str(slot.question)})
            continue
        if not slot.category_id:
            continue
        category = slot.category
        ids = category.subtree_ids() if slot.include_subcategories else {category.pk}
        pool = Question.objects.filter(category_id__in=ids).exclude(pk__in=fixed).count()
        if pool <= slot.random_count:
            repeated.append({"category": str(category), "pool": pool, "draw": slot.random_count})
    return repeated


def review_leak(*, quiz, slots) -> tuple[set[str], list[dict]]:
    """(parts that reveal answers while attempts remain, slots whose questions come back), or
    two empty values when the policy leaks nothing: with one attempt allowed, "after" and
    "open" already come after the last attempt."""
    from .models import ANSWER_PARTS

    early = (set(quiz.review_after or []) | set(quiz.review_open or [])) & ANSWER_PARTS
    if quiz.attempts_allowed == 1 or not early:
        return set(), []
    repeated = repeated_slots(slots=slots)
    return (early, repeated) if repeated else (set(), [])


@dataclass
class FixedQuestions:
    """A quiz's fixed questions as a printed copy of it carries them (workshops' paper
    tests): the snapshots of its live fixed questions in slot order, each once, as
    `services._draw_questions` keeps them; and how many slots draw at random, which no
    printed copy can be entered against (each copy had its own draw)."""

    snapshots: list[dict]
    random_slots: int


def quiz_fixed_questions(*, quiz: QuizPage) -> FixedQuestions:
    """The fixed questions of `quiz` in slot order, frozen (snapshots.question_snapshots),
    and the number of its random slots. Two queries, or one more for the snapshots that
    the cache does not hold."""
    rows: dict[int, Question] = {}
    random_slots = 0
    for slot in quiz.slots.select_related("question").order_by("sort_order"):
        if slot.question_id is None:
            random_slots += 1
        elif slot.question_id not in rows:
            rows[slot.question_id] = slot.question
    live = [question for question in rows.values() if question.live]
    return FixedQuestions(question_snapshots(live), random_slots)


def item_view(item, posted=None) -> dict:
    """The question as the learner answers it: text and options, in display order, with the
    saved response pre-filled. No fraction, feedback or right answer is in here.
    `posted`: the page's submitted fields (a QueryDict), pre-filled instead of the saved
    response when the page comes back with an error: nothing was saved, and the learner must
    not have to choose everything again."""
    snapshot = item.snapshot
    found = question_type(snapshot["type"])
    field = item_field(item)
    view = {
        "id": item.pk,
        "type": found.kind,
        "template": found.template,
        "information": found.information,
        # Cleaned again as shown: snapshots frozen before imports were cleaned keep their
        # text as it was, and a page must never carry it raw.
        "text": field_clean(Question, "text", snapshot["text"]),
        "position": item.position + 1,
        "max_score": snapshot["max_score"],
        "points_label": f"{snapshot['max_score']:g}".replace(".", ","),
        "points_count": math.ceil(snapshot["max_score"]),
        "field": field,
    }
    view.update(found.view(snapshot, item.response or {}, item.display_order, posted, field))
    return view


def item_review(item, parts: set[str]) -> dict:
    """What the review may show of one item, by the policy's parts."""
    from . import grading

    found = question_type(item.snapshot["type"])
    view = item_view(item)
    view["answered"] = item.response is not None
    view["your_answer"] = answer_text(item.snapshot, item.response)
    if found.information:
        return view  # information: nothing to review
    waiting = item.state == grading.NEEDS_GRADING
    view["waiting"] = waiting
    if "score" in parts and "correctness" in parts and not waiting:
        # A question's points say whether it was right: they go with the right/wrong marks.
        view["score"] = item.score
    if "correctness" in parts and not waiting:
        view["state"] = item.state
    if found.graded_by_person and not waiting and "score" in parts:
        # A person's grade and words, once given: the attempt is final for this item. The
        # grader's rubric (snapshot["grader_info"]) is never copied here.
        view["score"] = item.score
        view["grader_feedback"] = item.grader_feedback
    if "answer" in parts:
        right = grading.correct_response(item.snapshot)
        view["right_answer"] = answer_text(item.snapshot, right) if right else ""
    if "feedback" in parts:
        result = grading.grade(item.snapshot, item.response)
        view["feedback"] = result.feedback
        view["general_feedback"] = item.snapshot.get("general_feedback", "")
    return view


def answer_text(snapshot: dict, response: dict | None) -> str:
    """A response as readable text, for the review."""
    if not response:
        return ""
    return question_type(snapshot["type"]).answer_text(snapshot, response)


def duration_text(duration: timedelta) -> str:
    """An attempt's time, readable: whole minutes said « 0 minute » of a 40-second attempt."""
    seconds = max(0, int(duration.total_seconds()))
    if seconds < 60:
        return _("moins d’une minute")
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        text = _("%(h)d h %(m)02d min") % {"h": hours, "m": minutes}
    elif seconds:
        text = _("%(m)d min %(s)02d s") % {"m": minutes, "s": seconds}
    else:
        text = _("%(m)d min") % {"m": minutes}
    # A narrow table column must not part a number from its unit.
    return text.replace(" ", "\u00a0")


# --- Essays waiting for a person ------------------------------------------------------------


def user_may_grade(user) -> bool:
    """Editors and administrators grade every essay; a supervisor (a trainer of units) those
    of the learners of their units' subtrees."""
    from accounts.selectors import supervised_units, user_is_administrator

    if not user.is_authenticated or not user.is_active:
        return False
    return user_is_administrator(user) or _is_editor(user) or bool(supervised_units(user))


def _is_editor(user) -> bool:
    from accounts import roles

    if not hasattr(user, "_kalan_is_editor"):
        user._kalan_is_editor = user.groups.filter(name=roles.EDITORS).exists()
    return user._kalan_is_editor


def essays_to_grade(*, user):
    """The essays waiting for a person that `user` may grade, oldest attempt first, never
    their own: every item outside this queryset answers 404 on the grading page."""
    from accounts.selectors import learner_scope_q, user_is_administrator

    from . import grading
    from .models import Attempt, AttemptItem

    items = AttemptItem.objects.filter(
        state=grading.NEEDS_GRADING, attempt__state=Attempt.State.NEEDS_GRADING
    )
    if not user_may_grade(user):
        return items.none()
    items = items.exclude(attempt__learner=user)  # nobody grades their own essay
    if not (user_is_administrator(user) or _is_editor(user)):
        items = items.filter(learner_scope_q(user=user, prefix="attempt__learner__"))
    return items.select_related("attempt__learner", "attempt__quiz").order_by(
        "attempt__finished_at", "attempt_id", "position"
    )


def essay_for_grader(item) -> dict:
    """The grading form's view of one essay: the question, the learner's answer and the
    rubric (for the grader only)."""
    snapshot = item.snapshot
    return {
        "id": item.pk,
        "learner": item.attempt.learner,
        "quiz": item.attempt.quiz,
        "attempt": item.attempt,
        "position": item.position + 1,
        "text": field_clean(Question, "text", snapshot["text"]),
        "answer": (item.response or {}).get("text", ""),
        "grader_info": snapshot.get("grader_info", ""),
        "max_score": snapshot["max_score"],
        "max_label": f"{snapshot['max_score']:g}".replace(".", ","),
    }
