"""The types where the learner picks among choices: single, true/false, multiple."""

import math
from decimal import Decimal

from django.utils.translation import gettext as _

from .base import (
    MAX_FIELDS_PER_QUESTION,
    Choice,
    Marking,
    QuestionStructureError,
    QuestionType,
    Response,
    Snapshot,
    by_fraction,
    clamp,
    clean_id,
    clean_ids,
    duplicate,
    feedback_of,
    fraction_of,
    is_blank,
    register,
)


class _ChoiceType(QuestionType):
    uses_choices = True
    picks_choices = True

    def _ids(self, choices: list) -> list[str]:
        return [f"c{n}" for n in range(len(choices))]

    def check(self, choices, pairs, fractions) -> None:
        twice = duplicate([c["text"] for c in choices])
        if twice is not None:
            raise QuestionStructureError(
                _("La réponse « %(text)s » figure deux fois.") % {"text": twice}
            )

    def freeze(self, question, choices, pairs) -> Snapshot:
        ids = self._ids(choices)
        return {
            "choices": [
                {
                    "id": ids[n],
                    "text": c.text,
                    "fraction": fraction_of(c.fraction_percent),
                    "feedback": c.feedback,
                }
                for n, c in enumerate(choices)
            ]
        }

    def display_ids(self, snapshot: Snapshot) -> list[str]:
        return [c["id"] for c in snapshot["choices"]]

    def view(self, snapshot, response, order, posted, field) -> dict:
        texts = {c["id"]: c["text"] for c in snapshot["choices"]}
        back = {real: token for token, real in order}
        if posted is not None:
            chosen = set(posted.getlist(field))
        else:
            chosen = {back.get(real) for real in response.get("choices", [])}
            chosen.add(back.get(response.get("choice")))
        return {
            "options": [
                {"value": token, "text": texts[real], "checked": token in chosen}
                for token, real in order
            ]
        }


@register
class SingleType(_ChoiceType):
    """``{"choices": [{"id": "c1", "text": str, "fraction": float, "feedback": str}, ...]}``;
    exactly one choice has fraction 1.0, the others are <= 0 (usually 0).

    Response ``{"choice": "c1"}``. Fraction: the chosen choice's, clamped to [0, 1]; feedback:
    the chosen choice's."""

    kind = "single"
    template = "quizzes/types/single.html"

    def check(self, choices, pairs, fractions) -> None:
        super().check(choices, pairs, fractions)
        self._check_count(choices)
        if not any(f > 0 for f in fractions):
            raise QuestionStructureError(_("Aucune réponse correcte."))
        if fractions.count(Decimal(100)) != 1 or any(0 < f < 100 for f in fractions):
            raise QuestionStructureError(
                _("Une seule réponse vaut 100 % ; les autres valent 0 % ou moins.")
            )

    def _check_count(self, choices: list[dict]) -> None:
        if len(choices) < 2:
            raise QuestionStructureError(_("Il faut au moins deux réponses."))

    def clean(self, snapshot, raw) -> Response | None:
        value = raw.get("choice")
        if is_blank(value):
            return None
        return {"choice": clean_id(value, self.display_ids(snapshot))}

    def mark(self, snapshot, response) -> Marking:
        choice = next(c for c in snapshot["choices"] if c["id"] == response["choice"])
        return choice["fraction"], feedback_of([choice])

    def correct_response(self, snapshot) -> Response:
        return {"choice": by_fraction(snapshot["choices"])["id"]}

    def answer_text(self, snapshot, response) -> str:
        return next(c["text"] for c in snapshot["choices"] if c["id"] == response["choice"])

    def from_tokens(self, raw, real) -> dict:
        return {**raw, "choice": real(raw.get("choice"))}

    def from_post(self, post, field, snapshot, order) -> object:
        value = post.get(field)
        return {"choice": value} if value else None

    def to_post(self, field, response, order) -> dict:
        token = {real: token for token, real in order}
        return {field: token[response["choice"]]}


