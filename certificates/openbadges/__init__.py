"""Open Badges 3.0 credentials signed with an eddsa-rdfc-2022 Data Integrity proof.

Pure functions on JSON documents and keys (no views): `proof` signs and verifies, `loader`
serves the bundled JSON-LD contexts and refuses every other URL, `credential` shapes a
certificate as an OpenBadgeCredential, `keys` loads and creates the platform's key."""

from .errors import (
    ContextNotAllowedError,
    DocumentRejectedError,
    OpenBadgeError,
    VerificationError,
)
from .multibase import (
    base58btc_decode,
    base58btc_encode,
    multibase_decode,
    multibase_encode,
    multikey_decode,
    multikey_encode,
)
from .proof import MAX_DOCUMENT_BYTES, canonicalize, document_parse, guard, sign, verify

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "ContextNotAllowedError",
    "DocumentRejectedError",
    "OpenBadgeError",
    "VerificationError",
    "base58btc_decode",
    "base58btc_encode",
    "canonicalize",
    "document_parse",
    "guard",
    "multibase_decode",
    "multibase_encode",
    "multikey_decode",
    "multikey_encode",
    "sign",
    "verify",
]
