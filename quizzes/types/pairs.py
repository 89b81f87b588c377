"""The types built on the editor's pairs: matching (each prompt with its answer) and
ordering (the prompts, in the right order)."""

import re

from django.utils.translation import gettext as _

from .base import (
    Marking,
    QuestionStructureError,
    QuestionType,
    Response,
    ResponseError,
    Snapshot,
    clean_id,
    clean_ids,
    duplicate,
    invalid,
    is_blank,
    posted_token,
    register,
    tokens_for,
)

# A position as the ordering dropdowns send it. ASCII digits only: str.isdigit() also accepts
# "²", which int() refuses; and "1" and "01" are the same position.
POSITION = re.compile(r"[0-9]{1,4}")


class _PairType(QuestionType):
    uses_pairs = True

    def check(self, choices, pairs, fractions) -> None:
        if len(pairs) < 2:
            raise QuestionStructureError(_("Il faut au moins deux éléments."))
        self._check_pairs(pairs)
        twice = duplicate([p["prompt"] for p in pairs])
        if twice is not None:
            raise QuestionStructureError(
                _("L’élément « %(text)s » figure deux fois.") % {"text": twice}
            )

    def _check_pairs(self, pairs: list[dict]) -> None:
        pass


@register
class MatchingType(_PairType):
    """``{"pairs": [{"id": "p1", "prompt": str, "answer": str}, ...]}``; at least 2 pairs.

    Response ``{"matches": {"p1": "p2"}}``: for the prompt of pair p1 the learner chose the
    answer of pair p2; prompts left blank are absent, keys follow the snapshot's order.
    Fraction: prompts matched to the right answer / number of pairs; pairs whose answers have
    the same text are interchangeable, since the learner cannot tell them apart. No feedback.
    On the page, prompts keep their authored order (which tells nothing) and real ids; only
    the answers, shuffled, go through tokens."""

    kind = "matching"
    template = "quizzes/types/matching.html"
    uses_pair_answers = True

    def _check_pairs(self, pairs) -> None:
        if any(not p["answer"].strip() for p in pairs):
            raise QuestionStructureError(_("Chaque élément d’une association a sa réponse."))

    def freeze(self, question, choices, pairs) -> Snapshot:
        return {
            "pairs": [
                {"id": f"p{n}", "prompt": p.prompt, "answer": p.answer} for n, p in enumerate(pairs)
            ]
        }

    def display_ids(self, snapshot) -> list[str]:
        return [p["id"] for p in snapshot["pairs"]]

    def clean(self, snapshot, raw) -> Response | None:
        matches = raw.get("matches")
        if is_blank(matches):
            return None
        if not isinstance(matches, dict):
            raise invalid()
        ids = self.display_ids(snapshot)
        known = set(ids)
        for key in matches:
            clean_id(key, known)
        # Two prompts may get the same answer: the form shows independent drop-down lists, so
        # this is a wrong answer to grade, not a malformed request.
        cleaned = {
            key: clean_id(matches[key], known) for key in ids if not is_blank(matches.get(key))
        }
        return {"matches": cleaned} if cleaned else None

    def mark(self, snapshot, response) -> Marking:
        answers = {pair["id"]: pair["answer"] for pair in snapshot["pairs"]}
        matches: dict[str, str] = response["matches"]
        right = sum(answers[chosen] == answers[prompt] for prompt, chosen in matches.items())
        return right / len(answers), []

    def correct_response(self, snapshot) -> Response:
        return {"matches": {pair["id"]: pair["id"] for pair in snapshot["pairs"]}}

    def answer_text(self, snapshot, response) -> str:
        answers = {p["id"]: p["answer"] for p in snapshot["pairs"]}
        return " ; ".join(
            f"{p['prompt']} → {answers[response['matches'][p['id']]]}"
            for p in snapshot["pairs"]
            if p["id"] in response["matches"]
        )

    def from_tokens(self, raw, real) -> dict:
        if isinstance(raw.get("matches"), dict):
            return {"matches": {k: real(v) for k, v in raw["matches"].items()}}
        return raw

    def from_post(self, post, field, snapshot, order) -> object:
        matches = {pair["id"]: post.get(f"{field}-{pair['id']}", "") for pair in snapshot["pairs"]}
        return {"matches": {k: v for k, v in matches.items() if v}}

    def to_post(self, field, response, order) -> dict:
        token = {real: token for token, real in order}
        matches = response["matches"]
        return {f"{field}-{prompt}": token[answer] for prompt, answer in matches.items()}

    def view(self, snapshot, response, order, posted, field) -> dict:
        answers = {p["id"]: p["answer"] for p in snapshot["pairs"]}
        back = {real: token for token, real in order}
        tokens = set(back.values())
        matches = response.get("matches", {})
        return {
            "options": [{"value": token, "text": answers[real]} for token, real in order],
            "prompts": [
                {
                    "key": p["id"],
                    "field": f"{field}-{p['id']}",
                    "text": p["prompt"],
                    "selected": posted_token(posted, f"{field}-{p['id']}", tokens)
                    if posted is not None
                    else back.get(matches.get(p["id"]), ""),
                }
                for p in snapshot["pairs"]
            ],
        }


