"""Which questions an attempt gets: the quiz's slots, each a fixed question or N questions
drawn at random from a category (and, if the slot says so, the categories below it).

What a start needs of the bank, its « plan » (the slots, with the live questions each may give
and their live revisions), is kept in the shared cache under the bank's version
(lms/versioned_cache.py): a question, a category or a quiz's slot saved or deleted gives the
bank a new version, and a plan read under an older one is read again. So a start draws
without reading the bank, since every learner of a unit may start at the same bell; the
questions' snapshots come from their own cache, keyed on each live revision
(quizzes/snapshots.py). Code that writes these rows without saving them (a queryset's
`update()`) must call `bank_version_bump()`."""

import random
from dataclasses import dataclass

from django.utils.translation import gettext as _

from lms.versioned_cache import Versioned, version_bump_now_and_on_commit, versioned_get_many

from .models import Question, QuestionCategory, QuizPage, QuizSlot

BANK_VERSION_KEY = "quizzes:bank-version"
PLAN_TIMEOUT = 24 * 60 * 60
# Changes with the plan's shape, so that a deployment never reads the entries of the code
# before it.
PLAN_FORMAT = 1


class DrawError(Exception):
    """The bank cannot fill a slot; the message names the category, in the user's language."""


@dataclass(frozen=True)
class BankQuestion:
    """What a start needs of a live question: its snapshot's cache key, and whether its
    answers may be shuffled (quizzes/snapshots.py reads the row itself when the snapshot is
    not cached)."""

    pk: int
    live_revision_id: int | None
    shuffle_answers: bool


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


def _bank_question(row) -> BankQuestion:
    return BankQuestion(
        pk=row.pk, live_revision_id=row.live_revision_id, shuffle_answers=row.shuffle_answers
    )


def plan_read(quiz: QuizPage) -> list[SlotPlan]:
    """The plan from the database: one query for the slots with their fixed questions and
    categories, two per random slot (the categories below, the pool)."""
    plan = []
    for slot in quiz.slots.select_related("category", "question").order_by("sort_order"):
        if slot.question_id:
            # Only live questions, as last approved: a question never published (a draft,
            # an import waiting for review) is left out of a fixed slot too, and an edit
            # waiting for review lives in a revision, not in the row read here.
            if slot.question.live:
                plan.append(SlotPlan(fixed=_bank_question(slot.question)))
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


def slots_unsaved(quiz: QuizPage) -> bool:
    """Whether the quiz's slots were changed on the instance and not saved yet (modelcluster
    keeps them in memory until the page is saved: a test, the shell): its plan is then read
    as it is, and not cached."""
    return "slots" in quiz.__dict__.get("_cluster_related_objects", {})


def draw_plan_entry(quiz: QuizPage) -> Versioned:
    """The quiz's plan as an entry of the shared cache, under the bank's version."""
    return Versioned(
        BANK_VERSION_KEY,
        f"quizzes:draw-plan:{PLAN_FORMAT}:{quiz.pk}",
        lambda: plan_read(quiz),
        PLAN_TIMEOUT,
    )


def draw_plan(quiz: QuizPage) -> list[SlotPlan]:
    """The quiz's plan, from the shared cache when read under the bank's current version."""
    if slots_unsaved(quiz):
        return plan_read(quiz)
    return versioned_get_many([draw_plan_entry(quiz)])[0]


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
# its category, shuffle_answers), a category (its parent, its name), a slot (a quiz saved or
# published writes its slots).
BANK_SOURCES = (Question, QuestionCategory, QuizSlot)
