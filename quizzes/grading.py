"""Grading of quiz responses, Moodle-style: a pure function of (question snapshot, response).

Nothing here touches the database: a question is frozen into a JSON-able *snapshot* when it is
shown to a learner, the learner's POST is turned into a canonical *response* by
`response_clean`, and `grade` scores that response against the snapshot. Re-grading an attempt
years later gives the same result because both inputs are plain data.

Snapshot schema
===============

Common keys::

    {"type": str, "max_score": float >= 0 (default 1.0), "text": "<p>…</p>",
     "general_feedback": str}

Fractions are floats in [-1, 1] with at most 7 decimals (Moodle's precision); the question
editor guarantees the constraints below, this module trusts them.

``single``
    ``{"choices": [{"id": "c1", "text": str, "fraction": float, "feedback": str}, ...]}``;
    exactly one choice has fraction 1.0, the others are <= 0 (usually 0).
``truefalse``
    Same as ``single`` with exactly two choices, ids ``"true"`` and ``"false"``.
``multiple``
    ``{"choices": [...same...]}``; the positive fractions (the right choices) sum to 1.0, e.g.
    0.5 + 0.5 or 0.3333333 + 0.3333333 + 0.3333334; wrong choices are 0 or negative.
``short``
    ``{"answers": [{"text": "garde à vue", "fraction": 1.0, "feedback": str}, ...]}``; at least
    one answer has fraction 1.0. ``*`` in an answer matches any sequence of characters.
``numerical``
    ``{"answers": [{"value": 48.0, "tolerance": 0.0, "fraction": 1.0, "feedback": str}, ...]}``;
    at least one answer has fraction 1.0; tolerance >= 0.
``matching``
    ``{"pairs": [{"id": "p1", "prompt": str, "answer": str}, ...]}``; at least 2 pairs.
``ordering``
    ``{"items": [{"id": "i1", "text": str}, ...]}``; the list order is the right order; at
    least 2 items.
``essay``
    ``{"response_template": str, "grader_info": str}``: a free text graded by a person;
    ``grader_info`` is the graders' rubric and never reaches the learner.
``description``
    No other key; ``max_score`` is 0: information shown in the attempt, never graded.

Response schema (what `response_clean` returns; ``None`` means "no answer")
===========================================================================

- single / truefalse: ``{"choice": "c1"}``
- multiple: ``{"choices": ["c1", "c3"]}``, sorted and unique, never empty
- short: ``{"text": "garde à vue"}``, stripped, 1 to 500 characters
- numerical: ``{"value": 48.5}``, finite; typed as ``"48"``, ``"48,5"``, ``"48.5"`` or
  ``"1 000,5"`` (spaces, including non-breaking ones, as thousands separators)
- matching: ``{"matches": {"p1": "p2"}}``: for the prompt of pair p1 the learner chose the
  answer of pair p2; prompts left blank are absent, keys follow the snapshot's order
- ordering: ``{"order": ["i2", "i1", "i3"]}``, a permutation of the snapshot's item ids
- essay: ``{"text": "…"}``, stripped, 1 to ``ESSAY_MAX_LENGTH`` characters; the response
  template left as it was (whitespace aside) is no answer
- description: always ``None``

Grading rules
=============

Every type computes a *fraction* in [0, 1], rounded to 7 decimals; the score is
``round(fraction * max_score, 7)``. The state comes from the fraction (not from the rounded
score): ``"correct"`` when it is 1, ``"partial"`` between 0 and 1, ``"wrong"`` at 0, and
``"unanswered"`` when there is no response.

- single / truefalse: the fraction of the chosen choice, clamped to [0, 1].
- multiple: the exact set of right choices earns 1. Any other set earns the sum of the
  selected fractions, clamped to [0, 1] (negative marks never make the question negative),
  and capped at ``1 - 1/n`` (n = number of choices) as soon as it includes a wrong choice:
  a wrong choice always costs at least 1/n of the marks, even if the editor gave it 0 %.
- short: the highest fraction among the matching answers (negative ones count as 0), 0 if
  none matches. Comparison ignores case, accents, ligatures (œ = oe), the apostrophe's shape
  and extra whitespace: "garde à vue" = "GARDE A VUE" = "  Garde   à vue ".
- numerical: the highest fraction among the answers whose interval
  ``[value - tolerance, value + tolerance]`` contains the response.
- matching: prompts matched to the right answer / number of pairs. Pairs whose answers have
  the same text are interchangeable, since the learner cannot tell them apart.
- ordering: items at their right position / number of items.
- essay: `grade` does not decide: an answered essay gets the state ``"needs_grading"``
  with 0 points until a person grades it (`manual_grade`, which checks the score against
  the question's points); an unanswered essay scores 0 (``"unanswered"``), as in Moodle.
- description: state ``"info"``, 0 of 0 points.

Feedback lists the non-empty feedback of each selected choice (single, truefalse, multiple;
in the snapshot's order) or of the best matching answer (short, numerical); matching and
ordering have none. The general feedback is not included: it is shown whatever the response.
"""

