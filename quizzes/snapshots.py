"""Freezing a bank question into the snapshot that grading reads (schema: quizzes/grading.py)."""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

# Which answer fields each type uses. The editor's form shows only these (static/js/
# question-form.js and kalan-admin.css, through the `data-kalan-types` of the panels) and
# QuestionForm drops whatever the others hold, so a question stores only what its type grades.
CHOICE_TYPES = ("single", "multiple", "truefalse", "short", "numerical")
PAIR_TYPES = ("matching", "ordering")
TOLERANCE_TYPES = ("numerical",)
PAIR_ANSWER_TYPES = ("matching",)
# Graded by a person (quizzes.services.essay_grade), and shown without an answer.
ESSAY_TYPES = ("essay",)
MANUAL_TYPES = ("essay",)
INFO_TYPES = ("description",)


class QuestionStructureError(ValueError):
    """A question whose answers do not fit its type; the message says why, in French."""


def _fraction(percent: Decimal) -> float:
    return round(float(percent) / 100, 7)


def _number(text: str) -> float:
    try:
        return float(Decimal(text.replace("\u202f", "").replace(" ", "").replace(",", ".")))
    except (InvalidOperation, ValueError) as exc:
        raise QuestionStructureError(
            _("« %(value)s » n’est pas un nombre.") % {"value": text}
        ) from exc


def _duplicate(texts: list[str]) -> str | None:
    """The first text given twice (ignoring case and spaces), or None."""
    seen = set()
    for text in texts:
        key = " ".join(str(text).split()).casefold()
        if key in seen:
            return text
        seen.add(key)
    return None


def structure_check(question_type: str, choices: list[dict], pairs: list[dict]) -> None:
    """Raises QuestionStructureError when the answers do not make a gradable question.
    `choices` items have text, fraction_percent, tolerance, feedback; `pairs` prompt, answer.

    This is the one check every way in goes through (the admin form, the GIFT and Moodle XML
    importers, the demo content), so that no shape that grading cannot read reaches a
    snapshot: no correct answer, weights out of -100..100 %, an answer or an item given
    twice, fewer than two elements to match or to order."""
    fractions = [Decimal(c["fraction_percent"] or 0) for c in choices]
    if any(f > 100 or f < -100 for f in fractions):
        raise QuestionStructureError(_("Un poids doit être compris entre -100 % et 100 %."))
    if question_type in CHOICE_TYPES and question_type != "numerical":
        twice = _duplicate([c["text"] for c in choices])
        if twice is not None:
            raise QuestionStructureError(
                _("La réponse « %(text)s » figure deux fois.") % {"text": twice}
            )
    if question_type in ("single", "truefalse"):
        if question_type == "truefalse" and len(choices) != 2:
            raise QuestionStructureError(_("Une question vrai/faux a exactement deux réponses."))
        if len(choices) < 2:
            raise QuestionStructureError(_("Il faut au moins deux réponses."))
        if not any(f > 0 for f in fractions):
            raise QuestionStructureError(_("Aucune réponse correcte."))
        if fractions.count(Decimal(100)) != 1 or any(0 < f < 100 for f in fractions):
            raise QuestionStructureError(
                _("Une seule réponse vaut 100 % ; les autres valent 0 % ou moins.")
            )
    elif question_type == "multiple":
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
    elif question_type in ("short", "numerical"):
        if not choices:
            raise QuestionStructureError(_("Aucune réponse correcte."))
        if max(fractions) != 100:
            raise QuestionStructureError(_("Au moins une réponse acceptée doit valoir 100 %."))
        if question_type == "numerical":
            for choice in choices:
                _number(choice["text"])
    elif question_type in ("matching", "ordering"):
        if len(pairs) < 2:
            raise QuestionStructureError(_("Il faut au moins deux éléments."))
        if question_type == "matching" and any(not p["answer"].strip() for p in pairs):
            raise QuestionStructureError(_("Chaque élément d’une association a sa réponse."))
        twice = _duplicate([p["prompt"] for p in pairs])
        if twice is not None:
            raise QuestionStructureError(
                _("L’élément « %(text)s » figure deux fois.") % {"text": twice}
            )
    elif question_type in ESSAY_TYPES or question_type in INFO_TYPES:
        pass  # no answers to check: a person grades an essay, a description is not graded
    else:
        raise QuestionStructureError(
            _("Type de question inconnu : %(type)s.") % {"type": question_type}
        )


def question_snapshot(question) -> dict:
    choices = list(question.choices.all())
    pairs = list(question.pairs.all())
    kind = question.question_type
    snapshot = {
        "type": kind,
        # A description is information: it never counts, whatever its points say.
        "max_score": 0.0 if kind in INFO_TYPES else float(question.max_score),
        "text": question.text,
        "general_feedback": question.general_feedback,
        "question_id": question.pk,
        "name": question.name,
    }
    if kind in ("single", "multiple", "truefalse"):
        ids = ["true", "false"] if kind == "truefalse" else [f"c{n}" for n in range(len(choices))]
        snapshot["choices"] = [
            {
                "id": ids[n],
                "text": c.text,
                "fraction": _fraction(c.fraction_percent),
                "feedback": c.feedback,
            }
            for n, c in enumerate(choices)
        ]
    elif kind == "short":
        snapshot["answers"] = [
            {"text": c.text, "fraction": _fraction(c.fraction_percent), "feedback": c.feedback}
            for c in choices
        ]
    elif kind == "numerical":
        snapshot["answers"] = [
            {
                "value": _number(c.text),
                "tolerance": float(c.tolerance or 0),
                "fraction": _fraction(c.fraction_percent),
                "feedback": c.feedback,
            }
            for c in choices
        ]
    elif kind == "matching":
        snapshot["pairs"] = [
            {"id": f"p{n}", "prompt": p.prompt, "answer": p.answer} for n, p in enumerate(pairs)
        ]
    elif kind == "ordering":
        snapshot["items"] = [{"id": f"i{n}", "text": p.prompt} for n, p in enumerate(pairs)]
    elif kind in ESSAY_TYPES:
        # grader_info is for the graders' page only: quizzes.selectors copies the fields a
        # learner may see one by one, and never this one.
        snapshot["response_template"] = question.response_template
        snapshot["grader_info"] = question.grader_info
    return snapshot
