"""Sign-in lockouts behind the TLS proxy, on every sign-in form: the (matricule, client
address) pair, a limit per address across matricules, and no lockout that a right password
(or anything else) can make longer."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.test import Client, override_settings

from accounts.tests.factories import NGINX, UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("behind_the_proxy"),
]

PASSWORD = "motdepasse-test"
ATTACKER = "203.0.113.66"
OFFICER = "198.51.100.7"

SIGN_IN_URLS = ["/connexion/", "/admin/login/", "/django-admin/login/", "/_util/login/"]


@pytest.fixture
def administrator():
    # Every form above lets an administrator in, Django's admin included.
    return UserFactory(matricule="CNDH-ADM-09", is_staff=True, is_superuser=True)


def sign_in(url, matricule, password, *, client_address, remote=NGINX, **headers):
    """One attempt from a fresh browser, through nginx (which appends the client's address)."""
    client = Client(**headers)
    response = client.post(
        url,
        {"username": matricule, "password": password},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=client_address,
    )
    response.signed_in = "_auth_user_id" in client.session
    return response


def age_failures(minutes):
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


@pytest.mark.parametrize("url", SIGN_IN_URLS)
def test_a_stranger_cannot_lock_an_officer_out_from_elsewhere(url, administrator):
    statuses = [
        sign_in(url, "CNDH-ADM-09", "mauvais", client_address=ATTACKER).status_code
        for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    assert sign_in(url, "cndh-adm-09", PASSWORD, client_address=ATTACKER).status_code == 429
    officer = sign_in(url, "CNDH-ADM-09", PASSWORD, client_address=OFFICER)
    assert officer.status_code == 302 and officer.signed_in


@pytest.mark.parametrize("url", SIGN_IN_URLS)
def test_a_right_password_never_extends_a_lockout(url, administrator):
    for _ in range(5):
        sign_in(url, "CNDH-ADM-09", "mauvais", client_address=OFFICER)
    age_failures(10)
    during = sign_in(url, "CNDH-ADM-09", PASSWORD, client_address=OFFICER)
    assert during.status_code == 429 and not during.signed_in
    # 16 minutes after the fifth failure, whatever was tried in between.
    age_failures(6)
    after = sign_in(url, "CNDH-ADM-09", PASSWORD, client_address=OFFICER)
    assert after.status_code == 302 and after.signed_in


def test_a_failure_during_a_lockout_does_not_extend_it_either(administrator):
    for _ in range(5):
        sign_in("/connexion/", "CNDH-ADM-09", "mauvais", client_address=OFFICER)
    for _ in range(3):
        age_failures(5)
        sign_in("/connexion/", "CNDH-ADM-09", "mauvais", client_address=OFFICER)
    age_failures(1)
    assert sign_in("/connexion/", "CNDH-ADM-09", PASSWORD, client_address=OFFICER).signed_in


@pytest.mark.parametrize("url", SIGN_IN_URLS)
def test_one_address_is_stopped_across_matricules(url, administrator):
    """The review's 40 failures over 10 matricules from one client, never blocked before."""
    statuses = [
        sign_in(url, f"OPJ-{n:04d}", "mauvais", client_address=ATTACKER).status_code
        for _ in range(4)
        for n in range(10)
    ]
    assert statuses[:19] == [200] * 19
    assert set(statuses[19:]) == {429}
    locked = sign_in(url, "CNDH-ADM-09", PASSWORD, client_address=ATTACKER)
    assert locked.status_code == 429 and not locked.signed_in
    assert "Connexion temporairement bloquée" in locked.content.decode()
    assert "20 échecs, tous matricules confondus" in locked.content.decode()
    # That address only: the same matricules still sign in from anywhere else.
    assert sign_in(url, "CNDH-ADM-09", PASSWORD, client_address=OFFICER).signed_in


def test_signing_in_to_ones_own_account_keeps_the_address_count(administrator):
    UserFactory(matricule="OPJ-0666")
    for n in range(19):
        sign_in("/connexion/", f"OPJ-{n:04d}", "mauvais", client_address=ATTACKER)
    assert sign_in("/connexion/", "OPJ-0666", PASSWORD, client_address=ATTACKER).signed_in
    assert sign_in("/connexion/", "OPJ-0100", "mauvais", client_address=ATTACKER).status_code == 429


def test_a_header_from_a_client_that_is_not_the_proxy_is_not_believed(administrator):
    """A client reaching gunicorn directly cannot pick a new address for each guess, nor
    lock out the address an officer signs in from."""
    statuses = [
        sign_in(
            "/connexion/",
            "CNDH-ADM-09",
            "mauvais",
            client_address=f"198.51.100.{n}",
            remote=ATTACKER,
        ).status_code
        for n in range(6)
    ]
    assert statuses == [200, 200, 200, 200, 429, 429]
    assert sign_in("/connexion/", "CNDH-ADM-09", PASSWORD, client_address=OFFICER).signed_in


@override_settings(AXES_FAILURE_LIMIT=3, AXES_COOLOFF_TIME=timedelta(minutes=30))
def test_the_pages_state_the_limits_in_force(administrator):
    wrong = sign_in("/connexion/", "CNDH-ADM-09", "mauvais", client_address=OFFICER)
    assert "après 3 échecs" in wrong.content.decode()
    assert "bloquée pendant 30 minutes" in wrong.content.decode()
    sign_in("/connexion/", "CNDH-ADM-09", "mauvais", client_address=OFFICER)
    locked = sign_in("/connexion/", "CNDH-ADM-09", "mauvais", client_address=OFFICER)
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Compte temporairement bloqué" in html
    assert "(3 échecs)" in html and "pendant 30 minutes" in html


@pytest.mark.usefixtures("french_afterwards")
def test_the_lockout_page_speaks_the_chosen_language(administrator):
    for _ in range(5):
        locked = sign_in(
            "/connexion/",
            "CNDH-ADM-09",
            "mauvais",
            client_address=OFFICER,
            HTTP_COOKIE="django_language=en",
        )
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Account temporarily locked" in html
    assert "(5 failures)" in html and "blocked here for 15 minutes" in html
