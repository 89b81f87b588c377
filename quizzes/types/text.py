"""The types where the learner types an answer that is compared with the accepted ones:
short answer and numerical. Their matching helpers are public (quizzes.grading re-exports
them) for the tests and the question editor's preview."""

import re
import unicodedata

from django.utils.translation import gettext as _

from .base import (
    Marking,
    NumberAnswer,
    QuestionStructureError,
    QuestionType,
    Response,
    ResponseError,
    Snapshot,
    TextAnswer,
    best,
    by_fraction,
    clean_text,
    duplicate,
    finite,
    fraction_of,
    is_blank,
    number_of,
    register,
)

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


class _TypedAnswerType(QuestionType):
    uses_choices = True

    def check(self, choices, pairs, fractions) -> None:
        if not choices:
            raise QuestionStructureError(_("Aucune réponse correcte."))
        if max(fractions) != 100:
            raise QuestionStructureError(_("Au moins une réponse acceptée doit valoir 100 %."))

    def view(self, snapshot, response, order, posted, field) -> dict:
        if posted is not None:
            return {"value": posted.get(field, "").replace("\x00", "")}
        return {"value": self._shown(response)}

    def _shown(self, response: Response) -> str:
        raise NotImplementedError


@register
class ShortType(_TypedAnswerType):
    """``{"answers": [{"text": "garde à vue", "fraction": 1.0, "feedback": str}, ...]}``; at
    least one answer has fraction 1.0. ``*`` in an answer matches any sequence of characters.

    Response ``{"text": "garde à vue"}``, stripped, 1 to 500 characters. Fraction: the
    highest among the matching answers (negative ones count as 0), 0 if none matches;
    feedback: the best matching answer's. Comparison ignores case, accents, ligatures
    (œ = oe), the apostrophe's shape and extra whitespace: "garde à vue" = "GARDE A VUE" =
    "  Garde   à vue "."""

    kind = "short"
    template = "quizzes/types/short.html"

    def check(self, choices, pairs, fractions) -> None:
        twice = duplicate([c["text"] for c in choices])
        if twice is not None:
            raise QuestionStructureError(
                _("La réponse « %(text)s » figure deux fois.") % {"text": twice}
            )
        super().check(choices, pairs, fractions)

    def freeze(self, question, choices, pairs) -> Snapshot:
        return {
            "answers": [
                {
                    "text": c.text,
                    "fraction": fraction_of(c.fraction_percent),
                    "feedback": c.feedback,
                }
                for c in choices
            ]
        }

    def clean(self, snapshot, raw) -> Response | None:
        value = raw.get("text")
        text = None if is_blank(value) else clean_text(value)
        return None if text is None else {"text": text}

    def mark(self, snapshot, response) -> Marking:
        text = normalise(response["text"])
        answers: list[TextAnswer] = snapshot["answers"]
        return best(a for a in answers if wildcard_match(normalise(a["text"]), text))

    def correct_response(self, snapshot) -> Response:
        # Any character stands for the wildcard; "x" survives normalisation unchanged.
        return {"text": by_fraction(snapshot["answers"])["text"].replace("*", "x").strip()}

    def answer_text(self, snapshot, response) -> str:
        return response["text"]

    def from_post(self, post, field, snapshot, order) -> object:
        return {"text": post.get(field, "")}

    def to_post(self, field, response, order) -> dict:
        return {field: response["text"]}

    def _shown(self, response) -> str:
        return response.get("text", "")


@register
class NumericalType(_TypedAnswerType):
    """``{"answers": [{"value": 48.0, "tolerance": 0.0, "fraction": 1.0, "feedback": str},
    ...]}``; at least one answer has fraction 1.0; tolerance >= 0.

    Response ``{"value": 48.5}``, finite; typed as ``"48"``, ``"48,5"``, ``"48.5"`` or
    ``"1 000,5"`` (spaces, including non-breaking ones, as thousands separators). Fraction:
    the highest among the answers whose interval ``[value - tolerance, value + tolerance]``
    contains the response; feedback: that answer's."""

    kind = "numerical"
    template = "quizzes/types/numerical.html"
    uses_tolerance = True

    def check(self, choices, pairs, fractions) -> None:
        super().check(choices, pairs, fractions)
        for choice in choices:
            number_of(choice["text"])

    def freeze(self, question, choices, pairs) -> Snapshot:
        return {
            "answers": [
                {
                    "value": number_of(c.text),
                    "tolerance": float(c.tolerance or 0),
                    "fraction": fraction_of(c.fraction_percent),
                    "feedback": c.feedback,
                }
                for c in choices
            ]
        }

    def clean(self, snapshot, raw) -> Response | None:
        value = raw.get("value")
        if is_blank(value):
            return None
        # bool is an int subclass, but True is not an answer to "how many days?".
        if isinstance(value, int | float) and not isinstance(value, bool):
            return {"value": finite(value)}
        text = clean_text(value)
        if text is None:
            return None
        if not _NUMBER.fullmatch(text):
            raise ResponseError(_("Saisissez un nombre, par exemple 48 ou 48,5."))
        return {"value": finite(float(text.translate(_THOUSANDS_SEPARATORS)))}

    def mark(self, snapshot, response) -> Marking:
        value = response["value"]
        answers: list[NumberAnswer] = snapshot["answers"]
        return best(a for a in answers if within_tolerance(value, a["value"], a["tolerance"]))

    def correct_response(self, snapshot) -> Response:
        return {"value": float(by_fraction(snapshot["answers"])["value"])}

    def answer_text(self, snapshot, response) -> str:
        return f"{response['value']:g}".replace(".", ",")

    def from_post(self, post, field, snapshot, order) -> object:
        return {"value": post.get(field, "")}

    def to_post(self, field, response, order) -> dict:
        return {field: str(response["value"]).replace(".", ",")}

    def _shown(self, response) -> str:
        value = response.get("value", "")
        return str(value).replace(".", ",") if value != "" else value


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
