"""« Attestations de participation » in the Wagtail admin: administrators list, revoke (with a
reason, after a confirmation) and reissue; nobody else gets in; bad input changes nothing."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from accounts import roles
from accounts.tests.factories import LearnerFactory, SupervisorFactory, UserFactory
from workshops import attestations, services
from workshops.models import Attestation

from .factories import participants_make, workshop_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def attestation(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    workshop = workshop_make(days=1)
    (record,) = participants_make(workshop, [LearnerFactory(full_name="Oumou Samaké")])
    for session in workshop.sessions.all():
        services.attendance_save(session=session, marks={record.pk: "present"}, marked_by=None)
    return attestations.attestation_issue(participant_id=record.pk)


@pytest.fixture
def admin_client(client):
    # The role fixture of the migrations: Administrateurs hold the attestation rights.
    admins = Group.objects.get(name=roles.ADMINISTRATORS)
    assert admins.permissions.filter(
        content_type__app_label="workshops", codename="change_attestation"
    ).exists()
    admins.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(UserFactory(role=roles.ADMINISTRATORS))
    return client


def test_an_administrator_finds_and_revokes_with_a_reason(admin_client, attestation):
    listing = admin_client.get(reverse("workshops_admin_attestations"), {"q": "samaké"})
    assert listing.status_code == 200
    assert attestation.serial in listing.content.decode()
    url = reverse("workshops_admin_attestation_revoke", args=[attestation.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"reason": "  Identité   erronée "})
    assert response.status_code == 302
    attestation.refresh_from_db()
    assert attestation.revoked_at and attestation.revoked_reason == "Identité erronée"
    # Twice: said so, nothing changes.
    again = admin_client.post(url, {"reason": "Autre motif"}, follow=True)
    assert "déjà révoquée" in again.content.decode()
    attestation.refresh_from_db()
    assert attestation.revoked_reason == "Identité erronée"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Champ requis."),
        ({"reason": "   \n\t "}, "Champ requis."),
        ({"reason": "x" * 501}, "au plus 500 caractères"),
    ],
)
def test_a_revocation_without_a_proper_reason_changes_nothing(
    admin_client, attestation, data, message
):
    url = reverse("workshops_admin_attestation_revoke", args=[attestation.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    attestation.refresh_from_db()
    assert attestation.is_valid


def test_unknown_ids_answer_404(admin_client, attestation):
    for name in ("workshops_admin_attestation_revoke", "workshops_admin_attestation_reissue"):
        assert admin_client.post(reverse(name, args=[999_999])).status_code == 404


def test_reissue_after_a_revocation_makes_a_new_valid_one(admin_client, attestation):
    attestations.attestation_revoke(attestation=attestation, reason="Erreur")
    response = admin_client.post(
        reverse("workshops_admin_attestation_reissue", args=[attestation.pk]), follow=True
    )
    assert "émise" in response.content.decode()
    assert Attestation.objects.valid().count() == 1
    assert Attestation.objects.valid().get().pk != attestation.pk
    # A GET does nothing.
    url = reverse("workshops_admin_attestation_reissue", args=[attestation.pk])
    assert admin_client.get(url).status_code == 405


@pytest.mark.parametrize("who", ["learner", "supervisor", "editor", "anonymous"])
def test_nobody_else_gets_in(client, attestation, who, role_groups):
    if who == "learner":
        client.force_login(LearnerFactory())
    elif who == "supervisor":
        client.force_login(SupervisorFactory())
    elif who == "editor":
        client.force_login(UserFactory(role=roles.EDITORS))
    for method, name, args in (
        ("get", "workshops_admin_attestations", []),
        ("post", "workshops_admin_attestation_revoke", [attestation.pk]),
        ("post", "workshops_admin_attestation_reissue", [attestation.pk]),
    ):
        response = getattr(client, method)(reverse(name, args=args), {"reason": "Intrus"})
        assert response.status_code in (302, 403), (who, name)
        assert attestation.serial not in response.content.decode()
    attestation.refresh_from_db()
    assert attestation.is_valid and Attestation.objects.count() == 1
