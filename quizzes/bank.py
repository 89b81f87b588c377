"""Writing and reading the question bank as plain data: the demo content, Moodle imports and
exports all go through the question dict documented in quizzes/interop/__init__.py."""

import html
import io
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import PurePosixPath
from urllib.parse import quote, unquote

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.rich_text.rewriters import extract_attrs

from . import richtext
from .models import Question, QuestionCategory, QuestionChoice, QuestionPair
from .snapshots import QuestionStructureError, structure_check
from .types import question_type


def category_get_or_create(
    *, path: list[str], root: QuestionCategory | None = None, descriptions: list[str] = ()
):
    """The category at `path` below `root` (or at the top), created as needed. Moodle's "top"
    and "$course$"/"$system$" prefixes are dropped. `descriptions` (one per level of `path`,
    Moodle's category <info>) fill the descriptions still empty."""
    parent = root
    for index, name in enumerate(path):
        name = name.strip()
        if not name or name.lower() in ("top", "$course$", "$system$", "$module$"):
            continue
        parent, _created = QuestionCategory.objects.get_or_create(name=name[:150], parent=parent)
        description = descriptions[index].strip() if index < len(descriptions) else ""
        if description and not parent.description:
            parent.description = description
            parent.save(update_fields=["description"])
    return parent


# In nh3's output (quizzes/richtext.py) attributes are double-quoted, with '"' and '>' escaped.
_IMAGE_TAG = re.compile(r"<img\b([^>]*)>")
# In nh3's output an <a> never nests in another.
_LINK_TAG = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL)
_EMBED_TAG = re.compile(r"<embed\b([^>]*?)/?>")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
PLUGINFILE_PREFIX = "@@PLUGINFILE@@/"


class QuestionImageError(ValueError):
    """An image embedded in an imported question cannot be used; the message says why."""


@cache
def _import_cleaner():
    """What an imported question text may hold before its images are resolved: the text
    field's allow-list with `<img>` in place of Wagtail's embeds, and only for an image
    shipped in the file itself (Moodle's @@PLUGINFILE@@). An embed written in the file could
    point at any image of the library: it is dropped like any other tag. Links, likewise,
    only to a file shipped in the file (a document)."""
    import nh3

    from .richtext import DROPPED_WITH_CONTENT

    features = [f for f in Question._meta.get_field("text").features if f != "image"]
    allowed = richtext.field_tags(features)
    return nh3.Cleaner(
        tags=allowed | {"img", "a"},
        clean_content_tags=set(DROPPED_WITH_CONTENT - allowed),
        attributes={"img": {"src", "alt"}, "a": {"href"}},
        attribute_filter=lambda element, attribute, value: (
            value
            if attribute not in ("src", "href") or value.startswith(PLUGINFILE_PREFIX)
            else None
        ),
        url_schemes=set(),
        link_rel=None,
    )


_PILLOW_SETTING = threading.Lock()


@contextmanager
def _truncated_images_refused():
    """Pillow's LOAD_TRUNCATED_IMAGES, off while an imported image is decoded. WeasyPrint turns
    it on for the whole process when it is imported (certificates' PDFs, in the same Celery
    worker as the import jobs), and then a truncated PNG decodes without a word."""
    from PIL import ImageFile as PillowImageFile

    with _PILLOW_SETTING:
        before = PillowImageFile.LOAD_TRUNCATED_IMAGES
        PillowImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            PillowImageFile.LOAD_TRUNCATED_IMAGES = before


