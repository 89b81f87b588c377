import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from accounts.importers import parse_learners_csv
from accounts.services import LearnersImportRefused, learners_import
from jobs.spreadsheets import cell_escape


class Command(BaseCommand):
    help = _(
        "Crée ou met à jour des apprenants et leurs unités depuis un CSV (matricule, nom_complet, "
        "grade, unite, email, telephone). Tout ou rien : une seule ligne invalide et rien "
        "n'est écrit."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("Fichier CSV (UTF-8, séparateur , ou ;)"))
        parser.add_argument(
            "--passwords-out",
            help=_(
                "Écrit dans ce fichier CSV un mot de passe initial pour chaque compte créé. "
                "Sans cette option, les nouveaux comptes n'ont pas de mot de passe utilisable."
            ),
        )

    def _fail(self, errors):
        for line, reason in errors:
            where = _("ligne %(line)d") % {"line": line} if line else _("fichier")
            self.stderr.write(f"{where} : {reason}")
        raise CommandError(
            _("%(count)d erreur(s) : aucun apprenant n'a été importé.") % {"count": len(errors)}
        )

    def handle(self, *args, file, passwords_out=None, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("Fichier introuvable : %(path)s") % {"path": file})
        parsed = parse_learners_csv(path.read_bytes())
        if parsed.errors:
            self._fail(parsed.errors)
        try:
            summary = learners_import(rows=parsed.rows, set_passwords=bool(passwords_out))
        except LearnersImportRefused as refused:
            self._fail(refused.errors)
        if passwords_out and summary.passwords:
            with open(passwords_out, "w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out)
                writer.writerow(["matricule", "mot_de_passe"])
                writer.writerows(
                    [cell_escape(matricule), cell_escape(password)]
                    for matricule, password in sorted(summary.passwords.items())
                )
        self.stdout.write(
            _(
                "Import terminé : %(created)d créé(s), %(updated)d mis à jour, "
                "%(unchanged)d inchangé(s), %(units)d unité(s) créée(s)."
            )
            % {
                "created": len(summary.created),
                "updated": len(summary.updated),
                "unchanged": len(summary.unchanged),
                "units": summary.units_created,
            }
        )
