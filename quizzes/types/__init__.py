"""The registry of question types: `question_type(kind)` is the one object that knows what a
kind of question does (see base.QuestionType). Each module below registers its types; adding
a type is a new module imported here, its templates in templates/quizzes/types/, and its
value in Question.Type (docs/architecture.md, « Question types »)."""

from django.utils.translation import gettext as _

from . import choice, description, essay, pairs, text  # noqa: F401  (registers the types)
from .base import (
    QuestionStructureError,
    QuestionType,
    ResponseError,
    UnknownQuestionType,
    kinds,
    question_type,
    question_types,
)

__all__ = [
    "QuestionStructureError",
    "QuestionType",
    "ResponseError",
    "UnknownQuestionType",
    "item_field",
    "kinds",
    "question_type",
    "question_types",
    "responses_from_post",
]


def item_field(item) -> str:
    """The attempt page's field name (or prefix) for an attempt item."""
    return f"q{item.pk}"


def responses_from_post(post, items) -> dict[int, object]:
    """The raw responses {item id: raw} in an attempt page's POST (`post`: a QueryDict), for
    quizzes.services.attempt_save to clean. A type that asks nothing reads nothing. Raises
    ResponseError (French) for what no page of ours sends."""
    # PostgreSQL cannot store a NUL character in JSON: refuse it here, as bad input, rather
    # than fail on the write (found by the hypothesis test of the attempt page).
    if any("\x00" in value for _name, values in post.lists() for value in values):
        raise ResponseError(_("Votre réponse contient un caractère non valide."))
    raw = {}
    for item in items:
        found = question_type(item.snapshot["type"])
        if not found.information:
            raw[item.pk] = found.from_post(
                post, item_field(item), item.snapshot, item.display_order
            )
    return raw
