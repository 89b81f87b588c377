"""base58btc multibase and Ed25519 Multikey, as Data Integrity proofs and did:key use them."""

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.utils.translation import gettext as _

from .errors import OpenBadgeError

# Bitcoin's alphabet: no 0, O, I or l.
ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {char: value for value, char in enumerate(ALPHABET)}
MULTIBASE_BASE58BTC = "z"
# The multicodec varint of ed25519-pub (0xed), as the Multikey format prefixes the raw key.
ED25519_PUB_PREFIX = b"\xed\x01"


def base58btc_encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, remainder = divmod(number, 58)
        digits.append(ALPHABET[remainder])
    # Each leading zero byte is written as a leading "1": the integer alone would lose it.
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + "".join(reversed(digits))


def base58btc_decode(text: str) -> bytes:
    number = 0
    for char in text:
        try:
            number = number * 58 + _INDEX[char]
        except KeyError:
            raise OpenBadgeError(
                _("Caractère interdit en base58btc : %(char)r.") % {"char": char}
            ) from None
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def multibase_decode(value: str) -> bytes:
    """The bytes of a base58btc multibase string ('z' followed by base58btc)."""
    if not isinstance(value, str) or not value.startswith(MULTIBASE_BASE58BTC):
        raise OpenBadgeError(_("Valeur multibase attendue en base58btc (préfixe « z »)."))
    return base58btc_decode(value[1:])


def multibase_encode(data: bytes) -> str:
    return MULTIBASE_BASE58BTC + base58btc_encode(data)


def multikey_encode(public_key: Ed25519PublicKey) -> str:
    """The publicKeyMultibase of an Ed25519 key ("z6Mk…")."""
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return multibase_encode(ED25519_PUB_PREFIX + raw)


def multikey_decode(value: str) -> Ed25519PublicKey:
    data = multibase_decode(value)
    if len(data) != 34 or not data.startswith(ED25519_PUB_PREFIX):
        raise OpenBadgeError(_("Ce n’est pas une clé publique Ed25519 au format Multikey."))
    return Ed25519PublicKey.from_public_bytes(data[2:])