def image_from_file(*, name: str, data: bytes, title: str):
    """A Wagtail image from a file of the import, checked as an upload would be (format,
    size, pixels) and then decoded in full: an SVG, a script or random bytes renamed .png, a
    truncated PNG or a decompression bomb is refused with the reason, never an exception."""
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image as PillowImage
    from wagtail.images import get_image_model
    from wagtail.images.fields import WagtailImageField

    filename = PurePosixPath(name.replace("\\", "/")).name or "image"

    def refused(reason: str) -> QuestionImageError:
        return QuestionImageError(
            _("image « %(name)s » refusée : %(reason)s") % {"name": filename, "reason": reason}
        )

    upload = SimpleUploadedFile(filename, data)
    try:
        WagtailImageField().clean(upload)
        # Wagtail reads the header only: a file cut short would pass and break every
        # rendition later, on a learner's page.
        with _truncated_images_refused(), PillowImage.open(io.BytesIO(data)) as decoded:
            decoded.load()
    except ValidationError as error:
        raise refused(" ".join(error.messages)) from None
    except PillowImage.DecompressionBombError:
        raise refused(_("trop de pixels (bombe de décompression).")) from None
    except (OSError, SyntaxError, ValueError, EOFError):
        # Pillow's UnidentifiedImageError and truncated files are OSError; Willow's and
        # Pillow's parsers raise SyntaxError (ParseError) or ValueError on broken data.
        raise refused(_("ce n’est pas une image lisible (fichier corrompu ou tronqué).")) from None
    upload.seek(0)
    image = get_image_model()(title=title[:255])
    image.file = ImageFile(upload, name=filename)
    # Size and hash, as Wagtail's upload form sets them: the hash lets a second import of the
    # same file find this image instead of making another.
    image._set_image_file_metadata()
    image.save()
    return image


def document_from_file(*, name: str, data: bytes, title: str):
    """A Wagtail document from a file of the import that the question text links to, of a
    type Wagtail's documents accept (WAGTAILDOCS_EXTENSIONS), as an editor's upload."""
    from django.conf import settings
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    filename = PurePosixPath(name.replace("\\", "/")).name or "document"
    extension = filename.rpartition(".")[2].lower()
    if extension not in (settings.WAGTAILDOCS_EXTENSIONS or []):
        raise QuestionImageError(
            _("document « %(name)s » refusé : type de fichier non accepté.") % {"name": filename}
        )
    document = get_document_model()(title=title[:255])
    document.file = ContentFile(data, name=filename)
    document._set_document_file_metadata()
    document.save()
    return document


