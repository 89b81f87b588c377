"""A Kalan certificate as an Open Badges 3.0 credential (OpenBadgeCredential), shaped like
1EdTech's own example, and the issuer profile that publishes the verification key.

Everything about the learner and the course comes from the certificate's snapshots, so the
credential says what the PDF says, whatever happened to the account or the course since.

`proof` is a one-item array (issue 17 point 3). VC 2.0 allows one proof or a set, and
Digital Bazaar's verifier accepts both forms of the same signature; 1EdTech's JSON Schema is
what decides. The schema published for OB 3.0 (`…/schema/json/ob_v3p0_achievementcredential_
schema.json`) requires an array, as 1EdTech/openbadges-specification issue #473 reports
(2025, the maintainers point to separate JSON-LD schemas that accept the compacted object);
so did the first generated variant in that repository (`docs/schema/achievementcredential.json`
at f57e1832, vendored under certificates/tests/ob3_schema/), while the later VC 1.1 variant
(e0fdb03d) accepts either. The array is the only form valid under all of them. Kalan's own
verifier (`proof.verify`, `credential_check`, `manage.py ob3_verify`) accepts the object too,
so badges downloaded before this change still verify: the proof's form is not signed."""

from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import Certificate
from ..services import branding_get
from . import status
from .errors import VerificationError
from .loader import CREDENTIALS_V2, MULTIKEY_V1, OB_V3P0_CONTEXT, SECURITY_V2
from .multibase import multikey_encode
from .proof import sign, verify, xsd_datetime

CONTEXT = [CREDENTIALS_V2, OB_V3P0_CONTEXT]
# The profile is JSON-LD too, so that a verifier in JSON-LD safe mode (Digital Bazaar's)
# finds every term: security/v2 defines verificationMethod, assertionMethod and controller,
# multikey/v1 the Multikey key (see contexts/SOURCES.md).
PROFILE_CONTEXT = [CREDENTIALS_V2, OB_V3P0_CONTEXT, SECURITY_V2, MULTIKEY_V1]
CREDENTIAL_TYPES = ["VerifiableCredential", "OpenBadgeCredential"]
# One key so far. Rotating it would mean a new fragment (#cle-2) listed beside this one in the
# profile, so that the credentials signed with the old key keep verifying.
KEY_FRAGMENT = "cle-1"


def _base(base_url: str) -> str:
    return base_url.rstrip("/")


def issuer_url(*, base_url: str) -> str:
    return _base(base_url) + reverse("certificates:issuer")


def key_id(*, base_url: str) -> str:
    """The proofs' verificationMethod: a fragment of the issuer profile, which holds the key."""
    return f"{issuer_url(base_url=base_url)}#{KEY_FRAGMENT}"


def credential_url(certificate: Certificate, *, base_url: str) -> str:
    """The credential's id is its public verification page (services.verify_url_for), which
    also answers JSON: a verifier checks revocation there."""
    return _base(base_url) + reverse("certificates:verify_code", args=[certificate.code_display])


def status_list_url(number: int, *, base_url: str) -> str:
    return _base(base_url) + reverse("certificates:status_list", args=[number])


def achievement_url(course_id: int, *, base_url: str) -> str:
    return f"{issuer_url(base_url=base_url)}#formation-{course_id}"


def issuer_build(*, base_url: str, organisation: str) -> dict:
    return {
        "id": issuer_url(base_url=base_url),
        "type": ["Profile"],
        "name": organisation,
        "url": _base(base_url) + "/",
    }


def credential_build(certificate: Certificate, *, base_url: str) -> dict:
    """The unsigned credential. Every key is defined by credentials/v2 or context-3.0.3 (the
    guard refuses anything else); the learner is named through an IdentityObject because
    AchievementSubject has no `name`, and Kalan learners have no DID to put in `id`.

    `credentialStatus` points at the certificate's bit in its status list once it has one
    (`services.status_entry_ensure`, which the download view calls first)."""
    # The platform's language, not the request's: the same certificate always gives the same
    # signed bytes, whoever downloads it.
    with translation.override(settings.LANGUAGE_CODE):
        description = _("Attestation de réussite de la formation en ligne « %(course)s ».") % {
            "course": certificate.course_title
        }
        narrative = _(
            "Avoir terminé la formation sur la plateforme Kalan selon sa règle d’achèvement : "
            "toutes les leçons lues et, si la formation l’exige, les quiz obligatoires réussis."
        )
    document = {
        "@context": list(CONTEXT),
        "id": credential_url(certificate, base_url=base_url),
        "type": list(CREDENTIAL_TYPES),
        "name": certificate.course_title,
        "issuer": issuer_build(base_url=base_url, organisation=branding_get().organisation),
        "validFrom": xsd_datetime(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": certificate.learner_name,
                    "identityType": "name",
                    "hashed": False,
                }
            ],
            "achievement": {
                "id": achievement_url(certificate.course_id, base_url=base_url),
                "type": ["Achievement"],
                "name": certificate.course_title,
                "description": description,
                "criteria": {"narrative": narrative},
            },
        },
    }
    if certificate.status_list_id is not None:
        document["credentialStatus"] = status.entry_build(
            list_url=status_list_url(certificate.status_list_id, base_url=base_url),
            index=certificate.status_index,
        )
    return document


