"""Creates the Ed25519 key that signs the Open Badges credentials (settings.KALAN_OB3_KEY_PATH).
`make run` calls it with --if-missing, so a fresh machine gets a key and an old one keeps its."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from certificates.openbadges import keys
from certificates.openbadges.multibase import multikey_encode


class Command(BaseCommand):
    help = _(
        "Crée la clé Ed25519 qui signe les badges Open Badges 3.0 (KALAN_OB3_KEY_PATH) et "
        "affiche sa clé publique."
    )

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument(
            "--force",
            action="store_true",
            help=_("Remplace une clé existante : les badges déjà délivrés ne seront plus valides."),
        )
        group.add_argument(
            "--if-missing",
            action="store_true",
            help=_("Ne fait rien si la clé existe déjà (à part l’afficher)."),
        )

    def handle(self, *args, force=False, if_missing=False, **options):
        path = keys.key_path()
        try:
            if if_missing and path.exists():
                # Loaded rather than just found: a damaged file must stop `make run` here.
                key = keys.private_key_load(path)
                self.stdout.write(_("Clé Open Badges existante : %(path)s") % {"path": path})
            else:
                key = keys.key_generate(path=path, force=force)
                self.stdout.write(
                    self.style.SUCCESS(_("Clé Open Badges créée : %(path)s") % {"path": path})
                )
        except keys.SigningKeyError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            _("Clé publique (publicKeyMultibase) : %(key)s")
            % {"key": multikey_encode(key.public_key())}
        )
