"""What a question type is, the registry of types, and the helpers the types share.

A type is one object that owns everything Kalan does differently for one `Question.Type`:
the check of an editor's answers, the snapshot frozen for an attempt, the cleaning and the
grading of a response, the right answer, the order the learner sees, reading the attempt
page's POST, what that page and the review show. The rest of the app asks the registry
(`question_type(kind)`) instead of comparing kinds.

Nothing here touches the database, so that grading stays a pure function of (snapshot,
response) (quizzes/grading.py); a type reads model rows only in `freeze`, through the
attributes it is given.
"""

import math
import secrets
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, TypedDict

from django.utils.translation import gettext as _

Snapshot = dict[str, Any]
Response = dict[str, Any]
Marking = tuple[float, list[str]]  # (fraction before clamping, feedback)
DisplayOrder = list[list[str]]  # [[opaque token, real id], ...] in display order


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


MAX_TEXT_LENGTH = 500
# Form fields read per question at most: a forged page may send thousands of checkboxes.
MAX_FIELDS_PER_QUESTION = 60
NEEDS_GRADING = "needs_grading"
INFO = "info"
DECIMALS = 7


class ResponseError(ValueError):
    """Bad response: message in French, shown to the user with HTTP 400."""


class QuestionStructureError(ValueError):
    """A question whose answers do not fit its type; the message says why, in French."""


class UnknownQuestionType(ValueError):
    """A kind no type is registered for: a programming error, never the learner's."""


@dataclass(frozen=True)
class Grade:
    """The outcome of grading: what the attempt stores and the review page shows."""

    score: float  # points, 0 <= score <= max_score, rounded to 7 decimals
    max_score: float
    fraction: float  # in [0, 1], rounded to 7 decimals
    state: str  # "correct", "partial", "wrong", "unanswered", "needs_grading" or "info"
    feedback: list[str]  # feedback that applies to this response, in order


