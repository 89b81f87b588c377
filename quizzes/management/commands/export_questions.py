import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from quizzes.bank import category_questions, question_data
from quizzes.formats import FORMATS, format_module
from quizzes.models import QuestionCategory


class Command(BaseCommand):
    help = _("Exporte une catégorie (et ses sous-catégories) en GIFT ou Moodle XML.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--category", required=True, help=_("Chemin, ex. « Garde à vue/Droits »")
        )
        parser.add_argument("--format", choices=list(FORMATS), required=True)
        parser.add_argument(
            "-o", "--output", help=_("Fichier de sortie (sinon la sortie standard)")
        )

    def handle(self, *args, category, format, output=None, **options):
        names = [part.strip() for part in category.replace("›", "/").split("/") if part.strip()]
        node = None
        for name in names:
            node = QuestionCategory.objects.filter(name=name, parent=node).first()
            if node is None:
                raise CommandError(_("Catégorie introuvable : %(path)s") % {"path": category})
        if node is None:
            raise CommandError(_("Indiquez une catégorie."))
        data = [question_data(q, root=node) for q in category_questions(node)]
        content = format_module(format).export(data)
        if output:
            with open(output, "wb") as handle:
                handle.write(content)
        else:
            sys.stdout.buffer.write(content)
        self.stderr.write(_("%(n)d question(s) exportée(s).") % {"n": len(data)})
