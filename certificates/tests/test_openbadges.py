"""The Open Badges package: W3C test vector, canonical form, sign/verify, the guards, keys."""

import base64
import copy
import gzip
import hashlib
import json
import os
import re
import socket
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from pyld import jsonld

from accounts.tests.factories import LearnerFactory
from certificates import services
from certificates.models import Certificate
from certificates.openbadges import (
    MAX_DOCUMENT_BYTES,
    ContextNotAllowedError,
    DocumentRejectedError,
    OpenBadgeError,
    VerificationError,
    base58btc_decode,
    base58btc_encode,
    canonicalize,
    document_parse,
    keys,
    loader,
    multibase_decode,
    multikey_decode,
    multikey_encode,
    sign,
    verify,
)
from certificates.openbadges import credential as ob_credential
from courses.tests.factories import course_build

VECTORS = Path(__file__).resolve().parent / "ob3_vectors"
BASE_URL = "https://kalan.example"
CREDENTIALS_V2 = loader.CREDENTIALS_V2
OB_CONTEXT = loader.OB_V3P0_CONTEXT

# --- W3C vc-di-eddsa, TestVectors/eddsa-rdfc-2022 ------------------------------------------
# keyPair.json, and the unsecured credential of signedDataInt.json (the document without its
# proof). The vector has two published revisions that differ only by the verificationMethod:
# the did:key one of the Recommendation's example, and the https one of the repository's
# current signedDataInt.json, proofConfigDataInt.json and combinedHashDataInt.txt.
W3C_PUBLIC_MULTIBASE = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
W3C_PRIVATE_MULTIBASE = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"
W3C_EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2"
W3C_UNSECURED = {
    "@context": [CREDENTIALS_V2, W3C_EXAMPLES_V2],
    "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
    "type": ["VerifiableCredential", "AlumniCredential"],
    "name": "Alumni Credential",
    "description": "A minimum viable example of an Alumni Credential.",
    "issuer": "https://vc.example/issuers/5678",
    "validFrom": "2023-01-01T00:00:00Z",
    "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"},
}
W3C_CREATED = "2023-02-24T23:36:38Z"
W3C_DOC_HASH = "517744132ae165a5349155bef0bb0cf2258fff99dfe1dbd914b938d775a36017"
W3C_REVISIONS = {
    "did-key": {
        "verification_method": f"did:key:{W3C_PUBLIC_MULTIBASE}#{W3C_PUBLIC_MULTIBASE}",
        "proof_hash": "bea7b7acfbad0126b135104024a5f1733e705108f42d59668b05c0c50004c6b0",
        "signature_hex": (
            "4d8e53c2d5b3f2a7891753eb16ca993325bdb0d3cfc5be1093d0a18426f5ef85"
            "78cadc0fd4b5f4dd0d1ce0aefd15ab120b7a894d0eb094ffda4e6553cd1ed50d"
        ),
        "proof_value": (
            "z2YwC8z3ap7yx1nZYCg4L3j3ApHsF8kgPdSb5xoS1VR7vPG3F561B52hYnQF9iseabecm3ijx4K1FBTQsCZahKZme"
        ),
    },
    "issuer-url": {
        "verification_method": f"https://vc.example/issuers/5678#{W3C_PUBLIC_MULTIBASE}",
        "proof_hash": "4c4d3890a157f8d611b13c265c2c22f39aa0a567c7c7dd9ba3e45cd579784eeb",
        # No signature_hex: the repository's sigHexDataInt.txt was not regenerated with this
        # revision (it matches neither proofValue), so the proofValue is the reference.
        "proof_value": (
            "z21EVs3eXERqTn4acNHT9viboqgzUaQ3kTmhPT3eA8qrVPE7CrQq78WkzctnMX5W4CrzcKnHw8V6dvy5pgWYCU5e9"
        ),
    },
}


