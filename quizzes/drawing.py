"""Which questions an attempt gets: the quiz's slots, each a fixed question or N questions
drawn at random from a category (and, if the slot says so, the categories below it).

What a start needs of the bank, its « plan » (the slots, with the live questions each may give
and their live revisions, and the snapshots of the fixed questions), is kept in the shared
cache with the live quiz page and the brief of its course (`quiz_start`), under the bank's
version and the content's (lms/versioned_cache.py): a question, one of its choices or pairs, a
category or a quiz's slot saved or deleted gives the bank a new version, a page saved,
published, moved or deleted gives the content one, and an entry read under older ones is
read again. So a start reads all it needs before its lock in one round trip to the cache,
since every learner of a unit may start at the same bell; the snapshots of questions drawn
from a category come from their own cache, keyed on each live revision
(quizzes/snapshots.py). Code that writes these rows without saving them (a queryset's
`update()`) must call `bank_version_bump()`."""

import random
from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from courses.caching import CONTENT_VERSION_KEY, CourseBrief, course_brief
from lms.versioned_cache import Versioned, version_bump_now_and_on_commit, versioned_get_many

from .models import Question, QuestionCategory, QuestionChoice, QuestionPair, QuizPage, QuizSlot
from .snapshots import question_snapshot

BANK_VERSION_KEY = "quizzes:bank-version"
PLAN_TIMEOUT = 24 * 60 * 60
# Changes with the plan's shape, so that a deployment never reads the entries of the code
# before it.
PLAN_FORMAT = 2


class DrawError(Exception):
    """The bank cannot fill a slot; the message names the category, in the user's language."""


@dataclass(frozen=True)
class BankQuestion:
    """What a start needs of a live question: its snapshot's cache key, and whether its
    answers may be shuffled (quizzes/snapshots.py reads the row itself when the snapshot is
    not cached). A fixed question carries its snapshot (`snapshot`), frozen with the plan."""

    pk: int
    live_revision_id: int | None
    shuffle_answers: bool
    snapshot: dict | None = field(default=None, compare=False)


@dataclass(frozen=True)
class SlotPlan:
    """A fixed question (`fixed`), or `random_count` questions drawn from `pool`, the live
    questions of the slot's category and, if asked, of the categories below it."""

    fixed: BankQuestion | None
    pool: tuple[BankQuestion, ...] = ()
    random_count: int = 0
    category: str = ""


def bank_version_bump() -> None:
    version_bump_now_and_on_commit(BANK_VERSION_KEY)


def _bank_question(row, snapshot: dict | None = None) -> BankQuestion:
    return BankQuestion(
        pk=row.pk,
        live_revision_id=row.live_revision_id,
        shuffle_answers=row.shuffle_answers,
        snapshot=snapshot,
    )


def plan_read(quiz: QuizPage) -> list[SlotPlan]:
    """The plan from the database: one query for the slots with their fixed questions and
    categories, two for the fixed questions' choices and pairs (their snapshots), two per
    random slot (the categories below, the pool)."""
    slots = list(quiz.slots.select_related("category", "question").order_by("sort_order"))
    # Only live questions, as last approved: a question never published (a draft, an import
    # waiting for review) is left out of a fixed slot too, and an edit waiting for review
    # lives in a revision, not in the row read here.
    fixed = [slot.question for slot in slots if slot.question_id and slot.question.live]
    prefetch_related_objects(fixed, "choices", "pairs")
    snapshots = {question.pk: question_snapshot(question) for question in fixed}
    plan = []
    for slot in slots:
        if slot.question_id:
            if slot.question.pk in snapshots:
                question = slot.question
                plan.append(SlotPlan(fixed=_bank_question(question, snapshots[question.pk])))
            continue
        category_ids = (
            slot.category.subtree_ids() if slot.include_subcategories else {slot.category_id}
        )
        pool = Question.objects.filter(category_id__in=category_ids, live=True).order_by("pk")
        plan.append(
            SlotPlan(
                fixed=None,
                pool=tuple(
                    _bank_question(q) for q in pool.only("pk", "live_revision", "shuffle_answers")
                ),
                random_count=slot.random_count,
                category=str(slot.category),
            )
        )
    return plan


