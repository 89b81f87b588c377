import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from quizzes.bank import category_questions, question_data
from quizzes.formats import FORMATS, format_module
from quizzes.interop import export_file
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
        # What the file holds, and what it could not hold and why: the count is that of the
        # file, not of the category.
        result = export_file(format_module(format), data)
        if output:
            with open(output, "wb") as handle:
                handle.write(result.data)
        else:
            sys.stdout.buffer.write(result.data)
        self.stderr.write(result.summary())
