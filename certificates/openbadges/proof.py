"""Data Integrity proofs with the eddsa-rdfc-2022 cryptosuite (W3C vc-di-eddsa §3.3), on PyLD
and `cryptography`.

    hashData = SHA-256(canon(proof options + @context)) || SHA-256(canon(document))
    proofValue = "z" + base58btc(Ed25519 signature of hashData)

canon is RDFC-1.0, which PyLD calls URDNA2015 (same output). Signing and verifying first
refuse what a JSON-LD processor would silently leave out of the signed RDF (see `guard`)."""

import hashlib
import json
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.utils.translation import gettext as _
from pyld import jsonld
from pyld.canon import URDNA2015

from .errors import (
    ContextNotAllowedError,
    DocumentRejectedError,
    OpenBadgeError,
    VerificationError,
)
from .loader import DocumentLoader, default_loader
from .multibase import multibase_decode, multibase_encode

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"
PROOF_PURPOSE = "assertionMethod"

# Untrusted documents are capped before anything parses them (openbadgeslib's figure): an
# Open Badge credential is 1 to 3 KB.
MAX_DOCUMENT_BYTES = 256 * 1024
# RDFC-1.0 is exponential on crafted graphs of look-alike blank nodes. Ordinary credentials
# never reach the N-degree step (their blank nodes all hash differently); this bounds its
# recursion (a 5-clique of look-alike nodes already needs 485 calls, and the count grows
# factorially) so that a poisoned document fails within a fraction of a second.
MAX_NDEGREE_CALLS = 1000


# --- JSON-LD helpers ----------------------------------------------------------------------


def _options(loader: DocumentLoader) -> dict:
    return {"documentLoader": loader, "base": "", "processingMode": "json-ld-1.1"}


def _context_error(exc: BaseException) -> ContextNotAllowedError | None:
    """The loader's refusal, found again under the JsonLdError(s) that PyLD wraps it in."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, ContextNotAllowedError):
            return exc
        seen.add(id(exc))
        exc = getattr(exc, "cause", None) or exc.__cause__ or exc.__context__
    return None


# What PyLD may raise besides JsonLdError on hostile input (a number too large for a float,
# a context of the wrong shape…): for an untrusted document, each is a refusal, not a crash.
_PYLD_CRASHES = (
    TypeError,
    ValueError,
    KeyError,
    IndexError,
    AttributeError,
    OverflowError,
    RecursionError,
)


def _jsonld_call(function, *args):
    try:
        return function(*args)
    except jsonld.JsonLdError as exc:
        refused = _context_error(exc)
        if refused is not None:
            raise ContextNotAllowedError(str(refused)) from exc
        reason = exc.code or (exc.args[0] if exc.args else exc.type)
        raise DocumentRejectedError(
            _("Document JSON-LD invalide : %(error)s") % {"error": reason}
        ) from exc
    except _PYLD_CRASHES as exc:
        raise DocumentRejectedError(
            _("Document JSON-LD invalide : %(error)s") % {"error": type(exc).__name__}
        ) from exc


class _MeteredURDNA2015(URDNA2015):
    """PyLD's RDFC-1.0 with a ceiling on the N-degree hashing it may do."""

    def __init__(self):
        super().__init__()
        self.ndegree_calls = 0

    def hash_n_degree_quads(self, id_, issuer):
        self.ndegree_calls += 1
        if self.ndegree_calls > MAX_NDEGREE_CALLS:
            raise DocumentRejectedError(
                _("Document refusé : sa mise en forme canonique serait trop coûteuse.")
            )
        return super().hash_n_degree_quads(id_, issuer)


def canonicalize(document: dict, *, loader: DocumentLoader = default_loader) -> str:
    """Canonical N-Quads (RDFC-1.0), as jsonld.normalize(algorithm='URDNA2015') gives them,
    but with the blank-node work bounded."""
    options = {**_options(loader), "produceGeneralizedRdf": False}
    dataset = _jsonld_call(jsonld.to_rdf, document, options)
    return _MeteredURDNA2015().main(dataset, {"format": "application/n-quads"})


