"""Writing and reading the question bank as plain data: the demo content, Moodle imports and
exports all go through the question dict documented in quizzes/interop/__init__.py."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _

from .models import Question, QuestionCategory, QuestionChoice, QuestionPair
from .snapshots import QuestionStructureError, structure_check

PLUGINFILE = re.compile(r'<img[^>]*src="@@PLUGINFILE@@/([^"]+)"[^>]*>', re.IGNORECASE)


def category_get_or_create(*, path: list[str], root: QuestionCategory | None = None):
    """The category at `path` below `root` (or at the top), created as needed. Moodle's "top"
    and "$course$"/"$system$" prefixes are dropped."""
    parent = root
    for name in path:
        name = name.strip()
        if not name or name.lower() in ("top", "$course$", "$system$", "$module$"):
            continue
        parent, _created = QuestionCategory.objects.get_or_create(name=name[:150], parent=parent)
    return parent


def _text_with_images(text: str, images: dict[str, bytes], question_name: str) -> str:
    """Turns Moodle's embedded images into Wagtail images, referenced the Wagtail way."""
    from wagtail.images.models import Image

    def replace(match):
        name = match.group(1)
        data = images.get(name)
        if data is None:
            return ""
        from io import BytesIO

        image = Image(title=f"{question_name[:200]} · {name}"[:255])
        image.file = ImageFile(BytesIO(data), name=name)
        image.save()
        return f'<embed alt="" embedtype="image" format="fullwidth" id="{image.pk}"/>'

    return PLUGINFILE.sub(replace, text)


def question_create(*, data: dict, category: QuestionCategory) -> Question:
    """A question from a question dict; raises QuestionStructureError when it is not gradable."""
    choices = [
        {
            "text": str(c["text"]),
            "fraction_percent": Decimal(str(c["fraction"])),
            "tolerance": Decimal(str(c["tolerance"])) if c.get("tolerance") is not None else None,
            "feedback": c.get("feedback", ""),
        }
        for c in data.get("choices", [])
    ]
    # Moodle's matching distractors (an answer with no prompt) have no place in our model:
    # they are dropped, and the question keeps its real pairs.
    pairs = [
        {"prompt": p["prompt"], "answer": p.get("answer", "")}
        for p in data.get("pairs", [])
        if p["prompt"].strip()
    ]
    structure_check(data["type"], choices, pairs)
    images = {image["name"]: image["data"] for image in data.get("images", [])}
    text = (
        data["text"] if data["text"].lstrip().startswith("<") else f"<p>{escape(data['text'])}</p>"
    )
    question = Question(
        category=category,
        name=data["name"][:200],
        question_type=data["type"],
        text=_text_with_images(text, images, data["name"]),
        max_score=Decimal(str(data.get("max_score", 1))),
        general_feedback=data.get("general_feedback", ""),
    )
    # sort_order is the authored order (an ordering question's right answer): Wagtail's forms
    # set it, code that builds the cluster must set it too, or the database picks an order.
    question.choices = [
        QuestionChoice(
            text=c["text"][:500],
            fraction_percent=c["fraction_percent"],
            tolerance=c["tolerance"],
            feedback=c["feedback"][:500],
            sort_order=index,
        )
        for index, c in enumerate(choices)
    ]
    question.pairs = [
        QuestionPair(prompt=p["prompt"][:300], answer=p["answer"][:300], sort_order=index)
        for index, p in enumerate(pairs)
    ]
    question.save()
    question.save_revision()
    return question


@dataclass
class ImportSummary:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    categories: int = 0


class ImportRefused(Exception):
    """Nothing was imported; `errors` says why, question by question."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@transaction.atomic
def questions_import(*, parsed, root: QuestionCategory | None = None) -> ImportSummary:
    """All or nothing: with any invalid question, nothing is written (unsupported types are
    skipped and listed, they do not fail the rest)."""
    if parsed.errors:
        raise ImportRefused(parsed.errors)
    if not parsed.questions:
        raise ImportRefused([_("Le fichier ne contient aucune question importable.")])
    before = QuestionCategory.objects.count()
    summary = ImportSummary(skipped=list(parsed.skipped))
    errors = []
    for number, data in enumerate(parsed.questions, start=1):
        category = category_get_or_create(path=data.get("category") or [], root=root)
        if category is None:
            category = category_get_or_create(path=[_("Importées")], root=root)
        try:
            with transaction.atomic():
                question_create(data=data, category=category)
        except QuestionStructureError as error:
            errors.append(
                _("Question %(n)d « %(name)s » : %(reason)s")
                % {"n": number, "name": data["name"], "reason": error}
            )
        else:
            summary.created.append(data["name"])
    if errors:
        raise ImportRefused(errors)
    summary.categories = QuestionCategory.objects.count() - before
    return summary


def question_data(question: Question, *, root: QuestionCategory | None = None) -> dict:
    """The question dict of a bank question, for export; the category path is relative to
    `root` when given."""
    lineage = question.category.lineage()
    if root is not None:
        names = [c.name for c in lineage]
        start = next((i for i, c in enumerate(lineage) if c.pk == root.pk), -1)
        path = names[start:] if start >= 0 else names
    else:
        path = [c.name for c in lineage]
    return {
        "name": question.name,
        "type": question.question_type,
        "text": question.text,
        "max_score": float(question.max_score),
        "general_feedback": question.general_feedback,
        "category": path,
        "choices": [
            {
                "text": c.text,
                "fraction": float(c.fraction_percent),
                "tolerance": float(c.tolerance) if c.tolerance is not None else None,
                "feedback": c.feedback,
            }
            for c in question.choices.all()
        ],
        "pairs": [{"prompt": p.prompt, "answer": p.answer} for p in question.pairs.all()],
        "images": [],
    }


def category_questions(category: QuestionCategory) -> list[Question]:
    return list(
        Question.objects.filter(category_id__in=category.subtree_ids())
        .select_related("category")
        .prefetch_related("choices", "pairs")
        .order_by("category_id", "pk")
    )