@register
class OrderingType(_PairType):
    """``{"items": [{"id": "i1", "text": str}, ...]}``; the list order is the right order; at
    least 2 items.

    Response ``{"order": ["i2", "i1", "i3"]}``, a permutation of the snapshot's item ids.
    Fraction: items at their right position / number of items. No feedback. The page gives
    each item a position in a dropdown; its items are always shuffled, since in their given
    order they are the answer."""

    kind = "ordering"
    template = "quizzes/types/ordering.html"

    def freeze(self, question, choices, pairs) -> Snapshot:
        return {"items": [{"id": f"i{n}", "text": p.prompt} for n, p in enumerate(pairs)]}

    def display_ids(self, snapshot) -> list[str]:
        return [i["id"] for i in snapshot["items"]]

    def display_order(self, snapshot, rng, shuffle):
        right = self.display_ids(snapshot)
        ids = right[:]
        rng.shuffle(ids)
        if len(ids) > 1 and ids == right:
            ids = ids[1:] + ids[:1]
        return tokens_for(ids)

    def clean(self, snapshot, raw) -> Response | None:
        order = raw.get("order")
        if is_blank(order):
            return None
        ids = self.display_ids(snapshot)
        cleaned = clean_ids(order, ids)
        if len(cleaned) != len(ids):
            raise ResponseError(_("Rangez tous les éléments de la liste, chacun une seule fois."))
        return {"order": cleaned}

    def mark(self, snapshot, response) -> Marking:
        ids = self.display_ids(snapshot)
        in_place = sum(a == b for a, b in zip(response["order"], ids, strict=True))
        return in_place / len(ids), []

    def correct_response(self, snapshot) -> Response:
        return {"order": self.display_ids(snapshot)}

    def answer_text(self, snapshot, response) -> str:
        texts = {i["id"]: i["text"] for i in snapshot["items"]}
        return " → ".join(texts[i] for i in response["order"])

    def from_tokens(self, raw, real) -> dict:
        if isinstance(raw.get("order"), list):
            return {"order": [real(v) for v in raw["order"]]}
        return raw

    def from_post(self, post, field, snapshot, order) -> object:
        count = len(order)
        positions = {}
        for token, _real in order:
            value = post.get(f"{field}-{token}", "").strip()
            if value:
                position = int(value) if POSITION.fullmatch(value) else None
                if position is None or not 1 <= position <= count or position in positions.values():
                    raise ResponseError(
                        _("Donnez à chaque élément une position différente, de 1 à %(n)d.")
                        % {"n": count}
                    )
                positions[token] = position
        if not positions:
            return None
        if len(positions) != count:
            raise ResponseError(_("Classez tous les éléments, ou aucun."))
        return {"order": sorted(positions, key=positions.__getitem__)}

    def to_post(self, field, response, order) -> dict:
        return {f"{field}-{token}": str(response["order"].index(real) + 1) for token, real in order}

    def view(self, snapshot, response, order, posted, field) -> dict:
        texts = {i["id"]: i["text"] for i in snapshot["items"]}
        chosen = response.get("order", [])
        count = len(order)
        return {
            "count": count,
            "positions": list(range(1, count + 1)),
            "entries": [
                {
                    "field": f"{field}-{token}",
                    "text": texts[real],
                    "position": _posted_position(posted, f"{field}-{token}", count)
                    if posted is not None
                    else chosen.index(real) + 1
                    if real in chosen
                    else "",
                }
                for token, real in order
            ],
        }


def _posted_position(posted, name: str, count: int) -> int | str:
    """The position chosen in a dropdown, as the dropdown's values (1..count), or ""."""
    value = posted.get(name, "").strip()
    if POSITION.fullmatch(value) and 1 <= int(value) <= count:
        return int(value)
    return ""