def _scalars(value):
    """JSON with 1-element arrays as their element: compaction writes `["x"]` as `"x"`."""
    if isinstance(value, list):
        items = [_scalars(item) for item in value]
        return items[0] if len(items) == 1 else items
    if isinstance(value, dict):
        return {key: _scalars(item) for key, item in value.items()}
    return value


def _first_difference(original, kept, path: str = "") -> str:
    """Where `kept` (the round trip) lost something of `original`, as a dotted path."""
    if isinstance(original, dict) and isinstance(kept, dict):
        for key, value in original.items():
            where = f"{path}.{key}" if path else key
            if key not in kept:
                return where
            if value != kept[key]:
                return _first_difference(value, kept[key], where)
    if isinstance(original, list) and isinstance(kept, list) and len(original) == len(kept):
        for index, (value, other) in enumerate(zip(original, kept, strict=True)):
            if value != other:
                return _first_difference(value, other, f"{path}[{index}]")
    return path or "@context"


def guard(document: dict, *, loader: DocumentLoader = default_loader) -> None:
    """Refuses a document whose JSON says more than its RDF: PyLD has no JSON-LD "safe mode",
    so a term that no context defines (a typo, a custom field) is silently dropped and would
    sit in the JSON without being signed. compact(expand(doc)) must give the document back.
    This also catches a relative IRI ("id": "abc", an undefined type "Foo"), which PyLD
    resolves against a placeholder base (http://example.org/base/) before signing."""
    if not isinstance(document, dict) or "@context" not in document:
        raise DocumentRejectedError(_("Document refusé : il n’a pas de @context."))
    options = _options(loader)
    expanded = _jsonld_call(jsonld.expand, document, options)
    compacted = _jsonld_call(jsonld.compact, expanded, document["@context"], options)
    if _scalars(compacted) != _scalars(document):
        raise DocumentRejectedError(
            _(
                "Document refusé : « %(where)s » n’est défini par aucun contexte JSON-LD (terme "
                "inconnu ou IRI relatif) et ne serait pas signé tel quel."
            )
            % {"where": _first_difference(_scalars(document), _scalars(compacted))}
        )


