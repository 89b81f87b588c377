"""The question import of the Wagtail admin as a background job: a 1.7 MB GIFT file once held
a web worker and a transaction for 16 minutes. The upload is capped in size, the file in
questions, and the import stays all or nothing, its errors listed question by question."""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jobs.registry import JobFailed, Kind, Outcome, kind_register, upload_size_error

from .bank import ImportRefused, category_questions, question_data, questions_import
from .formats import EXTENSIONS, FORMATS, format_module
from .interop import export_file
from .models import QuestionCategory

IMPORT = "quizzes.import"
EXPORT = "quizzes.export"


def size_error(size: int) -> str | None:
    return upload_size_error(size, limit=settings.KALAN_QUESTION_IMPORT_MAX_SIZE)


def _allowed(user, params: dict) -> bool:
    return user.has_perm("quizzes.add_question")


def _label(params: dict) -> str:
    return _("Import de questions : %(file)s") % {"file": params.get("filename", "")}


def import_run(job, report) -> Outcome:
    from .interop import ImportFormatError

    root = None
    if job.params.get("category"):
        root = QuestionCategory.objects.filter(pk=job.params["category"]).first()
        if root is None:
            raise JobFailed(_("La catégorie d’accueil a été supprimée entre-temps. Relancez."))
    with job.upload.open("rb") as upload:
        # Checked again here: the file reached the storage through a form, but the limit is
        # what keeps this task within its time, so the task does not trust anybody on it.
        error = size_error(upload.size)
        if error:
            raise JobFailed(error)
        data = upload.read()
    try:
        parsed = format_module(job.params["format"]).parse(data)
    except ImportFormatError as problem:
        raise JobFailed(_("Rien n’a été importé."), errors=[str(problem)]) from None
    found = len(parsed.questions) + len(parsed.errors) + len(parsed.skipped)
    limit = settings.KALAN_QUESTION_IMPORT_MAX_QUESTIONS
    if found > limit:
        raise JobFailed(
            _(
                "Le fichier contient %(found)d questions, au-delà de la limite de %(limit)d "
                "par import. Découpez-le en plusieurs fichiers. Rien n’a été importé."
            )
            % {"found": found, "limit": limit}
        )
    # No progress inside: the import is one transaction (all or nothing), and what it
    # writes is invisible to the progress page until it commits.
    try:
        # The owner's rights decide: live at once for a reviewer or an administrator, drafts
        # submitted to « Relecture CNDH » for an editor.
        summary = questions_import(parsed=parsed, root=root, user=job.owner)
    except ImportRefused as refused:
        raise JobFailed.nothing_imported(refused.errors) from None
    message = ngettext(
        "%(n)d question importée.", "%(n)d questions importées.", len(summary.created)
    ) % {"n": len(summary.created)}
    if summary.published:
        message += " " + _("Elles sont publiées : les quiz peuvent les tirer.")
    elif summary.submitted:
        message += " " + _(
            "Ce sont des brouillons, soumis à la relecture : les quiz ne les tireront qu’une "
            "fois approuvées."
        )
    if summary.skipped:
        message += " " + _("Ignorées (type non pris en charge) : %(names)s.") % {
            "names": ", ".join(summary.skipped)
        }
    if summary.warnings:
        message += " " + ngettext(
            "%(n)d élément du fichier n’est pas repris ; il est nommé ci-dessous.",
            "%(n)d éléments du fichier ne sont pas repris ; ils sont nommés ci-dessous.",
            len(summary.warnings),
        ) % {"n": len(summary.warnings)}
    return Outcome(message=message, created=summary.questions, errors=summary.warnings)


def _export_allowed(user, params: dict) -> bool:
    return user.has_perm("quizzes.view_question")


def _export_label(params: dict) -> str:
    return _("Export de questions (%(format)s) : %(category)s") % {
        "format": FORMATS.get(params.get("format"), ""),
        "category": params.get("category_name", ""),
    }


def export_run(job, report) -> Outcome:
    """A whole category, sub-categories included: thousands of questions can take a while
    (each one's category path is read), so this runs in a job too."""
    category = QuestionCategory.objects.filter(pk=job.params["category"]).first()
    if category is None:
        raise JobFailed(_("Cette catégorie a été supprimée entre-temps."))
    questions = category_questions(category)
    if not questions:
        raise JobFailed(_("Cette catégorie n’a aucune question."))
    data = []
    for number, question in enumerate(questions, start=1):
        data.append(question_data(question, root=category))
        if number % 200 == 0:
            report(number, len(questions))
    fmt = job.params["format"]
    result = export_file(format_module(fmt), data)
    handle, name = tempfile.mkstemp(suffix=f".{EXTENSIONS[fmt]}")
    with os.fdopen(handle, "wb") as out:
        out.write(result.data)
    return Outcome(
        # What the file holds, and what it could not hold and why.
        message=result.summary(),
        path=Path(name),
        filename=f"{slugify(category.name) or 'questions'}.{EXTENSIONS[fmt]}",
    )


def register() -> None:
    kind_register(
        Kind(
            name=EXPORT,
            label=_export_label,
            run=export_run,
            allowed=_export_allowed,
            back_url=lambda params: reverse("question_bank:import"),
        )
    )
    kind_register(
        Kind(
            name=IMPORT,
            label=_label,
            run=import_run,
            allowed=_allowed,
            back_url=lambda params: reverse("question_bank:import"),
        )
    )