import math
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any, TypedDict

from django.utils.translation import gettext as _

MAX_TEXT_LENGTH = 500
ESSAY_MAX_LENGTH = 10_000
NEEDS_GRADING = "needs_grading"
INFO = "info"
DECIMALS = 7

# Relative slack on numerical intervals: 0.3 ± 0.1 must accept 0.4 although
# 0.4 - 0.3 == 0.10000000000000003 in floating point.
_NUMERICAL_EPSILON = 1e-9

# A number as French learners type it: optional sign, digits optionally grouped by three with
# (non-breaking) spaces, decimal comma or point, optional exponent. ASCII digits only: float()
# would also accept other scripts' digits, which nobody types on purpose.
_NUMBER = re.compile(
    r"[+-]?(?:(?:[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+|[0-9]+)(?:[.,][0-9]*)?|[.,][0-9]+)"
    r"(?:[eE][+-]?[0-9]+)?"
)
_THOUSANDS_SEPARATORS = str.maketrans({" ": None, "\u00a0": None, "\u202f": None, ",": "."})

# Characters that NFKD does not fold but that learners type interchangeably: ligatures, and
# the typographic apostrophes (U+2019, U+2018, U+02BC) that phones and word processors type.
_EQUIVALENT_CHARACTERS = str.maketrans(
    {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "\u2019": "'", "\u2018": "'", "\u02bc": "'"}
)


class ResponseError(ValueError):
    """Bad response: message in French, shown to the user with HTTP 400."""


@dataclass(frozen=True)
class Grade:
    """The outcome of `grade`: what the attempt stores and the review page shows."""

    score: float  # points, 0 <= score <= max_score, rounded to 7 decimals
    max_score: float
    fraction: float  # in [0, 1], rounded to 7 decimals
    state: str  # "correct", "partial", "wrong" or "unanswered"
    feedback: list[str]  # feedback that applies to this response, in order


class Choice(TypedDict):
    id: str
    text: str
    fraction: float
    feedback: str


class TextAnswer(TypedDict):
    text: str
    fraction: float
    feedback: str


class NumberAnswer(TypedDict):
    value: float
    tolerance: float
    fraction: float
    feedback: str


Snapshot = dict[str, Any]
Response = dict[str, Any]


# ---------------------------------------------------------------------------------------------
# Cleaning: anything may come in, only ResponseError or a canonical response goes out.
# ---------------------------------------------------------------------------------------------


def _invalid() -> ResponseError:
    return ResponseError(_("Réponse invalide."))


def _unknown_choice() -> ResponseError:
    return ResponseError(_("Ce choix ne fait pas partie de la question."))


def _is_blank(value: object) -> bool:
    """Whether a raw value means "not answered" (an empty form field)."""
    return value is None or value == "" or value == [] or value == {}


def _clean_text(value: object, limit: int = MAX_TEXT_LENGTH) -> str | None:
    if not isinstance(value, str):
        raise _invalid()
    text = value.strip()
    if not text:
        return None
    if len(text) > limit:
        raise ResponseError(
            _("Réponse trop longue : %(max)d caractères au maximum.") % {"max": limit}
        )
    # PostgreSQL's jsonb (production) stores neither NUL nor lone surrogates, which json.loads
    # produces from "\ud800": refuse them here rather than fail on save.
    if "\x00" in text or _has_surrogates(text):
        raise _invalid()
    return text


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _clean_id(value: object, ids: Collection[str]) -> str:
    if not isinstance(value, str):
        raise _invalid()
    if value not in ids:
        raise _unknown_choice()
    return value


def _clean_ids(values: object, ids: Collection[str]) -> list[str]:
    """A list of distinct known ids, in the order given."""
    if not isinstance(values, list):
        raise _invalid()
    known = set(ids)
    cleaned = [_clean_id(value, known) for value in values]
    if len(set(cleaned)) != len(cleaned):
        raise ResponseError(_("Un même choix est donné plusieurs fois."))
    return cleaned