def _proof_nquads(verification_method: str) -> str:
    """proofCanonDataInt.txt of the vector, for either verificationMethod."""
    return (
        '_:c14n0 <http://purl.org/dc/terms/created> "2023-02-24T23:36:38Z"'
        "^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n"
        "_:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://w3id.org/security#DataIntegrityProof> .\n"
        '_:c14n0 <https://w3id.org/security#cryptosuite> "eddsa-rdfc-2022"'
        "^^<https://w3id.org/security#cryptosuiteString> .\n"
        "_:c14n0 <https://w3id.org/security#proofPurpose> "
        "<https://w3id.org/security#assertionMethod> .\n"
        f"_:c14n0 <https://w3id.org/security#verificationMethod> <{verification_method}> .\n"
    )


@pytest.fixture
def w3c_loader():
    return loader.default_loader.with_extra(
        {W3C_EXAMPLES_V2: VECTORS / "credentials-examples-v2.jsonld"}
    )


@pytest.fixture
def w3c_key():
    private = multibase_decode(W3C_PRIVATE_MULTIBASE)
    assert private[:2] == b"\x80\x26"  # ed25519-priv multicodec, then the 32-byte seed
    return Ed25519PrivateKey.from_private_bytes(private[2:])


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test, and is recorded."""
    attempts = []

    def connect(self, address):
        attempts.append(address)
        raise AssertionError(f"network access attempted: {address}")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect)
    return attempts


def test_bundled_contexts_match_their_sources():
    sources = (loader.CONTEXTS_DIR / "SOURCES.md").read_text()
    for url, path in loader.BUNDLED.items():
        data = path.read_bytes()
        row = re.search(
            rf"\| {re.escape(path.name)} \| {re.escape(url)} \| (\d+) \| (\w+) \|", sources
        )
        assert row, path.name
        assert len(data) == int(row[1]) and hashlib.sha256(data).hexdigest() == row[2]
    examples = (VECTORS / "credentials-examples-v2.jsonld").read_bytes()
    assert hashlib.sha256(examples).hexdigest() == (
        "57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c"
    )


@pytest.mark.parametrize("revision", sorted(W3C_REVISIONS))
def test_w3c_eddsa_rdfc_2022_vector_bit_for_bit(revision, w3c_loader, w3c_key, no_network):
    expected = W3C_REVISIONS[revision]
    method = expected["verification_method"]
    assert multikey_encode(w3c_key.public_key()) == W3C_PUBLIC_MULTIBASE

    document_nquads = canonicalize(W3C_UNSECURED, loader=w3c_loader)
    assert hashlib.sha256(document_nquads.encode()).hexdigest() == W3C_DOC_HASH
    proof_config = {
        "@context": W3C_UNSECURED["@context"],
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": W3C_CREATED,
        "verificationMethod": method,
        "proofPurpose": "assertionMethod",
    }
    proof_nquads = canonicalize(proof_config, loader=w3c_loader)
    assert proof_nquads == _proof_nquads(method)
    assert hashlib.sha256(proof_nquads.encode()).hexdigest() == expected["proof_hash"]

    created = datetime.fromisoformat(W3C_CREATED)
    signed = sign(W3C_UNSECURED, w3c_key, method, created, loader=w3c_loader)
    assert signed["proof"][0]["proofValue"] == expected["proof_value"]
    if "signature_hex" in expected:
        assert multibase_decode(expected["proof_value"]).hex() == expected["signature_hex"]
    # signedDataInt.json: the embedded proof is the proof options without @context (Kalan
    # writes it as a one-item array, the W3C file as an object: both verify).
    proof = {key: value for key, value in proof_config.items() if key != "@context"}
    w3c_signed = {**W3C_UNSECURED, "proof": {**proof, "proofValue": expected["proof_value"]}}
    assert signed == {**w3c_signed, "proof": [w3c_signed["proof"]]}
    assert verify(signed, multikey_decode(W3C_PUBLIC_MULTIBASE), loader=w3c_loader)
    assert verify(w3c_signed, multikey_decode(W3C_PUBLIC_MULTIBASE), loader=w3c_loader)
    assert no_network == []


def test_canonical_nquads_of_a_small_badge_derived_by_hand():
    """Written from the two contexts' term definitions, not from a run: one blank node (the
    subject), typed literals, a non-ASCII and an escaped literal, code-point order."""
    issuer = "https://kalan.example/certificats/emetteur/"
    achievement = issuer + "#formation-1"
    document = {
        "@context": [CREDENTIALS_V2, OB_CONTEXT],
        "id": "urn:uuid:00000000-0000-4000-8000-000000000001",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": 'La "CNDH"'},
        "validFrom": "2026-01-15T08:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {"id": achievement, "type": ["Achievement"], "name": "Garde à vue"},
        },
    }
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    ob = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#"
    cred = "https://www.w3.org/2018/credentials#"
    vc = "<urn:uuid:00000000-0000-4000-8000-000000000001>"
    expected = "".join(
        f"{line} .\n"
        for line in [
            f"<{achievement}> {rdf_type} <{ob}Achievement>",
            f'<{achievement}> <https://schema.org/name> "Garde à vue"',
            f"<{issuer}> {rdf_type} <{ob}Profile>",
            f'<{issuer}> <https://schema.org/name> "La \\"CNDH\\""',
            f"{vc} {rdf_type} <{ob}OpenBadgeCredential>",
            f"{vc} {rdf_type} <{cred}VerifiableCredential>",
            f"{vc} <{cred}credentialSubject> _:c14n0",
            f"{vc} <{cred}issuer> <{issuer}>",
            f'{vc} <{cred}validFrom> "2026-01-15T08:00:00Z"'
            "^^<http://www.w3.org/2001/XMLSchema#dateTime>",
            f"_:c14n0 {rdf_type} <{ob}AchievementSubject>",
            f"_:c14n0 <{ob}achievement> <{achievement}>",
        ]
    )
    assert canonicalize(document) == expected


def test_base58btc_and_multikey():
    # Bitcoin's alphabet; leading zero bytes become leading "1"s.
    assert base58btc_encode(b"Hello World!") == "2NEpo7TZRRrLZSi2U"
    assert base58btc_encode(b"\0\0\x01") == "112"
    for data in (b"", b"\0", b"\0\xff\0", os.urandom(64)):
        assert base58btc_decode(base58btc_encode(data)) == data
    with pytest.raises(OpenBadgeError):
        base58btc_decode("0OIl")
    key = Ed25519PrivateKey.generate().public_key()
    encoded = multikey_encode(key)
    assert encoded.startswith("z6Mk")
    assert multikey_decode(encoded).public_bytes_raw() == key.public_bytes_raw()
    with pytest.raises(OpenBadgeError):
        multikey_decode(W3C_PRIVATE_MULTIBASE)  # 0x8026: a private key, not a public one


# --- A real certificate ---------------------------------------------------------------------


@pytest.fixture
def certificate(db):
    learner = LearnerFactory(full_name="Awa Touré", rank="Adjudant")
    course = course_build(title="Garde à vue et droits de la personne", modules=1, lessons=1)
    certificate = Certificate.objects.create(
        learner=learner,
        course=course,
        learner_name=learner.full_name,
        learner_rank=learner.rank,
        course_title=course.title,
    )
    certificate.serial = f"CNDH-TEST-{certificate.pk:06d}"
    certificate.save(update_fields=["serial"])
    return certificate


@pytest.fixture
def signed(certificate, ob3_key):
    return ob_credential.credential_sign(certificate, base_url=BASE_URL, private_key=ob3_key)


def test_credential_follows_the_1edtech_example_and_uses_snapshots(certificate, settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    built = ob_credential.credential_build(certificate, base_url=BASE_URL)
    assert built["@context"] == [CREDENTIALS_V2, OB_CONTEXT]
    assert built["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert built["id"] == services.verify_url_for(certificate)
    assert built["issuer"] == {
        "id": "https://kalan.example/certificats/emetteur/",
        "type": ["Profile"],
        "name": services.branding_get().organisation,
        "url": "https://kalan.example/",
    }
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", built["validFrom"])
    subject = built["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["identifier"] == [
        {
            "type": "IdentityObject",
            "identityHash": "Awa Touré",
            "identityType": "name",
            "hashed": False,
        }
    ]
    achievement = subject["achievement"]
    assert (
        achievement["id"]
        == f"https://kalan.example/certificats/emetteur/#formation-{certificate.course_id}"
    )
    assert achievement["name"] == "Garde à vue et droits de la personne"
    assert achievement["criteria"]["narrative"] and achievement["description"]

    # Renaming the learner or the course later changes nothing: the snapshots are signed.
    certificate.learner.full_name = "Autre Nom"
    certificate.learner.save()
    certificate.course.title = "Titre modifié"
    certificate.course.save()
    certificate.refresh_from_db()
    assert ob_credential.credential_build(certificate, base_url=BASE_URL) == built


def test_canonicalize_matches_pyld_normalize(certificate):
    built = ob_credential.credential_build(certificate, base_url=BASE_URL)
    reference = jsonld.normalize(
        built,
        {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": loader.default_loader,
        },
    )
    assert canonicalize(built) == reference


def test_sign_verify_round_trip_is_deterministic(certificate, ob3_key, signed, no_network):
    assert isinstance(signed["proof"], list) and len(signed["proof"]) == 1
    assert signed["proof"][0]["created"] == signed["validFrom"]
    assert (
        signed["proof"][0]["verificationMethod"]
        == "https://kalan.example/certificats/emetteur/#cle-1"
    )
    again = ob_credential.credential_sign(certificate, base_url=BASE_URL, private_key=ob3_key)
    assert json.dumps(again) == json.dumps(signed)
    assert verify(signed, ob3_key.public_key())["proofValue"] == signed["proof"][0]["proofValue"]
    # What a verifier downloads and parses again still verifies.
    assert verify(document_parse(json.dumps(signed, indent=4)), ob3_key.public_key())
    assert no_network == []


def _set(document, path, value):
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


@pytest.mark.parametrize(
    "path,value",
    [
        (("credentialSubject", "identifier", 0, "identityHash"), "Moussa Coulibaly"),
        (("credentialSubject", "achievement", "name"), "Une autre formation"),
        (("validFrom",), "2020-01-01T00:00:00Z"),
        (("issuer", "name"), "Un autre organisme"),
        (("proof", 0, "created"), "2020-01-01T00:00:00Z"),
    ],
)
def test_tampering_fails(signed, ob3_key, path, value):
    tampered = copy.deepcopy(signed)
    _set(tampered, path, value)
    with pytest.raises(VerificationError, match="Signature invalide"):
        verify(tampered, ob3_key.public_key())


def test_tampered_proof_value_and_wrong_key_fail(signed, ob3_key):
    tampered = copy.deepcopy(signed)
    value = tampered["proof"][0]["proofValue"]
    tampered["proof"][0]["proofValue"] = value[:-1] + ("2" if value[-1] != "2" else "3")
    with pytest.raises(VerificationError):
        verify(tampered, ob3_key.public_key())
    with pytest.raises(VerificationError, match="Signature invalide"):
        verify(signed, Ed25519PrivateKey.generate().public_key())


def test_credential_check_binds_key_issuer_type_and_dates(certificate, ob3_key, signed):
    """Signed by the right key, yet refused: the policy reads the signed document."""
    public_key = ob3_key.public_key()
    assert ob_credential.credential_check(signed, public_key=public_key, base_url=BASE_URL)
    built = ob_credential.credential_build(certificate, base_url=BASE_URL)
    method = ob_credential.key_id(base_url=BASE_URL)
    created = certificate.issued_at
    cases = [
        (built, "https://ailleurs.example/cle#1", "clé de cet émetteur"),
        ({**built, "type": ["VerifiableCredential"]}, method, "pas un badge"),
        ({**built, "validFrom": "2999-01-01T00:00:00Z"}, method, "pas encore valide"),
        ({**built, "validUntil": "2001-01-01T00:00:00Z"}, method, "expiré"),
        ({**built, "issuer": {**built["issuer"], "id": "https://x.example/"}}, method, "Émetteur"),
    ]
    for document, verification_method, message in cases:
        resigned = sign(document, ob3_key, verification_method, created)
        with pytest.raises(VerificationError, match=message):
            ob_credential.credential_check(resigned, public_key=public_key, base_url=BASE_URL)


def test_undefined_terms_are_refused(certificate, ob3_key, signed):
    built = ob_credential.credential_build(certificate, base_url=BASE_URL)
    for path in (("foo",), ("credentialSubject", "achievement", "foo")):
        document = copy.deepcopy(built)
        _set(document, path, "bar")
        with pytest.raises(DocumentRejectedError, match=r"« [\w.]*foo » n’est défini"):
            sign(
                document,
                ob3_key,
                "https://kalan.example/certificats/emetteur/#cle-1",
                datetime.now(UTC),
            )
        # Added after signing, it would not change the signature: the guard is what stops it.
        smuggled = copy.deepcopy(signed)
        _set(smuggled, path, "bar")
        with pytest.raises(VerificationError, match="foo") as excinfo:
            verify(smuggled, ob3_key.public_key())
        assert isinstance(excinfo.value.__cause__, DocumentRejectedError)
    # An undefined type is a relative IRI: PyLD would sign it as http://example.org/base/….
    document = copy.deepcopy(built)
    document["type"] = ["VerifiableCredential", "OpenBadgeCredential", "KalanBadge"]
    with pytest.raises(DocumentRejectedError, match=r"« type\[2\] » .*IRI relatif"):
        sign(
            document,
            ob3_key,
            "https://kalan.example/certificats/emetteur/#cle-1",
            datetime.now(UTC),
        )


def test_unknown_context_is_refused_without_network(certificate, ob3_key, signed, no_network):
    evil = "https://attacker.example/context.jsonld"
    built = ob_credential.credential_build(certificate, base_url=BASE_URL)
    built["@context"] = [*built["@context"], evil]
    with pytest.raises(ContextNotAllowedError, match=r"attacker\.example"):
        sign(built, ob3_key, "https://kalan.example/certificats/emetteur/#cle-1", datetime.now(UTC))
    swapped = copy.deepcopy(signed)
    swapped["@context"] = [CREDENTIALS_V2, "https://purl.imsglobal.org/spec/ob/v3p0/context.json"]
    with pytest.raises(VerificationError, match="non autorisé") as excinfo:
        verify(swapped, ob3_key.public_key())
    assert isinstance(excinfo.value.__cause__, ContextNotAllowedError)
    assert no_network == []


def test_oversize_and_ambiguous_input_is_refused(signed, ob3_key):
    with pytest.raises(DocumentRejectedError, match="256 Ko"):
        document_parse(b" " * (MAX_DOCUMENT_BYTES + 1))
    padded = copy.deepcopy(signed)
    padded["name"] = "x" * MAX_DOCUMENT_BYTES
    with pytest.raises(VerificationError, match="256 Ko"):
        verify(padded, ob3_key.public_key())
    with pytest.raises(DocumentRejectedError, match="deux fois"):
        document_parse('{"name": "a", "name": "b"}')
    with pytest.raises(DocumentRejectedError):
        document_parse(b"[1, 2]")
    with pytest.raises(DocumentRejectedError, match="JSON valide"):
        document_parse('{"name": NaN}')


@pytest.mark.parametrize(
    "change",
    [
        {"@context": 5},
        {"@context": [[CREDENTIALS_V2]]},
        {"@context": {"@version": 2}},
        {"type": 5},
        {"id": 5},
        {"name": 10**400},
        {"name": {"@value": "x", "@language": 5}},
        {"proof": "z123"},
        {"proof": [{"type": "DataIntegrityProof"}]},
    ],
    ids=lambda change: repr(change)[:40],
)
def test_malformed_documents_fail_as_verification_errors(signed, ob3_key, change):
    """Whatever an untrusted file holds, verify answers with its own error, never a crash."""
    with pytest.raises(VerificationError):
        verify({**signed, **change}, ob3_key.public_key())


def test_proof_as_an_object_or_a_one_item_array_verifies(signed, ob3_key, certificate):
    """Kalan signs the array; a badge downloaded when Kalan wrote the object still verifies,
    in `verify` and in the full policy check (the proof's container is not signed)."""
    public_key = ob3_key.public_key()
    as_object = {**signed, "proof": signed["proof"][0]}
    for document in (signed, as_object):
        assert verify(document, public_key) == signed["proof"][0]
        assert ob_credential.credential_check(document, public_key=public_key, base_url=BASE_URL)


@pytest.mark.parametrize(
    "proof,message",
    [
        ([], "vide"),
        (None, "preuve unique"),
        ("two", "preuve unique"),
        (["z123"], "n’est pas un objet"),
        ([["nested"]], "n’est pas un objet"),
        ([None], "n’est pas un objet"),
    ],
    ids=["empty", "null", "string", "string-item", "list-item", "null-item"],
)
def test_hostile_proof_containers_fail_with_a_clear_error(signed, ob3_key, proof, message):
    with pytest.raises(VerificationError, match=message):
        verify({**signed, "proof": proof}, ob3_key.public_key())
    missing = {key: value for key, value in signed.items() if key != "proof"}
    with pytest.raises(VerificationError, match="preuve unique"):
        verify(missing, ob3_key.public_key())


def test_two_proofs_are_refused_even_when_both_hold(signed, ob3_key, certificate):
    """One key signs Kalan's badges: a second proof (even a valid copy) is not picked from."""
    proof = signed["proof"][0]
    for proofs in ([proof, proof], [proof, {"type": "DataIntegrityProof"}], [proof] * 50):
        with pytest.raises(VerificationError, match=f"porte {len(proofs)} preuves"):
            verify({**signed, "proof": proofs}, ob3_key.public_key())
        with pytest.raises(VerificationError, match="preuves"):
            ob_credential.credential_check(
                {**signed, "proof": proofs}, public_key=ob3_key.public_key(), base_url=BASE_URL
            )


def test_costly_blank_node_graphs_are_cut_short():
    """Seven look-alike blank nodes, each linked to all the others: RDFC-1.0 would try every
    permutation. The budget stops it long before."""
    nodes = [
        {"@id": f"_:b{i}", "http://example.org/p": [{"@id": f"_:b{j}"} for j in range(7) if j != i]}
        for i in range(7)
    ]
    with pytest.raises(DocumentRejectedError, match="trop coûteuse"):
        canonicalize({"@graph": nodes})


# --- Keys -----------------------------------------------------------------------------------


def test_key_generate_writes_0600_and_refuses_to_overwrite(tmp_path):
    path = tmp_path / "keys" / "ob3.pem"
    key = keys.key_generate(path=path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert keys.private_key_load(path).public_key() == key.public_key()
    with pytest.raises(keys.SigningKeyError, match="existe déjà"):
        keys.key_generate(path=path)
    assert keys.private_key_load(path).public_key() == key.public_key()
    replaced = keys.key_generate(path=path, force=True)
    assert keys.private_key_load(path).public_key() == replaced.public_key() != key.public_key()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["ob3.pem"]  # no temporary file left


def test_private_key_load_errors_are_clear(tmp_path, settings):
    settings.KALAN_OB3_KEY_PATH = tmp_path / "absente.pem"
    with pytest.raises(keys.SigningKeyError, match=r"introuvable.*ob3_keygen"):
        keys.private_key_load()
    not_ed25519 = tmp_path / "p256.pem"
    not_ed25519.write_bytes(
        generate_private_key(SECP256R1()).private_bytes(
            Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()
        )
    )
    with pytest.raises(keys.SigningKeyError, match="Ed25519"):
        keys.private_key_load(not_ed25519)
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("pas une clé")
    with pytest.raises(keys.SigningKeyError, match="PEM"):
        keys.private_key_load(garbage)


# --- Status list encoding (W3C Bitstring Status List) ---------------------------------------


def test_status_list_encoding_follows_the_specification():
    from certificates.openbadges import status

    encoded = status.list_encode(length=131_072, set_indexes=[0, 9, 131_071])
    assert encoded.startswith("u") and "=" not in encoded
    bits = status.list_decode(encoded)
    assert len(bits) == 16_384
    # Bit 0 is the most significant bit of the first byte (left to right).
    assert bits[0] == 0x80 and bits[1] == 0x40 and bits[-1] == 0x01
    assert [i for i in (0, 1, 9, 10, 131_071) if status.bit_is_set(bits, i)] == [0, 9, 131_071]
    # GZIP as the specification says (magic bytes), deterministic (mtime 0).
    raw = base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4))
    assert raw[:2] == b"\x1f\x8b" and gzip.decompress(raw) == bits
    assert status.list_encode(length=131_072, set_indexes=[9, 0, 131_071]) == encoded


