"""Revocation published the W3C way: Bitstring Status List v1.0
(https://www.w3.org/TR/vc-bitstring-status-list/).

Each badge carries a `credentialStatus` of type BitstringStatusListEntry that names a bit
(`statusListIndex`) in a list credential that Kalan serves and signs with the badge's own
key. A set bit means revoked. This module is pure: the bits come from the database through
`certificates.services`, the URLs from `credential`.

Chosen over 1EdTech's `1EdTechRevocationList`: the W3C method is a Recommendation of the VC
2.0 family, its terms are in credentials/v2 (no extra context), standard verifiers check it
(Digital Bazaar's `vc-bitstring-status-list`), and the list says nothing about who is revoked
(one bit among 131,072, where 1EdTech's list names the revoked credentials' ids)."""

import base64
import gzip
import zlib

from django.utils.translation import gettext as _

from .errors import OpenBadgeError

ENTRY_TYPE = "BitstringStatusListEntry"
LIST_TYPE = "BitstringStatusList"
LIST_CREDENTIAL_TYPES = ["VerifiableCredential", "BitstringStatusListCredential"]
STATUS_PURPOSE = "revocation"
MULTIBASE_BASE64URL = "u"
# A decoded list larger than this is refused (a gzip bomb would otherwise fill the memory):
# 16 MB is 128 times the 131,072-bit lists Kalan publishes.
MAX_DECODED_BYTES = 16 * 1024 * 1024


def list_encode(*, length: int, set_indexes) -> str:
    """`encodedList`: the bitstring, GZIP-compressed, as multibase base64url without padding.
    Bit 0 is the most significant bit of the first byte (the specification's left-to-right
    order). GZIP's timestamp is 0, so the same bits always give the same string."""
    if length <= 0 or length % 8:
        raise OpenBadgeError(_("La longueur d’une liste de statut est un multiple de 8."))
    bits = bytearray(length // 8)
    for index in set_indexes:
        if not 0 <= index < length:
            raise OpenBadgeError(
                _("Rang %(index)s hors de la liste de statut (0 à %(last)s).")
                % {"index": index, "last": length - 1}
            )
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return MULTIBASE_BASE64URL + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode()


def list_decode(encoded: str) -> bytes:
    """The bitstring of an `encodedList`, refused when it is not multibase base64url GZIP or
    when it would decompress past MAX_DECODED_BYTES."""
    if not isinstance(encoded, str) or not encoded.startswith(MULTIBASE_BASE64URL):
        raise OpenBadgeError(_("Liste de statut illisible : préfixe multibase « u » attendu."))
    body = encoded[1:]
    try:
        compressed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        # wbits 16 + MAX_WBITS: a GZIP header and trailer, as the specification requires.
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        bits = inflater.decompress(compressed, MAX_DECODED_BYTES + 1)
    except (ValueError, zlib.error) as exc:
        raise OpenBadgeError(
            _("Liste de statut illisible : ce n’est pas du GZIP en base64url.")
        ) from exc
    if len(bits) > MAX_DECODED_BYTES or inflater.unconsumed_tail:
        raise OpenBadgeError(_("Liste de statut refusée : trop grande une fois décompressée."))
    if not inflater.eof:
        raise OpenBadgeError(_("Liste de statut illisible : données GZIP tronquées."))
    return bits


def bit_is_set(bits: bytes, index: int) -> bool:
    if not 0 <= index < len(bits) * 8:
        raise OpenBadgeError(
            _("Rang %(index)s hors de la liste de statut (0 à %(last)s).")
            % {"index": index, "last": len(bits) * 8 - 1}
        )
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def entry_build(*, list_url: str, index: int) -> dict:
    """The badge's `credentialStatus` (statusListIndex is a string, as the spec writes it)."""
    return {
        "id": f"{list_url}#{index}",
        "type": ENTRY_TYPE,
        "statusPurpose": STATUS_PURPOSE,
        "statusListIndex": str(index),
        "statusListCredential": list_url,
    }


def list_credential_build(
    *, list_url: str, issuer: str, valid_from: str, length: int, set_indexes
) -> dict:
    """The unsigned BitstringStatusListCredential. credentials/v2 defines every term."""
    from .loader import CREDENTIALS_V2

    return {
        "@context": [CREDENTIALS_V2],
        "id": list_url,
        "type": list(LIST_CREDENTIAL_TYPES),
        "issuer": issuer,
        "validFrom": valid_from,
        "credentialSubject": {
            "id": f"{list_url}#liste",
            "type": LIST_TYPE,
            "statusPurpose": STATUS_PURPOSE,
            "encodedList": list_encode(length=length, set_indexes=set_indexes),
        },
    }