def _choice_ids(snapshot: Snapshot) -> list[str]:
    return [choice["id"] for choice in snapshot["choices"]]


def _clean_single(snapshot: Snapshot, raw: dict) -> Response | None:
    value = raw.get("choice")
    if _is_blank(value):
        return None
    return {"choice": _clean_id(value, _choice_ids(snapshot))}


def _clean_multiple(snapshot: Snapshot, raw: dict) -> Response | None:
    values = raw.get("choices")
    if _is_blank(values):
        return None
    if isinstance(values, str):  # a single checkbox ticked, sent as a plain field
        values = [values]
    return {"choices": sorted(_clean_ids(values, _choice_ids(snapshot)))}


def _clean_short(snapshot: Snapshot, raw: dict) -> Response | None:
    value = raw.get("text")
    text = None if _is_blank(value) else _clean_text(value)
    return None if text is None else {"text": text}


def _clean_numerical(snapshot: Snapshot, raw: dict) -> Response | None:
    value = raw.get("value")
    if _is_blank(value):
        return None
    # bool is an int subclass, but True is not an answer to "how many days?".
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {"value": _finite(value)}
    text = _clean_text(value)
    if text is None:
        return None
    if not _NUMBER.fullmatch(text):
        raise ResponseError(_("Saisissez un nombre, par exemple 48 ou 48,5."))
    return {"value": _finite(float(text.translate(_THOUSANDS_SEPARATORS)))}


def _finite(value: float) -> float:
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        number = math.inf
    if not math.isfinite(number):
        raise ResponseError(_("Saisissez un nombre, par exemple 48 ou 48,5."))
    return number


def _clean_matching(snapshot: Snapshot, raw: dict) -> Response | None:
    matches = raw.get("matches")
    if _is_blank(matches):
        return None
    if not isinstance(matches, dict):
        raise _invalid()
    ids = [pair["id"] for pair in snapshot["pairs"]]
    known = set(ids)
    for key in matches:
        _clean_id(key, known)
    # Two prompts may get the same answer: the form shows independent drop-down lists, so
    # this is a wrong answer to grade, not a malformed request.
    cleaned = {
        key: _clean_id(matches[key], known) for key in ids if not _is_blank(matches.get(key))
    }
    return {"matches": cleaned} if cleaned else None


def _clean_ordering(snapshot: Snapshot, raw: dict) -> Response | None:
    order = raw.get("order")
    if _is_blank(order):
        return None
    ids = [item["id"] for item in snapshot["items"]]
    cleaned = _clean_ids(order, ids)
    if len(cleaned) != len(ids):
        raise ResponseError(_("Rangez tous les éléments de la liste, chacun une seule fois."))
    return {"order": cleaned}


def _clean_essay(snapshot: Snapshot, raw: dict) -> Response | None:
    value = raw.get("text")
    text = None if _is_blank(value) else _clean_text(value, ESSAY_MAX_LENGTH)
    if text is None:
        return None
    template = snapshot.get("response_template") or ""
    if template and " ".join(text.split()) == " ".join(template.split()):
        return None  # the template as given is no answer
    return {"text": text}


def _clean_description(snapshot: Snapshot, raw: dict) -> Response | None:
    return None


_CLEANERS: dict[str, Callable[[Snapshot, dict], Response | None]] = {
    "essay": _clean_essay,
    "description": _clean_description,
    "single": _clean_single,
    "truefalse": _clean_single,
    "multiple": _clean_multiple,
    "short": _clean_short,
    "numerical": _clean_numerical,
    "matching": _clean_matching,
    "ordering": _clean_ordering,
}


def response_clean(snapshot: Snapshot, raw: object) -> Response | None:
    """Validates and normalises a response posted for `snapshot`.

    Returns the canonical response (see the module docstring), or None for "no answer".
    Raises ResponseError, with a French message, for anything else: an id that is not in the
    snapshot, a wrong type, a duplicated id, a text over 500 characters, a number that is not
    one. Keys other than the type's own are ignored. Idempotent: a clean response comes back
    unchanged.
    """
    cleaner = _CLEANERS.get(snapshot.get("type"))
    if cleaner is None:
        raise ResponseError(
            _("Type de question inconnu : %(type)s.") % {"type": snapshot.get("type")}
        )
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise _invalid()
    return cleaner(snapshot, raw)


# ---------------------------------------------------------------------------------------------
# Grading: each function returns (fraction before clamping, feedback).
# ---------------------------------------------------------------------------------------------

