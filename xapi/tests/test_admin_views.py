import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from accounts.tests.factories import LearnerFactory, UserFactory
from xapi import statements
from xapi.models import OutboxStatement

pytestmark = pytest.mark.django_db


def row_make(status=OutboxStatement.Status.WAITING, *, key="enrolled:1", **fields):
    _verb, statement = statements.build(
        key,
        verb_name="registered",
        user_id=1,
        obj={"objectType": "Activity", "id": "https://kalan.example/formations/a/"},
        moment=timezone.now(),
    )
    return OutboxStatement.objects.create(
        statement_id=statement["id"],
        verb="registered",
        statement=statement,
        status=status,
        **fields,
    )


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(role=roles.ADMINISTRATORS))
    return client


def test_the_outbox_lists_each_state_with_the_last_error(admin_client, settings):
    settings.XAPI_LRS_URL = "https://lrs.example/xAPI/"
    row_make(key="enrolled:1")
    row_make(OutboxStatement.Status.SENT, key="enrolled:2", sent_at=timezone.now())
    failing = row_make(
        OutboxStatement.Status.FAILING,
        key="enrolled:3",
        attempts=3,
        last_error="HTTP 500 : <script>alert(1)</script>",
    )
    page = admin_client.get(reverse("xapi_outbox:index")).content.decode()
    assert "En attente (1)" in page and "Envoyée (1)" in page and "En échec (1)" in page
    assert str(failing.statement_id) in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert "Renvoyer toutes les déclarations en échec" in page
    assert "Aucun entrepôt" not in page
    waiting = admin_client.get(reverse("xapi_outbox:index"), {"etat": "waiting"})
    assert str(OutboxStatement.objects.get(status="waiting").statement_id) in (
        waiting.content.decode()
    )


def test_hostile_filters_fall_back_to_the_failing_list(admin_client):
    row_make(OutboxStatement.Status.FAILING, key="enrolled:9", last_error="timeout")
    for state in ("<script>", "sent' OR 1=1 --", "x" * 5000, ""):
        response = admin_client.get(reverse("xapi_outbox:index"), {"etat": state, "page": "-1"})
        assert response.status_code == 200
        assert "timeout" in response.content.decode()


def test_without_an_lrs_the_page_says_statements_wait(admin_client, settings):
    settings.XAPI_LRS_URL = ""
    page = admin_client.get(reverse("xapi_outbox:index")).content.decode()
    assert "Aucun entrepôt d’apprentissage (LRS) n’est configuré" in page


def test_renvoyer_makes_a_failing_row_due_now_by_post_only(admin_client):
    later = timezone.now() + timezone.timedelta(hours=1)
    row = row_make(OutboxStatement.Status.FAILING, key="enrolled:4", next_try_at=later)
    url = reverse("xapi_outbox:retry", args=[row.pk])
    assert admin_client.get(url).status_code == 405
    row.refresh_from_db()
    assert row.next_try_at == later
    response = admin_client.post(url)
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.next_try_at <= timezone.now() and row.status == OutboxStatement.Status.FAILING
    assert admin_client.post(reverse("xapi_outbox:retry", args=[row.pk + 999])).status_code == 404


def test_renvoyer_all_leaves_sent_rows_alone(admin_client):
    later = timezone.now() + timezone.timedelta(hours=1)
    failing = row_make(OutboxStatement.Status.FAILING, key="enrolled:5", next_try_at=later)
    sent = row_make(OutboxStatement.Status.SENT, key="enrolled:6", next_try_at=later)
    admin_client.post(reverse("xapi_outbox:retry_failing"))
    failing.refresh_from_db()
    sent.refresh_from_db()
    assert failing.next_try_at <= timezone.now() and sent.next_try_at == later


def test_renvoyer_needs_the_csrf_token():
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(UserFactory(role=roles.ADMINISTRATORS))
    row = row_make(OutboxStatement.Status.FAILING, key="enrolled:7")
    response = csrf_client.post(reverse("xapi_outbox:retry", args=[row.pk]))
    assert response.status_code == 403


@pytest.mark.parametrize("role", [roles.EDITORS, roles.REVIEWERS, roles.SUPERVISORS])
def test_only_administrators_see_or_act(client, role):
    row = row_make(OutboxStatement.Status.FAILING, key="enrolled:8")
    client.force_login(UserFactory(role=role))
    for url, method in (
        (reverse("xapi_outbox:index"), client.get),
        (reverse("xapi_outbox:retry", args=[row.pk]), client.post),
        (reverse("xapi_outbox:retry_failing"), client.post),
    ):
        response = method(url)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "/admin/login" in response["Location"] or response["Location"] == "/admin/"
    assert "Envois xAPI" not in client.get("/admin/").content.decode()


def test_a_learner_is_sent_away(client):
    client.force_login(LearnerFactory())
    response = client.get(reverse("xapi_outbox:index"))
    assert response.status_code in (302, 403)
