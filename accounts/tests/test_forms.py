"""Password-reset emails are limited per inbox and per client address, on Kalan's form and
on Wagtail's admin one, and the answer never tells whether a limit or an account was hit."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from accounts.forms import SignInForm
from accounts.tests.factories import NGINX, LearnerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("behind_the_proxy")]


@pytest.fixture
def ask_reset(settings, django_capture_on_commit_callbacks):
    """One request from a fresh browser through nginx. Reset emails leave through Celery after
    the commit: both run on the spot. The counters live in the cache, which other tests share."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    cache.clear()

    def ask(email, *, client_address, url=None):
        with django_capture_on_commit_callbacks(execute=True):
            return Client().post(
                url or reverse("accounts:password_reset"),
                {"email": email},
                REMOTE_ADDR=NGINX,
                HTTP_X_FORWARDED_FOR=client_address,
            )

    yield ask
    cache.clear()


@pytest.mark.parametrize("url", ["/mot-de-passe-oublie/", "/admin/password_reset/"])
def test_one_inbox_gets_at_most_three_links(ask_reset, url):
    """The review's 20 requests for one person, from as many addresses: 20 emails before."""
    assert Client().get(url).status_code == 200
    LearnerFactory(email="awa@example.ml")
    for n in range(20):
        ask_reset("AWA@example.ml", client_address=f"198.51.100.{n}", url=url)
    assert len(mail.outbox) == 3
    assert {tuple(message.to) for message in mail.outbox} == {("awa@example.ml",)}


def test_accounts_sharing_an_inbox_share_its_limit(ask_reset):
    LearnerFactory(email="poste@example.ml")
    LearnerFactory(email="poste@example.ml")
    for n in range(5):
        ask_reset("poste@example.ml", client_address=f"198.51.100.{n}")
    assert len(mail.outbox) == 3


@pytest.mark.parametrize("url", ["/mot-de-passe-oublie/", "/admin/password_reset/"])
def test_one_client_address_asks_for_at_most_ten_resets(ask_reset, url):
    for n in range(12):
        LearnerFactory(email=f"opj{n}@example.ml")
    for n in range(11):
        ask_reset(f"opj{n}@example.ml", client_address="203.0.113.66", url=url)
    assert len(mail.outbox) == 10
    # Only that address: the officer's own request from elsewhere still leaves.
    ask_reset("opj11@example.ml", client_address="198.51.100.7", url=url)
    assert len(mail.outbox) == 11
    assert mail.outbox[-1].to == ["opj11@example.ml"]


def test_the_answer_is_the_same_whatever_happens(ask_reset):
    LearnerFactory(email="awa@example.ml")
    sent = ask_reset("awa@example.ml", client_address="198.51.100.1")
    unknown = ask_reset("personne@example.ml", client_address="198.51.100.2")
    for n in range(3):
        ask_reset("awa@example.ml", client_address=f"198.51.100.{10 + n}")
    inbox_full = ask_reset("awa@example.ml", client_address="198.51.100.3")
    for n in range(10):
        ask_reset(f"x{n}@example.ml", client_address="203.0.113.66")
    address_full = ask_reset("awa@example.ml", client_address="203.0.113.66")
    assert len(mail.outbox) == 3
    answers = {(r.status_code, r["Location"]) for r in (sent, unknown, inbox_full, address_full)}
    assert answers == {(302, reverse("accounts:password_reset_done"))}


@pytest.mark.usefixtures("french_afterwards")
def test_the_done_page_states_the_limit_in_force():
    with override_settings(KALAN_PASSWORD_RESET_PER_EMAIL=2):
        html = Client().get(reverse("accounts:password_reset_done")).content.decode()
    assert "au plus 2 e-mails en 60 minutes" in html
    english = Client(HTTP_COOKIE="django_language=en")
    html = english.get(reverse("accounts:password_reset_done")).content.decode()
    assert "at most 3 emails in 60 minutes" in html


@pytest.mark.parametrize(
    ("limit", "cooloff", "expected"),
    [
        (
            5,
            timedelta(minutes=15),
            "après 5 échecs, la connexion à ce matricule depuis cet "
            "appareil est bloquée pendant 15 minutes.",
        ),
        (
            4,
            timedelta(hours=1),
            "après 4 échecs, la connexion à ce matricule depuis cet "
            "appareil est bloquée pendant 60 minutes.",
        ),
        (
            7,
            timedelta(minutes=1),
            "après 7 échecs, la connexion à ce matricule depuis cet "
            "appareil est bloquée pendant 1 minute.",
        ),
    ],
)
def test_the_sign_in_warning_states_the_lockout_settings(settings, limit, cooloff, expected):
    """The numbers of the warning are those of the settings that axes enforces."""
    settings.AXES_FAILURE_LIMIT = limit
    settings.AXES_COOLOFF_TIME = cooloff
    message = SignInForm().get_invalid_login_error().messages[0]
    assert message.startswith("Matricule ou mot de passe incorrect.")
    assert message.endswith(expected)