def _text_with_images(text: str, images: dict[str, bytes], question_name: str) -> str:
    """Question text from a file: cleaned, then Moodle's embedded images turned into Wagtail
    images and its links to joined files into Wagtail documents, referenced the Wagtail way.
    An image the file does not carry (an outside URL, a data: URI, a missing file) is
    dropped, a link keeps its text only: a learner's phone never fetches anything from
    elsewhere, and data: URIs would bypass the checks of an upload."""
    made: dict[tuple[str, str], int] = {}  # one image or document per file of a question

    def title(name: str) -> str:
        return f"{question_name[:200]} · {name}"

    def image(match):
        attrs = {k: html.unescape(v) for k, v in _ATTRIBUTE.findall(match.group(1))}
        name = unquote(attrs.get("src", "").removeprefix(PLUGINFILE_PREFIX))
        data = images.get(name)
        if data is None:
            return ""
        if ("image", name) not in made:
            made["image", name] = image_from_file(name=name, data=data, title=title(name)).pk
        alt = escape(attrs.get("alt", ""))
        return (
            f'<embed embedtype="image" id="{made["image", name]}" format="fullwidth" alt="{alt}"/>'
        )

    def link(match):
        attrs = {k: html.unescape(v) for k, v in _ATTRIBUTE.findall(match.group(1))}
        name = unquote(attrs.get("href", "").removeprefix(PLUGINFILE_PREFIX))
        data = images.get(name)
        if data is None or not attrs.get("href"):
            return match.group(2)
        if ("document", name) not in made:
            made["document", name] = document_from_file(name=name, data=data, title=title(name)).pk
        return f'<a linktype="document" id="{made["document", name]}">{match.group(2)}</a>'

    cleaned = _import_cleaner().clean(text)
    return richtext.field_clean(
        Question, "text", _LINK_TAG.sub(link, _IMAGE_TAG.sub(image, cleaned))
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
    found = question_type(data["type"])
    images = {image["name"]: image["data"] for image in data.get("images", [])}
    text = (
        data["text"] if data["text"].lstrip().startswith("<") else f"<p>{escape(data['text'])}</p>"
    )
    question = Question(
        category=category,
        name=data["name"][:200],
        question_type=data["type"],
        text=_text_with_images(text, images, data["name"]),
        max_score=Decimal(0) if found.information else Decimal(str(data.get("max_score", 1))),
        general_feedback=data.get("general_feedback", ""),
        response_template=data.get("response_template", "") if found.uses_essay_fields else "",
        grader_info=data.get("grader_info", "") if found.uses_essay_fields else "",
        live=publish,
        idnumber=str(data.get("idnumber") or "")[:100],
        tags=[str(tag)[:100] for tag in data.get("tags") or []],
        hints=[
            {
                "text": str(hint.get("text", "")),
                "shownumcorrect": bool(hint.get("shownumcorrect")),
                "clearwrong": bool(hint.get("clearwrong")),
            }
            for hint in data.get("hints") or []
        ],
        penalty=Decimal(str(data.get("penalty", "0.3333333"))).quantize(Decimal("0.0000001")),
        shuffle_answers=bool(data.get("shuffle_answers", True)),
        correct_feedback=data.get("correct_feedback", ""),
        partially_correct_feedback=data.get("partially_correct_feedback", ""),
        incorrect_feedback=data.get("incorrect_feedback", ""),
        show_num_correct=bool(data.get("show_num_correct", False)),
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
    # What the file held and the bank does not keep, each named (quizzes/interop).
    warnings: list[str] = field(default_factory=list)


class ImportRefused(Exception):
    """Nothing was imported; `errors` says why, question by question."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def _question_label(number: int, data: dict) -> str:
    # The line finds the question in the file; the number counts only the questions read
    # (a Moodle file's skipped types shift it), so it is given only without the line.
    if data.get("line"):
        return _("Question (ligne %(line)d) « %(name)s »") % {
            "name": data["name"],
            "line": data["line"],
        }
    return _("Question %(n)d « %(name)s »") % {"n": number, "name": data["name"]}


def questions_import(
    *,
    parsed,
    root: QuestionCategory | None = None,
    user=None,
    publish: bool = False,
) -> ImportSummary:
    """`_questions_import`, whose image and document files are deleted again if it fails
    (jobs/files.py: a rollback takes back the rows, not the files)."""
    from jobs.files import files_removed_on_failure

    with files_removed_on_failure():
        return _questions_import(parsed=parsed, root=root, user=user, publish=publish)


@transaction.atomic
def _questions_import(
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
    summary = ImportSummary(
        skipped=list(parsed.skipped), published=can_publish, warnings=list(parsed.warnings)
    )
    errors, created = [], []
    for number, data in enumerate(parsed.questions, start=1):
        label = _question_label(number, data)
        # Moodle's matching distractors (an answer with no prompt) have no place in our
        # model: question_create leaves them out, and the summary names them.
        if data["type"] == "matching":
            summary.warnings.extend(
                _(
                    "%(question)s : réponse de distraction « %(answer)s » ignorée (une association"
                    " de Kalan n’a pas de réponse en trop)"
                )
                % {"question": label, "answer": p.get("answer", "")}
                for p in data.get("pairs", [])
                if not p["prompt"].strip()
            )
        category = category_get_or_create(
            path=data.get("category") or [],
            root=root,
            descriptions=data.get("category_info") or [],
        )
        if category is None:
            category = category_get_or_create(path=[_("Importées")], root=root)
        try:
            with transaction.atomic():
                question = question_create(
                    data=data, category=category, publish=can_publish, user=user
                )
        except (QuestionStructureError, QuestionImageError) as error:
            errors.append(_("%(question)s : %(reason)s") % {"question": label, "reason": error})
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


def _export_name(item, taken: set[str]) -> str:
    """The file name an exported image or document carries: the name it was imported under
    (its title ends with « · name », see _text_with_images), else its file's name; unique in
    a question."""
    _head, _sep, tail = item.title.rpartition(" · ")
    name = tail.strip() if _sep and "." in tail else PurePosixPath(item.file.name).name
    name = name.replace("/", "_") or "image"
    stem, dot, extension = name.rpartition(".")
    candidate, counter = name, 2
    while candidate in taken:
        candidate = f"{stem}-{counter}{dot}{extension}" if dot else f"{name}-{counter}"
        counter += 1
    taken.add(candidate)
    return candidate


def _text_for_export(text: str) -> tuple[str, list[dict]]:
    """Wagtail's image embeds → Moodle's `<img src="@@PLUGINFILE@@/name" alt="…">`, its
    document links → `<a href="@@PLUGINFILE@@/name">`, with the files to ship next to the
    text. An image or a document deleted from the library since is left out (a link keeps
    its text)."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    ids = [extract_attrs(m.group(1)).get("id", "") for m in _EMBED_TAG.finditer(text)]
    found = get_image_model().objects.in_bulk([int(i) for i in ids if i.isdigit()])
    images, names, taken = [], {}, set()

    def document_link(match):
        attrs = extract_attrs(match.group(1))
        document = None
        if attrs.get("linktype") == "document" and attrs.get("id", "").isdigit():
            document = get_document_model().objects.filter(pk=int(attrs["id"])).first()
        if document is None:
            return match.group(2)
        key = ("document", document.pk)
        if key not in names:
            try:
                with document.open_file() as handle:
                    data = handle.read()
            except OSError:
                return match.group(2)
            names[key] = _export_name(document, taken)
            images.append({"name": names[key], "data": data})
        src = PLUGINFILE_PREFIX + quote(names[key], safe="")
        return f'<a href="{escape(src)}">{match.group(2)}</a>'

    def replace(match):
        attrs = extract_attrs(match.group(1))
        if attrs.get("embedtype") != "image" or not attrs.get("id", "").isdigit():
            return ""
        image = found.get(int(attrs["id"]))
        if image is None:
            return ""
        key = ("image", image.pk)
        if key not in names:
            try:
                with image.open_file() as handle:
                    data = handle.read()
            except OSError:
                return ""
            names[key] = _export_name(image, taken)
            images.append({"name": names[key], "data": data})
        src = PLUGINFILE_PREFIX + quote(names[key], safe="")
        return f'<img src="{escape(src)}" alt="{escape(attrs.get("alt", ""))}">'

    text = _EMBED_TAG.sub(replace, text)
    return _LINK_TAG.sub(document_link, text), images


def question_data(question: Question, *, root: QuestionCategory | None = None) -> dict:
    """The question dict of a bank question, for export; the category path is relative to
    `root` when given. Images travel as Moodle's (`@@PLUGINFILE@@` and the files)."""
    lineage = question.category.lineage()
    if root is not None:
        start = next((i for i, c in enumerate(lineage) if c.pk == root.pk), -1)
        lineage = lineage[start:] if start >= 0 else lineage
    text, images = _text_for_export(question.text)
    return {
        "name": question.name,
        "type": question.question_type,
        "text": text,
        "max_score": float(question.max_score),
        "general_feedback": question.general_feedback,
        "category": [c.name for c in lineage],
        "category_info": [c.description for c in lineage],
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
        "images": images,
        "idnumber": question.idnumber,
        "tags": list(question.tags or []),
        "hints": list(question.hints or []),
        "penalty": float(question.penalty),
        "shuffle_answers": question.shuffle_answers,
        "correct_feedback": question.correct_feedback,
        "partially_correct_feedback": question.partially_correct_feedback,
        "incorrect_feedback": question.incorrect_feedback,
        "show_num_correct": question.show_num_correct,
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