class QuestionType:
    """One question type. Subclasses set `kind` and override what their type does.

    The editor's side reads `choices` (dicts with text, fraction_percent, tolerance,
    feedback) and `pairs` (prompt, answer); the learner's side reads the snapshot, whose keys
    each type documents in its class docstring (common keys: quizzes/grading.py).
    """

    kind: ClassVar[str] = ""
    # The attempt page's inputs for this type ({% include %}d with the item view as `q`);
    # empty for a type that asks nothing.
    template: ClassVar[str] = ""
    # Which of the editor's fields the type uses: the question form shows only these (through
    # the panels' data-kalan-types) and drops whatever the others hold.
    uses_choices: ClassVar[bool] = False
    uses_tolerance: ClassVar[bool] = False
    uses_pairs: ClassVar[bool] = False
    uses_pair_answers: ClassVar[bool] = False
    uses_essay_fields: ClassVar[bool] = False
    # Information shown in the attempt, never answered, graded nor counted.
    information: ClassVar[bool] = False
    # Graded by a person (quizzes.services.essay_grade), not by `grade`.
    graded_by_person: ClassVar[bool] = False
    # The learner picks among the snapshot's "choices" (the statistics count the picks).
    picks_choices: ClassVar[bool] = False
    # Whether the question's « mélanger les réponses » applies to its display order.
    shuffles: ClassVar[bool] = True

    # --- The editor's side ------------------------------------------------------------------

    def check(self, choices: list[dict], pairs: list[dict], fractions: list[Decimal]) -> None:
        """Raises QuestionStructureError when the answers do not make a gradable question of
        this type. `fractions`: the choices' weights in percent, already within -100..100."""

    def freeze(self, question, choices: list, pairs: list) -> Snapshot:
        """The type's own snapshot keys, from the question and its choice and pair rows."""
        return {}

    # --- Responses and grades ---------------------------------------------------------------

    def response_clean(self, snapshot: Snapshot, raw: object) -> Response | None:
        """The canonical response, None for no answer, or ResponseError (French)."""
        if raw is None:
            return None
        if not isinstance(raw, dict):
            raise invalid()
        return self.clean(snapshot, raw)

    def clean(self, snapshot: Snapshot, raw: dict) -> Response | None:
        """`response_clean` once `raw` is known to be a dict; keys other than the type's own
        are ignored, and a clean response comes back unchanged."""
        return None

    def mark(self, snapshot: Snapshot, response: Response) -> Marking:
        """(fraction before clamping, feedback) of a clean, non-empty response."""
        raise NotImplementedError(f"{type(self).__name__} does not grade by itself")

    def grade(self, snapshot: Snapshot, response: Response | None) -> Grade:
        """The response, cleaned again, scored by `mark` (rules in quizzes/grading.py)."""
        max_score = max_score_of(snapshot)
        response = self.response_clean(snapshot, response)
        if response is None:
            return Grade(0.0, max_score, 0.0, "unanswered", [])
        raw_fraction, feedback = self.mark(snapshot, response)
        fraction = round(clamp(raw_fraction), DECIMALS)
        score = score_of(fraction, max_score)
        return Grade(score, max_score, fraction, state_of(fraction), feedback)

    def correct_response(self, snapshot: Snapshot) -> Response | None:
        """A clean response that gets full marks; None when the type has no right answer."""
        return None

    def answer_text(self, snapshot: Snapshot, response: Response) -> str:
        """A clean, non-empty response as readable text, for the review."""
        return ""

    # --- The attempt page -------------------------------------------------------------------

    def display_ids(self, snapshot: Snapshot) -> list[str]:
        """The ids of what the learner picks from, in the authored order ([] for none)."""
        return []

    def display_order(self, snapshot: Snapshot, rng, shuffle: bool) -> DisplayOrder:
        """Opaque tokens for what the learner picks from, in display order: the page never
        shows the real ids, which would hint at the answer (c0 is often right, and a
        matching answer's pair id equals its prompt's)."""
        ids = self.display_ids(snapshot)
        if shuffle and self.shuffles:
            ids = ids[:]
            rng.shuffle(ids)
        return tokens_for(ids)

    def from_tokens(self, raw: dict, real) -> dict:
        """`raw` with the page's tokens mapped to snapshot ids by `real(token)` (unknown
        tokens become ids that `clean` refuses)."""
        return raw

    def from_post(self, post, field: str, snapshot: Snapshot, order: DisplayOrder) -> object:
        """The raw response in the attempt page's fields (`post`: a QueryDict; the fields
        are named `field` or `field-<key>`). Raises ResponseError (French) for fields that
        no page of ours sends."""
        return None

    def to_post(self, field: str, response: Response, order: DisplayOrder) -> dict:
        """The fields a browser sends for `response`: `from_post`'s inverse (tests, bench)."""
        return {}

    def view(
        self, snapshot: Snapshot, response: Response, order: DisplayOrder, posted, field: str
    ) -> dict:
        """The type's keys of the attempt page's view of one item (quizzes.selectors.
        item_view): options in display order, with the saved response, or the `posted`
        fields when the page comes back with an error. Never a fraction, a feedback or a
        right answer."""
        return {}


# --- The registry --------------------------------------------------------------------------

_TYPES: dict[str, QuestionType] = {}


def register(cls: type[QuestionType]) -> type[QuestionType]:
    """Class decorator: registers one instance of a type under its kind."""
    if not cls.kind:
        raise ValueError(f"{cls.__name__} has no kind")
    if cls.kind in _TYPES:
        raise ValueError(f"question type {cls.kind!r} registered twice")
    _TYPES[cls.kind] = cls()
    return cls


def question_type(kind: object) -> QuestionType:
    """The type registered for `kind`; UnknownQuestionType (a ValueError) for any other."""
    found = _TYPES.get(kind) if isinstance(kind, str) else None
    if found is None:
        raise UnknownQuestionType(f"unknown question type: {kind!r}")
    return found


def question_types() -> list[QuestionType]:
    """Every registered type, in the order of registration."""
    return list(_TYPES.values())


def kinds(flag: str) -> tuple[str, ...]:
    """The kinds whose type has `flag` set, e.g. kinds("uses_choices")."""
    return tuple(kind for kind, found in _TYPES.items() if getattr(found, flag))


# --- Helpers for cleaning ------------------------------------------------------------------


