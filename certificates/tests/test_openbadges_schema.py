"""A real Kalan badge against 1EdTech's JSON Schema for AchievementCredential (issue 17 point
3), with `proof` as Kalan emits it (a one-item array) and as an object.

The schemas are the two variants of `docs/schema/achievementcredential.json` vendored byte for
byte in ob3_schema/ (see SOURCES.md); both are VC 1.1 (`issuanceDate` required), where Kalan
writes VC 2.0 (`validFrom`), so that one error is expected of every Kalan badge and the test
records every other one, by place. What it shows:

- e0fdb03d (the variant whose $id is the published `ob_v3p0_achievementcredential_schema.json`)
  accepts `proof` as an object or as an array;
- f57e1832 (the first generated variant) requires the array: the object fails at `$.proof`.
  It also refuses Kalan's BitstringStatusListEntry (no extra properties) and the
  `identityType` "name" (added to the vocabulary later), which the later variant accepts.

jsonschema checks the structure; "format" is an annotation in draft 2019-09 and is not
asserted here (the dates are checked by `credential_check`)."""

import copy
import hashlib
import json
from pathlib import Path

import pytest
from jsonschema import Draft201909Validator

from accounts.tests.factories import LearnerFactory
from certificates import services
from certificates.openbadges import credential as ob_credential
from certificates.openbadges import keys
from certificates.tests.factories import completed_enrollment

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parent / "ob3_schema"
BASE_URL = "https://kalan.example"
# file: SHA-256 recorded in ob3_schema/SOURCES.md (the bytes read from the repository).
VARIANTS = {
    "e0fdb03": (
        "achievementcredential-e0fdb03.json",
        "513c2b614bb1598f7ad2617854e06f5aa50bc2588e8efc433972de48635081e7",
    ),
    "f57e183": (
        "achievementcredential-f57e183.json",
        "ddafc8f46af6b8e39637420792b0af9d48426d97ad43ec7edf7d97d5126e8042",
    ),
}
VC11_ONLY = ("$", "required", "'issuanceDate' is a required property")
# Every error of a Kalan badge, by variant and proof form: (place, keyword).
EXPECTED = {
    ("e0fdb03", "array"): {("$", "required")},
    ("e0fdb03", "object"): {("$", "required")},
    ("f57e183", "array"): {
        ("$", "required"),
        ("$.credentialStatus", "additionalProperties"),
        ("$.credentialSubject.identifier[0].identityType", "anyOf"),
    },
    ("f57e183", "object"): {
        ("$", "required"),
        ("$.credentialStatus", "additionalProperties"),
        ("$.credentialSubject.identifier[0].identityType", "anyOf"),
        ("$.proof", "type"),
    },
}


def _validator(variant: str) -> Draft201909Validator:
    name, _digest = VARIANTS[variant]
    schema = json.loads((SCHEMAS / name).read_bytes())
    Draft201909Validator.check_schema(schema)
    return Draft201909Validator(schema)


def _errors(validator, document) -> list:
    return sorted((e.json_path, e.validator, e.message) for e in validator.iter_errors(document))


@pytest.fixture
def badge(settings):
    """A badge as Kalan hands it out: an issued certificate, its status bit allocated, signed
    by the product code with the platform's key."""
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    learner = LearnerFactory(full_name="Awa Touré")
    enrollment = completed_enrollment(learner=learner)
    certificate = services.certificate_issue(learner_id=learner.pk, course_id=enrollment.course_id)
    certificate = services.status_entry_ensure(certificate=certificate)
    signed = ob_credential.credential_sign(
        certificate, base_url=BASE_URL, private_key=keys.private_key_load()
    )
    assert signed["credentialStatus"]["type"] == "BitstringStatusListEntry"
    return signed


def _forms(badge) -> dict:
    return {"array": badge, "object": {**badge, "proof": badge["proof"][0]}}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_vendored_schemas_are_the_bytes_read(variant):
    name, digest = VARIANTS[variant]
    assert hashlib.sha256((SCHEMAS / name).read_bytes()).hexdigest() == digest
    assert digest in (SCHEMAS / "SOURCES.md").read_text()


def test_kalan_emits_proof_as_a_one_item_array(badge):
    assert isinstance(badge["proof"], list) and len(badge["proof"]) == 1
    assert badge["proof"][0]["type"] == "DataIntegrityProof"


@pytest.mark.parametrize("form", ["array", "object"])
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_kalan_badge_against_each_variant(badge, variant, form):
    errors = _errors(_validator(variant), _forms(badge)[form])
    assert {(place, keyword) for place, keyword, _message in errors} == EXPECTED[variant, form]
    assert VC11_ONLY in errors


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_array_is_the_form_no_variant_refuses(badge, variant):
    validator = _validator(variant)
    proof_errors = {
        form: [error for error in _errors(validator, document) if error[0].startswith("$.proof")]
        for form, document in _forms(badge).items()
    }
    assert proof_errors["array"] == []
    if variant == "f57e183":
        assert [keyword for _place, keyword, _m in proof_errors["object"]] == ["type"]
    else:
        assert proof_errors["object"] == []


@pytest.mark.parametrize("form", ["array", "object"])
def test_with_the_vc11_date_the_published_variant_accepts_the_badge(badge, form):
    """The only gap to e0fdb03 is the VC version: given the `issuanceDate` VC 1.1 requires,
    Kalan's badge validates completely, whichever form its proof takes."""
    document = {**_forms(badge)[form], "issuanceDate": badge["validFrom"]}
    assert _errors(_validator("e0fdb03"), document) == []


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("field", ["name", "credentialSubject", "issuer", "id"])
def test_a_badge_missing_a_required_field_fails(badge, variant, field):
    document = {key: value for key, value in badge.items() if key != field}
    errors = _errors(_validator(variant), document)
    assert ("$", "required", f"'{field}' is a required property") in errors


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_malformed_proofs_and_achievements_fail(badge, variant):
    validator = _validator(variant)
    for proof in ("z123", [{"cryptosuite": "eddsa-rdfc-2022"}], [5]):
        errors = _errors(validator, {**badge, "proof": proof})
        assert any(place.startswith("$.proof") for place, _k, _m in errors), proof
    achievement_without_criteria = copy.deepcopy(badge)
    del achievement_without_criteria["credentialSubject"]["achievement"]["criteria"]
    assert (
        "$.credentialSubject.achievement",
        "required",
        "'criteria' is a required property",
    ) in _errors(validator, achievement_without_criteria)
