"""Freezing a bank question into the snapshot that grading reads (schema: quizzes/grading.py
for the common keys, each type's class in quizzes/types/ for its own)."""

from decimal import Decimal

from django.utils.translation import gettext as _

from .types import QuestionStructureError, UnknownQuestionType, kinds, question_type

__all__ = ["QuestionStructureError", "question_snapshot", "structure_check"]

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
