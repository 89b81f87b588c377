"""manage.py course_export COURSE DEST: a course of the site as a package."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from courses.models import CoursePage
from packages.archive import write_package
from packages.exporter import course_export


class Command(BaseCommand):
    help = _("Exporte une formation en paquet (dossier, ou archive si DEST finit par .zip).")

    def add_arguments(self, parser):
        parser.add_argument("course", help=_("Adresse (slug) ou numéro de la formation."))
        parser.add_argument("destination", help=_("Dossier ou fichier .zip à écrire."))

    def handle(self, *args, course, destination, **options):
        query = CoursePage.objects.filter(slug=course)
        if course.isdigit():
            query = CoursePage.objects.filter(pk=int(course))
        page = query.first()
        if page is None:
            raise CommandError(_("Formation « %(c)s » introuvable.") % {"c": course})
        files = course_export(page)
        write_package(files, Path(destination))
        self.stdout.write(
            _("%(n)d fichiers écrits dans %(dest)s.") % {"n": len(files), "dest": destination}
        )