def invalid() -> ResponseError:
    return ResponseError(_("Réponse invalide."))


def unknown_choice() -> ResponseError:
    return ResponseError(_("Ce choix ne fait pas partie de la question."))


def is_blank(value: object) -> bool:
    """Whether a raw value means "not answered" (an empty form field)."""
    return value is None or value == "" or value == [] or value == {}


def clean_text(value: object, limit: int = MAX_TEXT_LENGTH) -> str | None:
    if not isinstance(value, str):
        raise invalid()
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
        raise invalid()
    return text


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def clean_id(value: object, ids: Collection[str]) -> str:
    if not isinstance(value, str):
        raise invalid()
    if value not in ids:
        raise unknown_choice()
    return value


def clean_ids(values: object, ids: Collection[str]) -> list[str]:
    """A list of distinct known ids, in the order given."""
    if not isinstance(values, list):
        raise invalid()
    known = set(ids)
    cleaned = [clean_id(value, known) for value in values]
    if len(set(cleaned)) != len(cleaned):
        raise ResponseError(_("Un même choix est donné plusieurs fois."))
    return cleaned


def finite(value: float) -> float:
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        number = math.inf
    if not math.isfinite(number):
        raise ResponseError(_("Saisissez un nombre, par exemple 48 ou 48,5."))
    return number


# --- Helpers for grading -------------------------------------------------------------------


def feedback_of(entries: Iterable[Mapping]) -> list[str]:
    return [entry["feedback"] for entry in entries if entry.get("feedback")]


def best(answers: Iterable[Mapping]) -> Marking:
    """The highest fraction among matching answers (the first one on ties), 0 if none."""
    found = max(answers, key=lambda answer: answer["fraction"], default=None)
    return (0.0, []) if found is None else (found["fraction"], feedback_of([found]))


def by_fraction(entries: list[Any]) -> Any:
    """The entry with the highest fraction (the first one on ties)."""
    return max(entries, key=lambda entry: entry["fraction"])


def clamp(fraction: float) -> float:
    # Written so that -0.0 becomes 0.0 (max(-0.0, 0.0) would keep -0.0).
    return 0.0 if fraction <= 0 else min(fraction, 1.0)


def max_score_of(snapshot: Snapshot) -> float:
    max_score = float(snapshot.get("max_score", 1.0))
    if not math.isfinite(max_score) or max_score < 0:
        raise ValueError(f"invalid max_score: {max_score!r}")
    return max_score


def state_of(fraction: float) -> str:
    if fraction >= 1:
        return "correct"
    return "partial" if fraction > 0 else "wrong"


def score_of(fraction: float, max_score: float) -> float:
    # min(): rounding may overshoot a max_score that has more than 7 decimals.
    score = min(round(fraction * max_score, DECIMALS), max_score)
    if fraction < 1 and score >= max_score:
        # 99.99999 % of 0.5 point rounds to 0.5: only a correct response may get full marks.
        score = max(0.0, round(max_score - 10**-DECIMALS, DECIMALS))
    return score


# --- Helpers for the editor's side and the attempt page ------------------------------------


def fraction_of(percent: Decimal) -> float:
    return round(float(percent) / 100, 7)


def number_of(text: str) -> float:
    """An editor's number (« 1 000,5 »), or QuestionStructureError."""
    try:
        return float(Decimal(text.replace("\u202f", "").replace(" ", "").replace(",", ".")))
    except (InvalidOperation, ValueError) as exc:
        raise QuestionStructureError(
            _("« %(value)s » n’est pas un nombre.") % {"value": text}
        ) from exc


def duplicate(texts: list[str]) -> str | None:
    """The first text given twice (ignoring case and spaces), or None."""
    seen = set()
    for text in texts:
        key = " ".join(str(text).split()).casefold()
        if key in seen:
            return text
        seen.add(key)
    return None


def tokens_for(ids: list[str]) -> DisplayOrder:
    return [[secrets.token_hex(4), real_id] for real_id in ids]


def posted_token(posted, name: str, tokens: set[str]) -> str:
    value = posted.get(name, "")
    return value if value in tokens else ""
