import pytest
from django.contrib.auth.hashers import (
    Argon2PasswordHasher,
    PBKDF2PasswordHasher,
    check_password,
    make_password,
)
from django.test import override_settings
from django.urls import reverse

from accounts.tests.factories import LearnerFactory
from lms.settings import base

PASSWORD = "motdepasse-test"


@pytest.fixture
def production_hashers():
    # The test settings hash with MD5 for speed; these tests need the real list.
    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        yield


def test_new_passwords_are_argon2id_with_the_owasp_parameters(production_hashers):
    encoded = make_password(PASSWORD)
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert check_password(PASSWORD, encoded)
    assert not check_password("autre-mot-de-passe", encoded)
    # Standard format: Django's own hasher reads it, should the project drop its subclass.
    assert Argon2PasswordHasher().verify(PASSWORD, encoded)


@pytest.mark.django_db
def test_an_older_pbkdf2_hash_still_signs_in_and_is_upgraded(client, production_hashers):
    learner = LearnerFactory()
    learner.password = PBKDF2PasswordHasher().encode(PASSWORD, "sel0123456789ab", iterations=1000)
    learner.save(update_fields=["password"])

    response = client.post(
        reverse("accounts:login"), {"username": learner.matricule, "password": PASSWORD}
    )

    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert check_password(PASSWORD, learner.password)


@pytest.mark.django_db
def test_a_wrong_password_leaves_the_hash_alone(client, production_hashers):
    learner = LearnerFactory()
    old = PBKDF2PasswordHasher().encode(PASSWORD, "sel0123456789ab", iterations=1000)
    learner.password = old
    learner.save(update_fields=["password"])

    response = client.post(
        reverse("accounts:login"), {"username": learner.matricule, "password": "mauvais-mdp"}
    )

    assert response.status_code == 200
    learner.refresh_from_db()
    assert learner.password == old
