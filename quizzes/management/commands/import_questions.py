from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from quizzes.bank import ImportRefused, questions_import
from quizzes.formats import FORMATS, category_from_path, format_module


class Command(BaseCommand):
    help = _(
        "Importe des questions depuis un fichier GIFT ou Moodle XML. Tout ou rien : une question "
        "invalide et rien n'est importé ; les types non pris en charge sont ignorés et listés."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=list(FORMATS), required=True)
        parser.add_argument(
            "--category", default="", help=_("Catégorie d'accueil, ex. « Garde à vue/Droits »")
        )

    def handle(self, *args, file, format, category, **options):
        from quizzes.interop import ImportFormatError

        path = Path(file)
        if not path.is_file():
            raise CommandError(_("Fichier introuvable : %(path)s") % {"path": file})
        try:
            parsed = format_module(format).parse(path.read_bytes())
        except ImportFormatError as error:
            raise CommandError(str(error)) from error
        try:
            with transaction.atomic():
                # Whoever runs this command runs the server: the questions go live at once.
                summary = questions_import(
                    parsed=parsed, root=category_from_path(category), publish=True
                )
        except ImportRefused as refused:
            for error in refused.errors:
                self.stderr.write(error)
            raise CommandError(
                _("%(n)d erreur(s) : aucune question n'a été importée.")
                % {"n": len(refused.errors)}
            ) from refused
        for warning in summary.warnings:
            self.stdout.write(_("Non repris : %(what)s") % {"what": warning})
        for name in summary.skipped:
            self.stdout.write(_("Ignorée (type non pris en charge) : %(name)s") % {"name": name})
        self.stdout.write(
            _("Import terminé : %(n)d question(s), %(c)d catégorie(s) créée(s), %(s)d ignorée(s).")
            % {"n": len(summary.created), "c": summary.categories, "s": len(summary.skipped)}
        )
