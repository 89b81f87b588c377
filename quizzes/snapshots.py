"""Freezing a bank question into the snapshot that grading reads (schema: quizzes/grading.py
for the common keys, each type's class in quizzes/types/ for its own)."""

from decimal import Decimal

from django.core.cache import cache
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from .types import QuestionStructureError, UnknownQuestionType, kinds, question_type

__all__ = [
    "QuestionStructureError",
    "question_snapshot",
    "question_snapshots",
    "snapshot_cache_forget",
    "snapshot_cache_key",
    "structure_check",
]

# Which answer fields each type uses, from the types' flags. The editor's form shows only
# these (static/js/question-form.js and kalan-admin.css, through the `data-kalan-types` of the
# panels) and QuestionForm drops whatever the others hold, so a question stores only what its
# type grades.
CHOICE_TYPES = kinds("uses_choices")
PAIR_TYPES = kinds("uses_pairs")
TOLERANCE_TYPES = kinds("uses_tolerance")
PAIR_ANSWER_TYPES = kinds("uses_pair_answers")
ESSAY_TYPES = kinds("uses_essay_fields")


def structure_check(kind: str, choices: list[dict], pairs: list[dict]) -> None:
    """Raises QuestionStructureError when the answers do not make a gradable question.
    `choices` items have text, fraction_percent, tolerance, feedback; `pairs` prompt, answer.

    This is the one check every way in goes through (the admin form, the GIFT and Moodle XML
    importers, the demo content), so that no shape that grading cannot read reaches a
    snapshot: no correct answer, weights out of -100..100 %, an answer or an item given
    twice, fewer than two elements to match or to order (each type's `check`)."""
    fractions = [Decimal(c["fraction_percent"] or 0) for c in choices]
    if any(f > 100 or f < -100 for f in fractions):
        raise QuestionStructureError(_("Un poids doit être compris entre -100 % et 100 %."))
    try:
        found = question_type(kind)
    except UnknownQuestionType as error:
        raise QuestionStructureError(
            _("Type de question inconnu : %(type)s.") % {"type": kind}
        ) from error
    found.check(choices, pairs, fractions)


def question_snapshot(question) -> dict:
    found = question_type(question.question_type)
    snapshot = {
        "type": found.kind,
        # A description is information: it never counts, whatever its points say.
        "max_score": 0.0 if found.information else float(question.max_score),
        "text": question.text,
        "general_feedback": question.general_feedback,
        "question_id": question.pk,
        "name": question.name,
    }
    choices, pairs = list(question.choices.all()), list(question.pairs.all())
    snapshot.update(found.freeze(question, choices, pairs))
    return snapshot


# The snapshot of a question's live revision is kept in the shared cache: a revision never
# changes, so an entry keyed on it cannot describe other content. The snapshot is built from
# the row (the live content, which publishing a revision writes), its choices and its pairs,
# and from nothing else: the text keeps Wagtail's <embed> of an image (rendered when the page
# is shown), no rendition URL, no translation. SNAPSHOT_FORMAT changes with the snapshot's
# schema, so that a deployment never reads the entries of the code before it.
SNAPSHOT_FORMAT = 1
SNAPSHOT_CACHE_SECONDS = 30 * 24 * 3600


def snapshot_cache_key(question_id: int, revision_id: int) -> str:
    return f"quizzes:snapshot:{SNAPSHOT_FORMAT}:{question_id}:{revision_id}"


def question_snapshots(questions: list, known: dict[int, dict] | None = None) -> list[dict]:
    """The snapshots of `questions`, in their order: Question rows (without their choices and
    pairs), or anything with their `pk` and `live_revision_id` (quizzes.drawing.BankQuestion),
    whose rows are read when their snapshot is not cached. `known`: the snapshots the caller
    holds already, by question key, given back as they are (a quiz's plan carries its fixed
    questions'). Those of a live revision frozen before come from the cache; the others read
    their choices and pairs (2 queries for all of them) and are frozen, then cached under the
    live revision of the row frozen. A question without one (written outside Wagtail's
    revisions: a test, the shell) is frozen each time. Each call returns new dicts, but for
    the known ones."""
    from .models import Question

    known = known or {}
    keys = {
        q.pk: snapshot_cache_key(q.pk, q.live_revision_id)
        for q in questions
        if q.live_revision_id and q.pk not in known
    }
    cached = cache.get_many(list(keys.values())) if keys else {}
    missing = [q for q in questions if q.pk not in known and keys.get(q.pk) not in cached]
    fresh = {}
    if missing:
        if not all(isinstance(q, Question) for q in missing):
            rows = Question.objects.in_bulk([q.pk for q in missing])
            missing = [rows[q.pk] for q in missing]
        prefetch_related_objects(missing, "choices", "pairs")
        fresh = {q.pk: question_snapshot(q) for q in missing}
        to_keep = {
            snapshot_cache_key(q.pk, q.live_revision_id): fresh[q.pk]
            for q in missing
            if q.live_revision_id
        }
        if to_keep:
            cache.set_many(to_keep, SNAPSHOT_CACHE_SECONDS)
    return [
        known[q.pk] if q.pk in known else fresh[q.pk] if q.pk in fresh else cached[keys[q.pk]]
        for q in questions
    ]


def snapshot_cache_forget(question_id: int, revision_id: int | None) -> None:
    """Drops the cached snapshot of a question's live revision, now and after the commit (a
    start that read the row before it may have cached it again in between). Publishing goes
    through a new revision and needs none of this; it is for a row, a choice or a pair
    written without one (the shell, a script), which would otherwise keep its live revision
    and so its old snapshot."""
    if revision_id is None:
        return
    key = snapshot_cache_key(question_id, revision_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def on_question_written(sender, instance, **kwargs):
    """post_save and post_delete of Question (connected in quizzes/apps.py)."""
    snapshot_cache_forget(instance.pk, instance.live_revision_id)


def on_answer_written(sender, instance, **kwargs):
    """post_save and post_delete of QuestionChoice and QuestionPair: a choice or a pair
    written alone (saved with its question, the question's own signal has done it)."""
    from .models import Question

    field = type(instance)._meta.get_field("question")
    if field.is_cached(instance):
        revision_id = instance.question.live_revision_id
    else:
        revision_id = (
            Question.objects.filter(pk=instance.question_id)
            .values_list("live_revision_id", flat=True)
            .first()
        )
    snapshot_cache_forget(instance.question_id, revision_id)