Marking = tuple[float, list[str]]


def _feedback(entries: Iterable[Choice | TextAnswer | NumberAnswer]) -> list[str]:
    return [entry["feedback"] for entry in entries if entry.get("feedback")]


def _grade_single(snapshot: Snapshot, response: Response) -> Marking:
    choice = next(c for c in snapshot["choices"] if c["id"] == response["choice"])
    return choice["fraction"], _feedback([choice])


def _grade_multiple(snapshot: Snapshot, response: Response) -> Marking:
    choices: list[Choice] = snapshot["choices"]
    selected = set(response["choices"])
    picked = [choice for choice in choices if choice["id"] in selected]
    right = {choice["id"] for choice in choices if choice["fraction"] > 0}
    if selected == right:
        # Not the sum: 0.3333333 * 2 + 0.3333334 need not be exactly 1.0 in floating point.
        return 1.0, _feedback(picked)
    fraction = _clamp(math.fsum(choice["fraction"] for choice in picked))
    if any(choice["fraction"] <= 0 for choice in picked):
        # Otherwise ticking a 0 % choice on top of the right ones would still earn 100 %.
        fraction = min(fraction, 1 - 1 / len(choices))
    return fraction, _feedback(picked)


def _best(answers: Iterable[TextAnswer | NumberAnswer]) -> Marking:
    """The highest fraction among matching answers (the first one on ties), 0 if none."""
    best = max(answers, key=lambda answer: answer["fraction"], default=None)
    return (0.0, []) if best is None else (best["fraction"], _feedback([best]))


def _grade_short(snapshot: Snapshot, response: Response) -> Marking:
    text = normalise(response["text"])
    answers: list[TextAnswer] = snapshot["answers"]
    return _best(a for a in answers if wildcard_match(normalise(a["text"]), text))


def _grade_numerical(snapshot: Snapshot, response: Response) -> Marking:
    value = response["value"]
    answers: list[NumberAnswer] = snapshot["answers"]
    return _best(a for a in answers if within_tolerance(value, a["value"], a["tolerance"]))


def _grade_matching(snapshot: Snapshot, response: Response) -> Marking:
    answers = {pair["id"]: pair["answer"] for pair in snapshot["pairs"]}
    matches: dict[str, str] = response["matches"]
    right = sum(answers[chosen] == answers[prompt] for prompt, chosen in matches.items())
    return right / len(answers), []


def _grade_ordering(snapshot: Snapshot, response: Response) -> Marking:
    ids = [item["id"] for item in snapshot["items"]]
    in_place = sum(a == b for a, b in zip(response["order"], ids, strict=True))
    return in_place / len(ids), []


_GRADERS: dict[str, Callable[[Snapshot, Response], Marking]] = {
    "single": _grade_single,
    "truefalse": _grade_single,
    "multiple": _grade_multiple,
    "short": _grade_short,
    "numerical": _grade_numerical,
    "matching": _grade_matching,
    "ordering": _grade_ordering,
}


def _clamp(fraction: float) -> float:
    # Written so that -0.0 becomes 0.0 (max(-0.0, 0.0) would keep -0.0).
    return 0.0 if fraction <= 0 else min(fraction, 1.0)


def _max_score(snapshot: Snapshot) -> float:
    max_score = float(snapshot.get("max_score", 1.0))
    if not math.isfinite(max_score) or max_score < 0:
        raise ValueError(f"invalid max_score: {max_score!r}")
    return max_score


def _state(fraction: float) -> str:
    if fraction >= 1:
        return "correct"
    return "partial" if fraction > 0 else "wrong"


def grade(snapshot: Snapshot, response: Response | None) -> Grade:
    """Scores a clean response (or None) against `snapshot`; see the module docstring.

    The response is validated again (cleaning is idempotent), so a response that does not fit
    the snapshot raises ResponseError, a ValueError, instead of a KeyError deep down.
    Raises ValueError for an unknown question type.
    """
    kind = snapshot.get("type")
    if kind == "description":
        return Grade(score=0.0, max_score=0.0, fraction=0.0, state=INFO, feedback=[])
    grader = _GRADERS.get(kind)
    if grader is None and kind != "essay":
        raise ValueError(f"unknown question type: {kind!r}")
    max_score = _max_score(snapshot)
    response = response_clean(snapshot, response)
    if kind == "essay":
        state = "unanswered" if response is None else NEEDS_GRADING
        return Grade(score=0.0, max_score=max_score, fraction=0.0, state=state, feedback=[])
    if response is None:
        return Grade(score=0.0, max_score=max_score, fraction=0.0, state="unanswered", feedback=[])
    raw_fraction, feedback = grader(snapshot, response)
    fraction = round(_clamp(raw_fraction), DECIMALS)
    return Grade(_score(fraction, max_score), max_score, fraction, _state(fraction), feedback)