@pytest.mark.parametrize(
    "encoded",
    [
        "",
        "zABC",  # base58btc, not base64url
        "u!!!!",
        "u" + base64.urlsafe_b64encode(b"not gzip").decode(),
        "u"
        + base64.urlsafe_b64encode(gzip.compress(b"\0" * 100, mtime=0)[:-6]).decode(),  # truncated
        # A gzip bomb: 20 MB of zeros in a few KB.
        "u" + base64.urlsafe_b64encode(gzip.compress(b"\0" * (20 * 1024 * 1024), mtime=0)).decode(),
        None,
    ],
)
def test_status_list_decode_refuses_hostile_input(encoded):
    from certificates.openbadges import status

    with pytest.raises(OpenBadgeError):
        status.list_decode(encoded)


def test_status_list_index_out_of_range_is_refused():
    from certificates.openbadges import status

    with pytest.raises(OpenBadgeError, match="hors de la liste"):
        status.list_encode(length=16, set_indexes=[16])
    with pytest.raises(OpenBadgeError, match="hors de la liste"):
        status.bit_is_set(b"\0", 8)


def test_credential_status_is_signed_and_checked(certificate, ob3_key):
    """A badge names its bit; a signed credentialStatus that is not one of Kalan's revocation
    entries is refused with a clear message, never a crash."""
    certificate = services.status_entry_ensure(certificate=certificate)
    public_key = ob3_key.public_key()
    built = ob_credential.credential_build(certificate, base_url=BASE_URL)
    entry = built["credentialStatus"]
    assert entry["statusListIndex"] == str(certificate.status_index)
    signed = sign(built, ob3_key, ob_credential.key_id(base_url=BASE_URL), certificate.issued_at)
    assert ob_credential.credential_check(signed, public_key=public_key, base_url=BASE_URL)
    assert ob_credential.status_entry_parse(signed, base_url=BASE_URL) == (
        certificate.status_list_id,
        certificate.status_index,
    )
    hostile = [
        {**entry, "statusPurpose": "suspension"},
        {**entry, "statusListIndex": "-1"},
        {**entry, "statusListIndex": "٣"},  # an Arabic-Indic digit: isdigit() but not ASCII
        {**entry, "statusListIndex": "7", "id": entry["id"]},
        {**entry, "statusListCredential": "https://ailleurs.example/certificats/statut/1/"},
        {**entry, "statusListCredential": f"{BASE_URL}/certificats/statut/01/"},
        [entry],
    ]
    method = ob_credential.key_id(base_url=BASE_URL)
    for value in hostile:
        resigned = sign(
            {**built, "credentialStatus": value}, ob3_key, method, certificate.issued_at
        )
        with pytest.raises(VerificationError, match="credentialStatus"):
            ob_credential.credential_check(resigned, public_key=public_key, base_url=BASE_URL)


def test_status_bit_is_allocated_once(certificate):
    first = services.status_entry_ensure(certificate=certificate)
    again = services.status_entry_ensure(certificate=Certificate.objects.get(pk=certificate.pk))
    assert (again.status_list_id, again.status_index) == (first.status_list_id, first.status_index)
    assert (
        services.status_is_revoked(number=first.status_list_id, index=first.status_index) is False
    )
    with pytest.raises(services.CertificateError, match="Aucune attestation"):
        services.status_is_revoked(number=first.status_list_id, index=first.status_index + 1)
