"""Grading of quiz responses, Moodle-style: a pure function of (question snapshot, response).

Nothing here touches the database: a question is frozen into a JSON-able *snapshot* when it is
shown to a learner, the learner's POST is turned into a canonical *response* by
`response_clean`, and `grade` scores that response against the snapshot. Re-grading an attempt
years later gives the same result because both inputs are plain data.

This module is the grading API the other modules and apps call; what differs from one type to
another lives in the type's class in quizzes/types/, whose docstring gives the type's snapshot
keys, its response and its grading rule.

Snapshot schema
===============

Common keys::

    {"type": str, "max_score": float >= 0 (default 1.0), "text": "<p>…</p>",
     "general_feedback": str}

Fractions are floats in [-1, 1] with at most 7 decimals (Moodle's precision); the question
editor guarantees each type's constraints (quizzes.snapshots.structure_check), this module
trusts them.

Responses
=========

`response_clean` returns the type's canonical response, or ``None`` for "no answer"; it is
idempotent. ``None`` as input is no answer for every type.

Grading rules
=============

Every type computes a *fraction* in [0, 1], rounded to 7 decimals; the score is
``round(fraction * max_score, 7)``. The state comes from the fraction (not from the rounded
score): ``"correct"`` when it is 1, ``"partial"`` between 0 and 1, ``"wrong"`` at 0, and
``"unanswered"`` when there is no response. A type graded by a person (essay) leaves an
answered response ``"needs_grading"`` with 0 points until `manual_grade`; information
(description) is ``"info"``, 0 of 0 points.

Feedback lists the feedback that applies to the response (each type says which); the general
feedback is not included: it is shown whatever the response.
"""

from django.utils.translation import gettext as _

from .types import kinds, question_type
from .types.base import (
    DECIMALS,
    INFO,
    MAX_TEXT_LENGTH,
    NEEDS_GRADING,
    Choice,
    Grade,
    NumberAnswer,
    Response,
    ResponseError,
    Snapshot,
    TextAnswer,
    UnknownQuestionType,
    finite,
    max_score_of,
    state_of,
)
from .types.essay import ESSAY_MAX_LENGTH
from .types.text import normalise, wildcard_match, within_tolerance

__all__ = [
    "DECIMALS",
    "ESSAY_MAX_LENGTH",
    "INFO",
    "MAX_TEXT_LENGTH",
    "NEEDS_GRADING",
    "Choice",
    "Grade",
    "NumberAnswer",
    "Response",
    "ResponseError",
    "Snapshot",
    "TextAnswer",
    "correct_response",
    "grade",
    "manual_grade",
    "normalise",
    "response_clean",
    "wildcard_match",
    "within_tolerance",
]


def response_clean(snapshot: Snapshot, raw: object) -> Response | None:
    """Validates and normalises a response posted for `snapshot`.

    Returns the canonical response (see the type's docstring), or None for "no answer".
    Raises ResponseError, with a French message, for anything else: an id that is not in the
    snapshot, a wrong type, a duplicated id, a text over 500 characters, a number that is not
    one, a question type that does not exist. Keys other than the type's own are ignored.
    Idempotent: a clean response comes back unchanged.
    """
    try:
        found = question_type(snapshot.get("type"))
    except UnknownQuestionType as error:
        raise ResponseError(
            _("Type de question inconnu : %(type)s.") % {"type": snapshot.get("type")}
        ) from error
    return found.response_clean(snapshot, raw)


def grade(snapshot: Snapshot, response: Response | None) -> Grade:
    """Scores a clean response (or None) against `snapshot`; see the module docstring.

    The response is validated again (cleaning is idempotent), so a response that does not fit
    the snapshot raises ResponseError, a ValueError, instead of a KeyError deep down.
    Raises ValueError for an unknown question type.
    """
    return question_type(snapshot.get("type")).grade(snapshot, response)


def correct_response(snapshot: Snapshot) -> Response | None:
    """A clean response that gets full marks (the review page's "correct answer"); None for
    the types that have none (essay, description). ValueError for an unknown type."""
    return question_type(snapshot.get("type")).correct_response(snapshot)


def manual_grade(snapshot: Snapshot, score: float) -> Grade:
    """The grade a person gives an essay: `score` points out of the snapshot's. Raises
    ResponseError (French) for a score that is not a finite number in [0, max_score]."""
    kind = snapshot.get("type")
    if kind not in kinds("graded_by_person"):
        raise ValueError(f"not graded by a person: {kind!r}")
    max_score = max_score_of(snapshot)
    if isinstance(score, bool) or not isinstance(score, int | float):
        raise ResponseError(_("Saisissez un nombre, par exemple 3 ou 3,5."))
    score = finite(score)
    if not 0 <= score <= max_score:
        raise ResponseError(
            _("La note doit être comprise entre 0 et %(max)s.")
            % {"max": f"{max_score:g}".replace(".", ",")}
        )
    # min(): rounding may overshoot a max_score that has more than 7 decimals (found by the
    # property test); a score that rounds to the max is full marks.
    score = min(round(score, DECIMALS), max_score)
    fraction = round(score / max_score, DECIMALS) if max_score else 0.0
    if score >= max_score:
        fraction = 1.0
    elif fraction >= 1:
        fraction = round(1 - 10**-DECIMALS, DECIMALS)
    return Grade(score, max_score, fraction, state_of(fraction), [])