@dataclass(frozen=True)
class QuizStart:
    """What a start reads before it locks anything: the live quiz page (with Wagtail's site
    root paths, so that its URL costs nothing), the brief of its course and its plan."""

    quiz: QuizPage
    course: CourseBrief
    plan: list[SlotPlan]


def _quiz_start_read(quiz_id: int) -> QuizStart | None:
    quiz = QuizPage.objects.live().filter(pk=quiz_id).first()
    if quiz is None:
        return None
    quiz.get_url_parts()
    return QuizStart(quiz=quiz, course=CourseBrief.of(quiz), plan=plan_read(quiz))


def quiz_start(quiz_id: int) -> QuizStart | None:
    """The live quiz with this key, its course's brief and its plan, or None when no live
    quiz has it: from the shared cache, in one round trip, when read under the current
    versions of the content and of the bank. Each call gives new instances."""
    entry = Versioned(
        (CONTENT_VERSION_KEY, BANK_VERSION_KEY),
        f"quizzes:start:{PLAN_FORMAT}:{quiz_id}",
        lambda: _quiz_start_read(quiz_id),
        PLAN_TIMEOUT,
    )
    return versioned_get_many([entry])[0]


def slots_unsaved(quiz: QuizPage) -> bool:
    """Whether the quiz's slots were changed on the instance and not saved yet (modelcluster
    keeps them in memory until the page is saved: a test, the shell): its plan is then read
    as it is, and not cached."""
    return "slots" in quiz.__dict__.get("_cluster_related_objects", {})


def _start_cached(quiz: QuizPage) -> QuizStart | None:
    # Slots held in memory are read as they are, and never cached.
    return None if slots_unsaved(quiz) else quiz_start(quiz.pk)


def start_inputs(quiz: QuizPage) -> tuple[CourseBrief, list[SlotPlan]]:
    """The brief of the quiz's course and the quiz's plan: from `quiz_start`'s entry, or read
    as they are when its slots are held in memory or it is not live."""
    start = _start_cached(quiz)
    if start is None:
        return course_brief(quiz), plan_read(quiz)
    return start.course, start.plan


def draw_plan(quiz: QuizPage) -> list[SlotPlan]:
    """The quiz's plan, from the shared cache when read under the current versions."""
    start = _start_cached(quiz)
    return plan_read(quiz) if start is None else start.plan


def questions_draw(
    quiz: QuizPage, rng: random.Random, plan: list[SlotPlan] | None = None
) -> list[BankQuestion]:
    """The attempt's questions, in their order: each fixed question once, then for each
    random slot `random_count` questions not drawn before, then shuffled if the quiz says
    so. Raises DrawError when a category has too few questions left. `plan`: the quiz's, when
    the caller has read it."""
    drawn: dict[int, BankQuestion] = {}
    for slot in draw_plan(quiz) if plan is None else plan:
        if slot.fixed is not None:
            drawn.setdefault(slot.fixed.pk, slot.fixed)
            continue
        pool = [q for q in slot.pool if q.pk not in drawn]
        if len(pool) < slot.random_count:
            raise DrawError(
                _("La catégorie « %(category)s » n’a pas assez de questions.")
                % {"category": slot.category}
            )
        drawn.update((q.pk, q) for q in rng.sample(pool, slot.random_count))
    questions = list(drawn.values())
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    return questions


def on_bank_written(sender, **kwargs):
    bank_version_bump()


# Saved or deleted, each of these can change a plan: a question (live, its live revision,
# its category, shuffle_answers, its snapshot), a choice or a pair (a fixed question's
# snapshot), a category (its parent, its name), a slot (a quiz saved or published writes its
# slots).
BANK_SOURCES = (Question, QuestionChoice, QuestionPair, QuestionCategory, QuizSlot)
