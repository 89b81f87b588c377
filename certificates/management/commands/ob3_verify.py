"""Checks an Open Badges credential file as a verifier would, with the platform's own key and
database: proof, issuer and key binding, type, validity dates, then revocation (the bit its
credentialStatus names in Kalan's status list, or, for a badge from before status lists, the
certificate behind its id).

Exit status: 0 valid, 1 invalid or unverifiable, 2 revoked."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from certificates import services
from certificates.models import Certificate, verification_code_normalise
from certificates.openbadges import keys
from certificates.openbadges.credential import credential_check, status_entry_parse
from certificates.openbadges.errors import OpenBadgeError
from certificates.openbadges.proof import MAX_DOCUMENT_BYTES, document_parse, xsd_datetime

EXIT_REVOKED = 2


def certificate_for_credential_id(credential_id) -> Certificate | None:
    """The certificate whose public verification URL is `credential_id`, if it is one of ours."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    if not isinstance(credential_id, str) or not credential_id.startswith(base + "/"):
        return None
    try:
        match = resolve(credential_id[len(base) :])
    except Resolver404:
        return None
    if match.view_name != "certificates:verify_code":
        return None
    code = verification_code_normalise(match.kwargs["code"])
    return Certificate.objects.filter(code=code).first()


class Command(BaseCommand):
    help = _(
        "Vérifie un badge Open Badges 3.0 (fichier JSON) : preuve, émetteur, dates et "
        "révocation. Code de sortie : 0 valide, 1 invalide, 2 révoqué."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("Le fichier JSON du badge."))

    def handle(self, *args, file, **options):
        try:
            with open(file, "rb") as stream:
                # One byte over the cap is enough to refuse: never read an unbounded file.
                raw = stream.read(MAX_DOCUMENT_BYTES + 1)
        except OSError as exc:
            raise CommandError(
                _("Lecture impossible de %(file)s : %(error)s")
                % {"file": file, "error": exc.strerror}
            ) from exc
        try:
            document = document_parse(raw)
            credential_check(
                document,
                public_key=keys.private_key_load().public_key(),
                base_url=settings.WAGTAILADMIN_BASE_URL,
            )
        except OpenBadgeError as exc:
            raise CommandError(_("Badge invalide : %(error)s") % {"error": exc}) from exc

        # The proof holds; revocation is known only to the database behind the credential's id.
        certificate = certificate_for_credential_id(document.get("id"))
        if certificate is None:
            raise CommandError(
                _(
                    "Signature valide, mais aucune attestation de cette plateforme ne correspond "
                    "à l’identifiant %(id)s : statut de révocation inconnu."
                )
                % {"id": document.get("id")}
            )
        facts = {
            "serial": certificate.serial,
            "holder": certificate.learner_name,
            "course": certificate.course_title,
        }
        entry = status_entry_parse(document, base_url=settings.WAGTAILADMIN_BASE_URL)
        if entry is not None:
            number, index = entry
            if (certificate.status_list_id, certificate.status_index) != (number, index):
                raise CommandError(
                    _("Badge invalide : son statut ne désigne pas l’attestation %(serial)s.")
                    % facts
                )
            revoked = services.status_is_revoked(number=number, index=index)
        else:
            revoked = not certificate.is_valid
        if revoked:
            raise CommandError(
                _("Badge révoqué le %(date)s (attestation %(serial)s, %(holder)s, « %(course)s »).")
                % {**facts, "date": xsd_datetime(certificate.revoked_at)},
                returncode=EXIT_REVOKED,
            )
        self.stdout.write(
            self.style.SUCCESS(
                _("Badge valide : attestation %(serial)s, %(holder)s, « %(course)s », du %(date)s.")
                % {**facts, "date": xsd_datetime(certificate.issued_at)}
            )
        )