def credential_sign(
    certificate: Certificate, *, base_url: str, private_key: Ed25519PrivateKey
) -> dict:
    """The signed credential. `created` is the issue time, so every download of one
    certificate gives the same bytes (Ed25519 signatures are deterministic)."""
    return sign(
        credential_build(certificate, base_url=base_url),
        private_key,
        key_id(base_url=base_url),
        certificate.issued_at,
    )


def status_list_sign(
    *,
    number: int,
    length: int,
    revoked_indexes,
    changed_at: datetime,
    base_url: str,
    private_key: Ed25519PrivateKey,
) -> dict:
    """The signed BitstringStatusListCredential of list `number`, with the badges' key and
    proof code. validFrom and `created` are the list's last change, so the same bits always
    give the same bytes (an ETag holds until the next revocation)."""
    document = status.list_credential_build(
        list_url=status_list_url(number, base_url=base_url),
        issuer=issuer_url(base_url=base_url),
        valid_from=xsd_datetime(changed_at),
        length=length,
        set_indexes=revoked_indexes,
    )
    return sign(document, private_key, key_id(base_url=base_url), changed_at)


def issuer_profile_build(*, base_url: str, organisation: str, public_key: Ed25519PublicKey):
    """The issuer's Profile as JSON-LD, with its key as a Multikey verification method (the
    shape of a W3C controlled identifier document: verificationMethod + assertionMethod).
    Each key is a fragment of this document (`#cle-1`), which a verifier's document loader
    dereferences; a rotated key would be listed beside the old one, so that the badges it
    signed keep verifying."""
    method = key_id(base_url=base_url)
    return {
        "@context": list(PROFILE_CONTEXT),
        **issuer_build(base_url=base_url, organisation=organisation),
        "verificationMethod": [
            {
                "id": method,
                "type": "Multikey",
                "controller": issuer_url(base_url=base_url),
                "publicKeyMultibase": multikey_encode(public_key),
            }
        ],
        "assertionMethod": [method],
    }


def _parse_datetime(value, field: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise VerificationError(_("Date « %(field)s » invalide.") % {"field": field}) from exc
    if moment.tzinfo is None:
        raise VerificationError(_("Date « %(field)s » sans fuseau horaire.") % {"field": field})
    return moment


def status_entry_parse(document: dict, *, base_url: str) -> tuple[int, int] | None:
    """(list number, index) of a verified Kalan credential's `credentialStatus`, None when it
    has none (badges downloaded before status lists existed). Anything else than one
    revocation entry in one of Kalan's lists is refused."""
    entry = document.get("credentialStatus")
    if entry is None:
        return None
    invalid = VerificationError(_("Statut de révocation (credentialStatus) invalide."))
    if not isinstance(entry, dict):
        raise invalid
    if (
        entry.get("type") != status.ENTRY_TYPE
        or entry.get("statusPurpose") != status.STATUS_PURPOSE
    ):
        raise invalid
    index = entry.get("statusListIndex")
    list_url = entry.get("statusListCredential")
    if not (isinstance(index, str) and index.isascii() and index.isdigit()):
        raise invalid
    prefix = _base(base_url) + "/certificats/statut/"
    if not (isinstance(list_url, str) and list_url.startswith(prefix) and list_url.endswith("/")):
        raise invalid
    number = list_url[len(prefix) : -1]
    if not (number.isascii() and number.isdigit()) or list_url != status_list_url(
        int(number), base_url=base_url
    ):
        raise invalid
    if entry.get("id") != f"{list_url}#{int(index)}":
        raise invalid
    return int(number), int(index)


def credential_check(
    document: dict,
    *,
    public_key: Ed25519PublicKey,
    base_url: str,
    now: datetime | None = None,
) -> dict:
    """Everything a verifier of a Kalan credential checks, except revocation: the proof with
    the platform's key, that the proof names the issuer's own key, the types, the validity
    period and the shape of `credentialStatus` (the caller reads the bit it names, see
    `services.status_is_revoked`). Policy reads the document only after `verify`, so only
    signed values drive it."""
    proof = verify(document, public_key)
    if document.get("@context") != CONTEXT:
        # Other contexts could map the same RDF from different JSON: accept only ours.
        raise VerificationError(_("Contextes JSON-LD inattendus pour un badge Kalan."))
    types = document.get("type")
    types = types if isinstance(types, list) else [types]
    if not set(CREDENTIAL_TYPES) <= set(types):
        raise VerificationError(_("Ce document n’est pas un badge Open Badges 3.0."))
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if issuer_id != issuer_url(base_url=base_url):
        raise VerificationError(
            _("Émetteur inattendu : %(issuer)s.") % {"issuer": issuer_id or "—"}
        )
    if proof["verificationMethod"] != key_id(base_url=base_url):
        raise VerificationError(_("La preuve n’a pas été faite avec la clé de cet émetteur."))
    now = now or datetime.now(UTC)
    if _parse_datetime(document.get("validFrom"), "validFrom") > now:
        raise VerificationError(_("Ce badge n’est pas encore valide (validFrom)."))
    if "validUntil" in document and _parse_datetime(document["validUntil"], "validUntil") < now:
        raise VerificationError(_("Ce badge a expiré (validUntil)."))
    status_entry_parse(document, base_url=base_url)
    return document
