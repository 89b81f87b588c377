"""Course packages in the Wagtail admin, as background jobs: the import (an upload of up to
`KALAN_PACKAGE_IMPORT_MAX_SIZE`, read, checked whole, then written in one transaction) and
the export (every page, question and media file of a course, zipped).

Who may: the `packages.import_course` / `packages.export_course` permissions (editors and
administrators, migration 0002) and, per object, Wagtail's page permissions: adding under the
catalogue to import a new course or a copy, editing the course to update it in place or to
export it, publishing there to import published. They are checked when the form is shown,
when it is sent, and again when the job runs and each time its page is opened."""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import CourseIndexPage, CoursePage
from jobs.registry import JobFailed, Kind, Outcome, kind_register, upload_size_error

from .archive import PackageError, read_zip, zip_bytes
from .exporter import course_export
from .importer import course_import, package_target

IMPORT = "packages.import"
EXPORT = "packages.export"
MODE_UPDATE, MODE_COPY = "update", "copy"


def size_error(size: int) -> str | None:
    return upload_size_error(size, limit=settings.KALAN_PACKAGE_IMPORT_MAX_SIZE)


def catalogue() -> CourseIndexPage | None:
    return CourseIndexPage.objects.first()


def can_import(user) -> bool:
    """The permission, the question bank's (a package brings its questions) and the right to
    add a course under the catalogue."""
    index = catalogue()
    return (
        user.is_active
        and user.has_perms(
            ["packages.import_course", "quizzes.add_question", "quizzes.change_question"]
        )
        and index is not None
        and index.permissions_for_user(user).can_add_subpage()
    )


def can_publish(user, target: CoursePage | None) -> bool:
    """Whether `user` may import published rather than as drafts: publishing the course (the
    one updated, else a new one under the catalogue) and publishing questions."""
    if not user.has_perm("quizzes.publish_question"):
        return False
    if target is not None:
        return target.permissions_for_user(user).can_publish()
    index = catalogue()
    return index is not None and index.permissions_for_user(user).can_publish_subpage()


def can_export(user, course: CoursePage | None) -> bool:
    return (
        course is not None
        and user.is_active
        and user.has_perm("packages.export_course")
        and course.permissions_for_user(user).can_edit()
    )


def _import_label(params: dict) -> str:
    return _("Import d’une formation : %(file)s") % {"file": params.get("filename", "")}


def import_run(job, report) -> Outcome:
    owner = job.owner
    with job.upload.open("rb") as upload:
        # Checked again here: the limit keeps the task within its time and memory.
        error = size_error(upload.size)
        if error:
            raise JobFailed(error)
        try:
            files = read_zip(upload)
        except PackageError as refused:
            raise JobFailed.nothing_imported(refused.problems) from None
    copy = job.params.get("mode") == MODE_COPY
    target = None if copy else package_target(files)
    if target is not None and not target.permissions_for_user(owner).can_edit():
        raise JobFailed(
            _(
                "Ce paquet est celui de la formation « %(title)s », que vous ne pouvez pas "
                "modifier. Importez-le comme copie. Rien n’a été importé."
            )
            % {"title": target.title}
        )
    # Asked for on the form, granted only to whoever may publish there, now.
    publish = bool(job.params.get("publish")) and can_publish(owner, target)
    try:
        result = course_import(files, publish=publish, user=owner, copy=copy)
    except PackageError as refused:
        raise JobFailed.nothing_imported(refused.problems) from None
    course = result.course
    message = _(
        "« %(title)s » : %(created)d pages créées, %(updated)d mises à jour ; "
        "%(qc)d questions créées, %(qu)d mises à jour."
    ) % {
        "title": course.title,
        "created": result.created,
        "updated": result.updated,
        "qc": result.questions_created,
        "qu": result.questions_updated,
    }
    message += " " + (
        _("Publiées.")
        if result.published
        else _("En brouillon : à soumettre à la relecture (« Relecture CNDH »).")
    )
    if result.warnings:
        message += " " + " ".join(result.warnings)
    return Outcome(
        message=message,
        created=[course] if target is None else [],
        links=[
            {
                "label": _("Voir la formation dans l’explorateur"),
                "url": reverse("wagtailadmin_explore", args=[course.pk]),
            }
        ],
    )


def _export_course(params: dict) -> CoursePage | None:
    return CoursePage.objects.filter(pk=params.get("course")).first()


def _export_label(params: dict) -> str:
    return _("Export d’une formation : %(title)s") % {"title": params.get("title", "")}


def export_run(job, report) -> Outcome:
    """A job rather than a download in the request: a course carries its images and
    documents (up to the package limits, hundreds of megabytes), all read into memory and
    zipped, which must not hold a web worker; the file then waits on the job's page."""
    course = _export_course(job.params)
    if course is None:
        raise JobFailed(_("Cette formation a été supprimée entre-temps."))
    files = course_export(course)
    handle, name = tempfile.mkstemp(suffix=".zip")
    with os.fdopen(handle, "wb") as out:
        out.write(zip_bytes(files))
    return Outcome(
        message=ngettext(
            "« %(title)s » : %(n)d fichier dans le paquet.",
            "« %(title)s » : %(n)d fichiers dans le paquet.",
            len(files),
        )
        % {"title": course.title, "n": len(files)},
        path=Path(name),
        filename=f"{course.slug}.zip",
    )


def register() -> None:
    kind_register(
        Kind(
            name=IMPORT,
            label=_import_label,
            run=import_run,
            allowed=lambda user, params: can_import(user),
            back_url=lambda params: reverse("packages:import"),
        )
    )
    kind_register(
        Kind(
            name=EXPORT,
            label=_export_label,
            run=export_run,
            allowed=lambda user, params: can_export(user, _export_course(params)),
            back_url=lambda params: reverse("packages:export", args=[params["course"]]),
        )
    )