@register
class MultipleType(_ChoiceType):
    """``{"choices": [...as single...]}``; the positive fractions (the right choices) sum to
    1.0, e.g. 0.5 + 0.5 or 0.3333333 + 0.3333333 + 0.3333334; wrong choices are 0 or negative.

    Response ``{"choices": ["c1", "c3"]}``, sorted and unique, never empty. Fraction: the
    exact set of right choices earns 1; any other set the sum of the selected fractions,
    clamped to [0, 1] (negative marks never make the question negative) and capped at
    ``1 - 1/n`` (n choices) as soon as it includes a wrong choice: a wrong choice always
    costs at least 1/n of the marks, even if the editor gave it 0 %. Feedback: that of each
    selected choice, in the snapshot's order."""

    kind = "multiple"
    template = "quizzes/types/multiple.html"

    def check(self, choices, pairs, fractions) -> None:
        super().check(choices, pairs, fractions)
        if len(choices) < 2:
            raise QuestionStructureError(_("Il faut au moins deux réponses."))
        if not any(f > 0 for f in fractions):
            raise QuestionStructureError(_("Aucune réponse correcte."))
        total = sum((f for f in fractions if f > 0), Decimal(0))
        if abs(total - 100) > Decimal("0.01"):
            raise QuestionStructureError(
                _("Les poids des bonnes réponses doivent faire 100 %% (ils font %(total)s %%).")
                % {"total": total.normalize()}
            )

    def clean(self, snapshot, raw) -> Response | None:
        values = raw.get("choices")
        if is_blank(values):
            return None
        if isinstance(values, str):  # a single checkbox ticked, sent as a plain field
            values = [values]
        return {"choices": sorted(clean_ids(values, self.display_ids(snapshot)))}

    def mark(self, snapshot, response) -> Marking:
        choices: list[Choice] = snapshot["choices"]
        selected = set(response["choices"])
        picked = [choice for choice in choices if choice["id"] in selected]
        right = {choice["id"] for choice in choices if choice["fraction"] > 0}
        if selected == right:
            # Not the sum: 0.3333333 * 2 + 0.3333334 need not be exactly 1.0 in floating point.
            return 1.0, feedback_of(picked)
        fraction = clamp(math.fsum(choice["fraction"] for choice in picked))
        if any(choice["fraction"] <= 0 for choice in picked):
            # Otherwise ticking a 0 % choice on top of the right ones would still earn 100 %.
            fraction = min(fraction, 1 - 1 / len(choices))
        return fraction, feedback_of(picked)

    def correct_response(self, snapshot) -> Response:
        return {"choices": sorted(c["id"] for c in snapshot["choices"] if c["fraction"] > 0)}

    def answer_text(self, snapshot, response) -> str:
        return " ; ".join(c["text"] for c in snapshot["choices"] if c["id"] in response["choices"])

    def from_tokens(self, raw, real) -> dict:
        choices = raw.get("choices")
        if isinstance(choices, list):
            return {**raw, "choices": [real(c) for c in choices]}
        return {**raw, "choices": real(choices)}

    def from_post(self, post, field, snapshot, order) -> object:
        return {"choices": post.getlist(field)[:MAX_FIELDS_PER_QUESTION]}

    def to_post(self, field, response, order) -> dict:
        token = {real: token for token, real in order}
        return {field: [token[c] for c in response["choices"]]}


@register
class TrueFalseType(SingleType):
    """As single, with exactly two choices, ids ``"true"`` and ``"false"``, always shown in
    that order."""

    kind = "truefalse"
    shuffles = False

    def _ids(self, choices: list) -> list[str]:
        return ["true", "false"]

    def _check_count(self, choices: list[dict]) -> None:
        if len(choices) != 2:
            raise QuestionStructureError(_("Une question vrai/faux a exactement deux réponses."))
