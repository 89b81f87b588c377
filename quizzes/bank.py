"""Writing and reading the question bank as plain data: the demo content, Moodle imports and
exports all go through the question dict documented in quizzes/interop/__init__.py."""

import html
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import PurePosixPath
from urllib.parse import unquote

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _

from . import richtext
from .models import Question, QuestionCategory, QuestionChoice, QuestionPair
from .snapshots import QuestionStructureError, structure_check


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


# In nh3's output (quizzes/richtext.py) attributes are double-quoted, with '"' and '>' escaped.
_IMAGE_TAG = re.compile(r"<img\b([^>]*)>")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
PLUGINFILE_PREFIX = "@@PLUGINFILE@@/"


class QuestionImageError(ValueError):
    """An image embedded in an imported question cannot be used; the message says why."""


@cache
def _import_cleaner():
    """What an imported question text may hold before its images are resolved: the text
    field's allow-list with `<img>` in place of Wagtail's embeds, and only for an image
    shipped in the file itself (Moodle's @@PLUGINFILE@@). An embed written in the file could
    point at any image of the library: it is dropped like any other tag."""
    import nh3

    from .richtext import DROPPED_WITH_CONTENT

    features = [f for f in Question._meta.get_field("text").features if f != "image"]
    allowed = richtext.field_tags(features)
    return nh3.Cleaner(
        tags=allowed | {"img"},
        clean_content_tags=set(DROPPED_WITH_CONTENT - allowed),
        attributes={"img": {"src", "alt"}},
        attribute_filter=lambda element, attribute, value: (
            value
            if element != "img" or attribute != "src" or value.startswith(PLUGINFILE_PREFIX)
            else None
        ),
        url_schemes=set(),
        link_rel=None,
    )


def _image_create(*, name: str, data: bytes, title: str):
    """A Wagtail image from a file of the import, checked as an upload would be (format,
    size, pixels): an SVG, a script renamed .png or a decompression bomb is refused."""
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model
    from wagtail.images.fields import WagtailImageField

    filename = PurePosixPath(name.replace("\\", "/")).name or "image"
    upload = SimpleUploadedFile(filename, data)
    try:
        WagtailImageField().clean(upload)
    except ValidationError as error:
        raise QuestionImageError(
            _("image « %(name)s » refusée : %(reason)s")
            % {"name": filename, "reason": " ".join(error.messages)}
        ) from None
    upload.seek(0)
    image = get_image_model()(title=title[:255])
    image.file = ImageFile(upload, name=filename)
    image.save()
    return image


def _text_with_images(text: str, images: dict[str, bytes], question_name: str) -> str:
    """Question text from a file: cleaned, then Moodle's embedded images turned into Wagtail
    images, referenced the Wagtail way. An image the file does not carry (an outside URL, a
    data: URI, a missing file) is dropped: a learner's phone never fetches anything from
    elsewhere, and data: URIs would bypass the checks of an upload."""

    def replace(match):
        attrs = {k: html.unescape(v) for k, v in _ATTRIBUTE.findall(match.group(1))}
        name = unquote(attrs.get("src", "").removeprefix(PLUGINFILE_PREFIX))
        data = images.get(name)
        if data is None:
            return ""
        image = _image_create(name=name, data=data, title=f"{question_name[:200]} · {name}")
        alt = escape(attrs.get("alt", ""))
        return f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="{alt}"/>'

    return richtext.field_clean(
        Question, "text", _IMAGE_TAG.sub(replace, _import_cleaner().clean(text))
    )


def question_create(
    *, data: dict, category: QuestionCategory, publish: bool, user=None
) -> Question:
    """A question from a question dict; raises QuestionStructureError when it is not gradable
    and QuestionImageError when one of its images is refused. With `publish` it goes live at
    once; otherwise it is a draft that no quiz draws until a reviewer publishes it."""
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
        max_score=Decimal(0)
        if data["type"] == "description"
        else Decimal(str(data.get("max_score", 1))),
        general_feedback=data.get("general_feedback", ""),
        response_template=data.get("response_template", "") if data["type"] == "essay" else "",
        grader_info=data.get("grader_info", "") if data["type"] == "essay" else "",
        live=publish,
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
    revision = question.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    return question


@dataclass
class ImportSummary:
    created: list[str] = field(default_factory=list)
    # The questions themselves, in the file's order (the job's page links to them).
    questions: list[Question] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    categories: int = 0
    # Live at once (an import by someone allowed to publish), or drafts...
    published: bool = False
    # ...of which this many were submitted to the review workflow.
    submitted: int = 0


class ImportRefused(Exception):
    """Nothing was imported; `errors` says why, question by question."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@transaction.atomic
def questions_import(
    *,
    parsed,
    root: QuestionCategory | None = None,
    user=None,
    publish: bool = False,
) -> ImportSummary:
    """All or nothing: with any invalid question, nothing is written (unsupported types are
    skipped and listed, they do not fail the rest).

    Publication follows the review rules: the questions go live at once only when `user` may
    publish questions (a reviewer, an administrator) or when the caller vouches for the file
    (`publish`: the command line, run by whoever runs the server). Otherwise they are drafts,
    which no quiz draws, and `user`'s drafts are submitted to the questions' workflow
    (« Relecture CNDH ») for a reviewer to approve. Without a user, they wait as drafts."""
    if parsed.errors:
        raise ImportRefused(parsed.errors)
    if not parsed.questions:
        raise ImportRefused([_("Le fichier ne contient aucune question importable.")])
    can_publish = publish or (user is not None and user.has_perm("quizzes.publish_question"))
    before = QuestionCategory.objects.count()
    summary = ImportSummary(skipped=list(parsed.skipped), published=can_publish)
    errors, created = [], []
    for number, data in enumerate(parsed.questions, start=1):
        category = category_get_or_create(path=data.get("category") or [], root=root)
        if category is None:
            category = category_get_or_create(path=[_("Importées")], root=root)
        try:
            with transaction.atomic():
                question = question_create(
                    data=data, category=category, publish=can_publish, user=user
                )
        except (QuestionStructureError, QuestionImageError) as error:
            errors.append(
                _("Question %(n)d « %(name)s » : %(reason)s")
                % {"n": number, "name": data["name"], "reason": error}
            )
        else:
            created.append(question)
            summary.created.append(data["name"])
            summary.questions.append(question)
    if errors:
        raise ImportRefused(errors)
    # Submitted only once the whole file is known to be good: a submission mails the
    # reviewers, which a refused import must not do.
    workflow = Question.get_default_workflow()
    if not can_publish and user is not None and workflow is not None and workflow.active:
        for question in created:
            workflow.start(question, user)
        summary.submitted = len(created)
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
    } | (
        {"response_template": question.response_template, "grader_info": question.grader_info}
        if question.question_type == "essay"
        else {}
    )


def category_questions(category: QuestionCategory) -> list[Question]:
    return list(
        Question.objects.filter(category_id__in=category.subtree_ids())
        .select_related("category")
        .prefetch_related("choices", "pairs")
        .order_by("category_id", "pk")
    )
