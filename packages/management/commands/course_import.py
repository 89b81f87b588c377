"""manage.py course_import PATH: a package (folder or zip) into the site, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from packages.archive import PackageError, read_package
from packages.importer import course_import


class Command(BaseCommand):
    help = _("Importe une formation depuis un paquet (dossier ou zip). Tout ou rien.")

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("Dossier du paquet ou archive .zip."))
        parser.add_argument(
            "--publish",
            action="store_true",
            help=_("Publie les pages au lieu de les laisser en brouillon pour la relecture."),
        )
        parser.add_argument(
            "--copy",
            action="store_true",
            help=_("Importe une copie (nouvel identifiant) au lieu de mettre à jour."),
        )

    def handle(self, *args, path, publish=False, copy=False, **options):
        try:
            result = course_import(read_package(Path(path)), publish=publish, copy=copy)
        except PackageError as error:
            raise CommandError(
                _("Rien n’a été importé :") + "\n" + "\n".join(error.problems)
            ) from None
        self.stdout.write(
            _(
                "« %(title)s » : %(created)d pages créées, %(updated)d mises à jour ; "
                "%(qc)d questions créées, %(qu)d mises à jour."
            )
            % {
                "title": result.course.title,
                "created": result.created,
                "updated": result.updated,
                "qc": result.questions_created,
                "qu": result.questions_updated,
            }
        )
        self.stdout.write(
            _("Publiées.") if result.published else _("En brouillon : à soumettre à la relecture.")
        )
        for warning in result.warnings:
            self.stdout.write(warning)