def document_parse(data: bytes | str) -> dict:
    """A JSON object from untrusted bytes: capped in size, and with no repeated key (parsers
    that keep the first or the last of two would each see a different credential)."""
    raw = data.encode() if isinstance(data, str) else data
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise DocumentRejectedError(
            _("Document refusé : plus de %(size)d Ko.") % {"size": MAX_DOCUMENT_BYTES // 1024}
        )

    def unique_keys(pairs):
        keys = [key for key, _value in pairs]
        if len(keys) != len(set(keys)):
            raise DocumentRejectedError(_("Document refusé : une clé JSON apparaît deux fois."))
        return dict(pairs)

    def not_json(constant):
        # Python accepts NaN and Infinity; JSON (and every other verifier) does not.
        raise DocumentRejectedError(_("Ce fichier n’est pas un document JSON valide."))

    try:
        document = json.loads(raw, object_pairs_hook=unique_keys, parse_constant=not_json)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise DocumentRejectedError(_("Ce fichier n’est pas un document JSON valide.")) from exc
    if not isinstance(document, dict):
        raise DocumentRejectedError(_("Un objet JSON est attendu."))
    return document


def xsd_datetime(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise OpenBadgeError(_("Une date avec fuseau horaire est attendue."))
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _hash_data(document: dict, proof_config: dict, loader: DocumentLoader) -> bytes:
    # The proof options come first (vc-di-eddsa §3.3.4).
    return (
        hashlib.sha256(canonicalize(proof_config, loader=loader).encode()).digest()
        + hashlib.sha256(canonicalize(document, loader=loader).encode()).digest()
    )


# --- Signing and verifying ----------------------------------------------------------------


def sign(
    document: dict,
    private_key: Ed25519PrivateKey,
    verification_method: str,
    created: datetime,
    *,
    loader: DocumentLoader = default_loader,
) -> dict:
    """The document with an embedded DataIntegrityProof, as a one-item array: 1EdTech's JSON
    Schema for OB 3.0 requires `proof` to be an array (see `credential`'s docstring), and
    VC 2.0 allows a set. Ed25519 is deterministic: the same document, key and `created` always
    give the same proofValue."""
    if "proof" in document:
        raise OpenBadgeError(_("Ce document porte déjà une preuve."))
    proof = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": xsd_datetime(created),
        "verificationMethod": verification_method,
        "proofPurpose": PROOF_PURPOSE,
    }
    proof_config = {"@context": document["@context"], **proof}
    guard(document, loader=loader)
    guard(proof_config, loader=loader)
    signature = private_key.sign(_hash_data(document, proof_config, loader))
    # The embedded proof carries no @context: it is the document's.
    return {**document, "proof": [{**proof, "proofValue": multibase_encode(signature)}]}


def single_proof(document: dict) -> dict:
    """The one proof of `document`, written as an object or as a one-item array (VC 2.0
    allows both; Kalan signs the array, badges downloaded before did the object). Kalan
    signs with one key, so an empty set or several proofs are refused, not picked from."""
    proof = document.get("proof")
    if isinstance(proof, list):
        if not proof:
            raise VerificationError(_("Le tableau « proof » est vide : aucune preuve à vérifier."))
        if len(proof) > 1:
            raise VerificationError(
                _("Le document porte %(count)d preuves ; un badge Kalan n’en porte qu’une.")
                % {"count": len(proof)}
            )
        proof = proof[0]
        if not isinstance(proof, dict):
            raise VerificationError(_("L’élément du tableau « proof » n’est pas un objet JSON."))
    if not isinstance(proof, dict):
        raise VerificationError(_("Le document ne porte pas une preuve unique."))
    return proof


def verify(
    document: dict, public_key: Ed25519PublicKey, *, loader: DocumentLoader = default_loader
) -> dict:
    """Checks the document's eddsa-rdfc-2022 proof with `public_key` and returns the proof.
    Raises VerificationError otherwise. This proves only that the key signed these bytes:
    the caller binds verificationMethod to the issuer and checks dates, type and status."""
    try:
        return _verify(document, public_key, loader)
    except VerificationError:
        raise
    except OpenBadgeError as exc:
        raise VerificationError(str(exc)) from exc


def _verify(document, public_key: Ed25519PublicKey, loader: DocumentLoader) -> dict:
    if not isinstance(document, dict):
        raise DocumentRejectedError(_("Un objet JSON est attendu."))
    size = len(json.dumps(document, ensure_ascii=False).encode())
    if size > MAX_DOCUMENT_BYTES:
        raise DocumentRejectedError(
            _("Document refusé : plus de %(size)d Ko.") % {"size": MAX_DOCUMENT_BYTES // 1024}
        )
    proof = single_proof(document)
    expected = {"type": PROOF_TYPE, "cryptosuite": CRYPTOSUITE, "proofPurpose": PROOF_PURPOSE}
    for key, value in expected.items():
        if proof.get(key) != value:
            raise VerificationError(
                _("Preuve non prise en charge : %(key)s doit valoir « %(value)s ».")
                % {"key": key, "value": value}
            )
    if not isinstance(proof.get("verificationMethod"), str):
        raise VerificationError(_("La preuve n’indique pas sa clé (verificationMethod)."))
    created = proof.get("created")
    if created is not None:
        try:
            datetime.fromisoformat(created)
        except (TypeError, ValueError) as exc:
            raise VerificationError(_("La date « created » de la preuve est invalide.")) from exc
    if "@context" in proof:
        raise VerificationError(_("Une preuve intégrée ne porte pas de @context."))
    signature = multibase_decode(proof.get("proofValue"))
    if len(signature) != 64:
        raise VerificationError(_("La valeur de la preuve n’est pas une signature Ed25519."))

    unsigned = {key: value for key, value in document.items() if key != "proof"}
    proof_config = {
        "@context": document.get("@context"),
        **{key: value for key, value in proof.items() if key != "proofValue"},
    }
    guard(unsigned, loader=loader)
    guard(proof_config, loader=loader)
    try:
        public_key.verify(signature, _hash_data(unsigned, proof_config, loader))
    except InvalidSignature as exc:
        raise VerificationError(
            _("Signature invalide : le document a été modifié ou n’a pas été signé par cette clé.")
        ) from exc
    return proof
