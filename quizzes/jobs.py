"""The question import of the Wagtail admin as a background job: a 1.7 MB GIFT file once held
a web worker and a transaction for 16 minutes. The upload is capped in size, the file in
questions, and the import stays all or nothing, its errors listed question by question."""

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jobs.registry import JobFailed, Kind, Outcome, kind_register

from .bank import ImportRefused, questions_import
from .formats import format_module
from .models import QuestionCategory

IMPORT = "quizzes.import"


def size_error(size: int) -> str | None:
    limit = settings.KALAN_QUESTION_IMPORT_MAX_SIZE
    if size > limit:
        return _("Le fichier pèse %(size)s : la limite est de %(limit)s. Découpez-le.") % {
            "size": filesizeformat(size),
            "limit": filesizeformat(limit),
        }
    return None


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
        summary = questions_import(parsed=parsed, root=root)
    except ImportRefused as refused:
        raise JobFailed(
            ngettext(
                "Rien n’a été importé : %(n)d erreur.",
                "Rien n’a été importé : %(n)d erreurs.",
                len(refused.errors),
            )
            % {"n": len(refused.errors)},
            errors=refused.errors,
        ) from None
    message = ngettext(
        "%(n)d question importée.", "%(n)d questions importées.", len(summary.created)
    ) % {"n": len(summary.created)}
    if summary.skipped:
        message += " " + _("Ignorées (type non pris en charge) : %(names)s.") % {
            "names": ", ".join(summary.skipped)
        }
    return Outcome(message=message)


def register() -> None:
    kind_register(
        Kind(
            name=IMPORT,
            label=_label,
            run=import_run,
            allowed=_allowed,
            back_url=lambda params: reverse("quizzes_admin_import"),
        )
    )
