"""The learners import of the Wagtail admin as a background job: the same parser and service
as `manage.py import_learners`, all or nothing, with every error listed with its line.

Initial passwords, when asked for, are written to a CSV that only the job's owner downloads,
once: the file is deleted from the storage as it is served, and with the job when it expires."""

import csv
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from jobs.registry import JobFailed, Kind, Outcome, kind_register, upload_size_error
from jobs.spreadsheets import cell_escape

from .importers import parse_learners_csv, rows_place_under
from .models import Unit
from .services import LearnersImportRefused, learners_import

IMPORT = "accounts.import"
PERMISSIONS = ("accounts.add_user", "accounts.change_user", "accounts.add_unit")
PASSWORDS_FILENAME = "mots-de-passe-initiaux.csv"


def can_import(user) -> bool:
    """Administrators: the import creates and changes accounts, and creates units."""
    return user.is_active and user.has_perms(PERMISSIONS)


def size_error(size: int) -> str | None:
    return upload_size_error(size, limit=settings.KALAN_LEARNER_IMPORT_MAX_SIZE)


def _label(params: dict) -> str:
    return _("Import d’apprenants : %(file)s") % {"file": params.get("filename", "")}


def _errors(errors: list[tuple[int, str]]) -> JobFailed:
    lines = [
        (_("Ligne %(line)d : %(reason)s") % {"line": line, "reason": reason})
        if line
        else str(reason)
        for line, reason in errors
    ]
    return JobFailed.nothing_imported(lines)


def import_run(job, report) -> Outcome:
    unit = None
    if job.params.get("unit"):
        unit = Unit.objects.filter(pk=job.params["unit"]).first()
        if unit is None:
            raise JobFailed(_("L’unité d’accueil a été supprimée entre-temps. Relancez."))
    with job.upload.open("rb") as upload:
        # Checked again here: the limit keeps this task within its time, so the task does not
        # trust the form on it.
        error = size_error(upload.size)
        if error:
            raise JobFailed(error)
        data = upload.read()
    parsed = parse_learners_csv(
        data, unit_optional=unit is not None, max_rows=settings.KALAN_LEARNER_IMPORT_MAX_ROWS
    )
    if parsed.errors:
        raise _errors(parsed.errors)
    if unit is not None:
        too_deep = rows_place_under(parsed.rows, unit=unit)
        if too_deep:
            raise _errors(too_deep)
    # No progress inside: the import is one transaction, invisible until it commits.
    try:
        summary = learners_import(
            rows=parsed.rows, set_passwords=bool(job.params.get("passwords")), unit=unit
        )
    except LearnersImportRefused as refused:
        raise _errors(refused.errors) from None
    message = _(
        "Import terminé : %(created)d créé(s), %(updated)d mis à jour, "
        "%(unchanged)d inchangé(s), %(units)d unité(s) créée(s)."
    ) % {
        "created": len(summary.created),
        "updated": len(summary.updated),
        "unchanged": len(summary.unchanged),
        "units": summary.units_created,
    }
    if not summary.passwords:
        return Outcome(message=message)
    message += " " + _(
        "Les mots de passe initiaux des nouveaux comptes se téléchargent une seule fois, "
        "ci-dessous : remettez-les en main propre."
    )
    handle, name = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(handle, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["matricule", "mot_de_passe"])
        writer.writerows(
            [cell_escape(matricule), cell_escape(password)]
            for matricule, password in sorted(summary.passwords.items())
        )
    return Outcome(message=message, path=Path(name), filename=PASSWORDS_FILENAME)


def register() -> None:
    kind_register(
        Kind(
            name=IMPORT,
            label=_label,
            run=import_run,
            allowed=lambda user, params: can_import(user),
            back_url=lambda params: reverse("learners_import:index"),
            download_once=True,
        )
    )