def manual_grade(snapshot: Snapshot, score: float) -> Grade:
    """The grade a person gives an essay: `score` points out of the snapshot's. Raises
    ResponseError (French) for a score that is not a finite number in [0, max_score]."""
    if snapshot.get("type") != "essay":
        raise ValueError(f"not graded by a person: {snapshot.get('type')!r}")
    max_score = _max_score(snapshot)
    if isinstance(score, bool) or not isinstance(score, int | float):
        raise ResponseError(_("Saisissez un nombre, par exemple 3 ou 3,5."))
    score = _finite(score)
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
    return Grade(score, max_score, fraction, _state(fraction), [])


def _score(fraction: float, max_score: float) -> float:
    # min(): rounding may overshoot a max_score that has more than 7 decimals.
    score = min(round(fraction * max_score, DECIMALS), max_score)
    if fraction < 1 and score >= max_score:
        # 99.99999 % of 0.5 point rounds to 0.5: only a correct response may get full marks.
        score = max(0.0, round(max_score - 10**-DECIMALS, DECIMALS))
    return score


# ---------------------------------------------------------------------------------------------
# Correct response.
# ---------------------------------------------------------------------------------------------


def _by_fraction(entries: list[Any]) -> Any:
    return max(entries, key=lambda entry: entry["fraction"])


def correct_response(snapshot: Snapshot) -> Response | None:
    """A clean response that gets full marks (the review page's "correct answer"); None for
    the types that have none (essay, description)."""
    kind = snapshot.get("type")
    if kind in ("single", "truefalse"):
        return {"choice": _by_fraction(snapshot["choices"])["id"]}
    if kind == "multiple":
        return {"choices": sorted(c["id"] for c in snapshot["choices"] if c["fraction"] > 0)}
    if kind == "short":
        # Any character stands for the wildcard; "x" survives normalisation unchanged.
        return {"text": _by_fraction(snapshot["answers"])["text"].replace("*", "x").strip()}
    if kind == "numerical":
        return {"value": float(_by_fraction(snapshot["answers"])["value"])}
    if kind == "matching":
        return {"matches": {pair["id"]: pair["id"] for pair in snapshot["pairs"]}}
    if kind == "ordering":
        return {"order": [item["id"] for item in snapshot["items"]]}
    if kind in ("essay", "description"):
        return None  # no right answer: a person grades an essay, a description has none
    raise ValueError(f"unknown question type: {kind!r}")


# ---------------------------------------------------------------------------------------------
# Matching helpers, public for the tests and for the question editor's preview.
# ---------------------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Folds case, accents, ligatures, apostrophes and whitespace: "  Garde  À vue" -> "garde a
    vue". NFKD runs on both sides of casefold() because each can produce input for the other
    (e.g. "İ" casefolds to "i" + a combining dot)."""
    folded = unicodedata.normalize("NFKD", text.translate(_EQUIVALENT_CHARACTERS))
    folded = unicodedata.normalize("NFKD", folded.casefold())
    without_marks = "".join(ch for ch in folded if unicodedata.category(ch) != "Mn")
    return " ".join(without_marks.split())


def wildcard_match(pattern: str, text: str) -> bool:
    """Whether `text` matches `pattern`, where "*" stands for any sequence of characters.

    Each fixed part is searched once, leftmost first, which is enough for "*" alone: no
    backtracking, whereas a regex of ".*" pieces takes O(n^k) on "a*a*a*…b" with k wildcards.
    """
    if "*" not in pattern:
        return pattern == text
    head, *middle, tail = pattern.split("*")
    if len(head) + len(tail) > len(text) or not text.startswith(head) or not text.endswith(tail):
        return False
    position, end = len(head), len(text) - len(tail)
    for part in middle:
        found = text.find(part, position, end)
        if found < 0:
            return False
        position = found + len(part)
    return True


def within_tolerance(value: float, expected: float, tolerance: float) -> bool:
    """Whether `value` lies in [expected - tolerance, expected + tolerance], with a relative
    slack of 1e-9 for floating-point error."""
    slack = _NUMERICAL_EPSILON * max(abs(value), abs(expected), tolerance)
    return abs(value - expected) <= tolerance + slack
