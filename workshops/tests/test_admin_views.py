"""« Attestations de participation » in the Wagtail admin (the viewset `workshop_attestations`):
administrators list, revoke (with a reason, after a confirmation) and reissue (after a
confirmation); the permission policy lets nobody else in; bad input changes nothing."""

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
    listing = admin_client.get(reverse("workshop_attestations:index"), {"q": "samaké"})
    assert listing.status_code == 200
    page = listing.content.decode()
    assert attestation.serial in page and "Révoquer…" in page and "Réémettre…" in page
    assert "2 sur 2" in page  # the attendance column
    # By matricule too; a search that matches nothing lists nothing.
    matricule = attestation.participant.learner.matricule
    by_matricule = admin_client.get(reverse("workshop_attestations:index"), {"q": matricule})
    assert attestation.serial in by_matricule.content.decode()
    nothing = admin_client.get(reverse("workshop_attestations:index"), {"q": "Personne-XYZ"})
    assert attestation.serial not in nothing.content.decode()
    url = reverse("workshop_attestations:revoke", args=[attestation.pk])
    confirm = admin_client.get(url)
    assert confirm.status_code == 200
    assert "Révoquer définitivement" in confirm.content.decode()
    attestation.refresh_from_db()
    assert attestation.is_valid  # a GET only asks
    response = admin_client.post(url, {"reason": "  Identité   erronée "})
    assert response.status_code == 302
    assert response["Location"] == reverse("workshop_attestations:index")
    attestation.refresh_from_db()
    assert attestation.revoked_at and attestation.revoked_reason == "Identité erronée"
    listing = admin_client.get(reverse("workshop_attestations:index")).content.decode()
    assert "Identité erronée" in listing and "Révoquer…" not in listing
    # Twice: said so, nothing changes.
    again = admin_client.post(url, {"reason": "Autre motif"}, follow=True)
    assert "déjà révoquée" in again.content.decode()
    attestation.refresh_from_db()
    assert attestation.revoked_reason == "Identité erronée"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Champ requis."),
        ({"reason": ""}, "Champ requis."),
        ({"reason": "   \n\t "}, "Champ requis."),
        ({"reason": "x" * 501}, "au plus 500 caractères"),
        ({"reason": ["Un", "Deux"]}, None),  # two values: the last is read, as Django does
        ({"reason": "\x00nul"}, "caractère nul"),
    ],
)
def test_a_revocation_without_a_proper_reason_changes_nothing(
    admin_client, attestation, data, message
):
    url = reverse("workshop_attestations:revoke", args=[attestation.pk])
    response = admin_client.post(url, data)
    attestation.refresh_from_db()
    if message is None:
        assert response.status_code == 302 and attestation.revoked_reason == "Deux"
        return
    assert response.status_code == 400
    assert message in response.content.decode()
    assert attestation.is_valid


def test_markup_in_a_reason_is_shown_as_text(admin_client, attestation):
    url = reverse("workshop_attestations:revoke", args=[attestation.pk])
    admin_client.post(url, {"reason": "<script>alert(1)</script> erreur"})
    attestation.refresh_from_db()
    assert attestation.revoked_reason == "<script>alert(1)</script> erreur"
    page = admin_client.get(reverse("workshop_attestations:index")).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; erreur" in page


def test_unknown_ids_answer_404(admin_client, attestation):
    for name in ("workshop_attestations:revoke", "workshop_attestations:reissue"):
        url = reverse(name, args=[999_999])
        assert admin_client.get(url).status_code == 404
        assert admin_client.post(url, {"reason": "x"}).status_code == 404


def test_reissue_asks_first_then_replaces_a_revoked_one(admin_client, attestation):
    attestations.attestation_revoke(attestation=attestation, reason="Erreur")
    url = reverse("workshop_attestations:reissue", args=[attestation.pk])
    # A GET only says what will happen.
    confirm = admin_client.get(url)
    assert confirm.status_code == 200 and "nouveau numéro" in confirm.content.decode()
    assert not Attestation.objects.valid().exists()
    response = admin_client.post(url, follow=True)
    assert "émise" in response.content.decode()
    assert Attestation.objects.valid().count() == 1
    assert Attestation.objects.valid().get().pk != attestation.pk


def test_reissue_of_a_valid_one_keeps_its_number(admin_client, attestation):
    url = reverse("workshop_attestations:reissue", args=[attestation.pk])
    assert "garde son numéro" in admin_client.get(url).content.decode()
    response = admin_client.post(url, follow=True)
    assert f"Attestation {attestation.serial} émise." in response.content.decode()
    assert Attestation.objects.get().pk == attestation.pk


def test_reissue_when_the_attendance_fell_short_says_why(admin_client, attestation):
    attestations.attestation_revoke(attestation=attestation, reason="Appel erroné")
    participant = attestation.participant
    session = participant.workshop.sessions.order_by("date", "part").first()
    services.attendance_save(session=session, marks={participant.pk: "absent"}, marked_by=None)
    url = reverse("workshop_attestations:reissue", args=[attestation.pk])
    response = admin_client.post(url, follow=True)
    assert response.status_code == 200
    assert "Présence insuffisante" in response.content.decode()
    assert not Attestation.objects.valid().exists()


def test_the_policy_grants_the_list_and_actions_never_a_hand_made_attestation(db):
    """Issued by the service only: not added, edited or deleted from the admin, even by a
    superuser; the list goes with `view_attestation`, the actions with `change_attestation`."""
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(Attestation)
    administrator = UserFactory(role=roles.ADMINISTRATORS)
    superuser = UserFactory(is_superuser=True)
    editor = UserFactory(role=roles.EDITORS)
    reader = UserFactory()
    reader.user_permissions.add(
        Permission.objects.get(content_type__app_label="workshops", codename="view_attestation")
    )
    for action in ("view", "revoke", "reissue"):
        assert policy.user_has_permission(administrator, action)
        assert policy.user_has_permission(superuser, action)
        assert not policy.user_has_permission(editor, action)
    assert policy.user_has_permission(reader, "view")
    assert not policy.user_has_permission(reader, "revoke")
    assert not policy.user_has_permission(reader, "reissue")
    for action in ("add", "change", "edit", "delete"):
        assert not policy.user_has_permission(superuser, action)
    assert set(policy.users_with_any_permission(["revoke"])) == {administrator, superuser}
    assert set(policy.users_with_any_permission(["view"])) == {administrator, superuser, reader}
    assert not policy.users_with_any_permission(["delete"]).exists()
    administrator.is_active = False
    assert not policy.user_has_permission(administrator, "view")


def test_a_reader_sees_the_list_without_the_actions(client, attestation):
    reader = UserFactory()
    reader.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_attestation", "access_admin"],
            content_type__app_label__in=["workshops", "wagtailadmin"],
        )
    )
    client.force_login(reader)
    page = client.get(reverse("workshop_attestations:index")).content.decode()
    assert attestation.serial in page
    assert "Révoquer…" not in page and "Réémettre…" not in page
    response = client.post(
        reverse("workshop_attestations:revoke", args=[attestation.pk]), {"reason": "x"}
    )
    assert response.status_code == 302 and response["Location"].split("?")[0] == "/admin/"
    attestation.refresh_from_db()
    assert attestation.is_valid


@pytest.mark.parametrize("who", ["learner", "supervisor", "editor", "anonymous"])
def test_nobody_else_gets_in(client, attestation, who, role_groups):
    if who == "learner":
        client.force_login(LearnerFactory())
    elif who == "supervisor":
        client.force_login(SupervisorFactory())
    elif who == "editor":
        client.force_login(UserFactory(role=roles.EDITORS))
    for name, args in (
        ("workshop_attestations:index", []),
        ("workshop_attestations:revoke", [attestation.pk]),
        ("workshop_attestations:reissue", [attestation.pk]),
    ):
        url = reverse(name, args=args)
        for response in (client.get(url), client.post(url, {"reason": "Intrus"})):
            # Wagtail's answers: its sign-in, or its home page with « pas la permission ».
            assert response.status_code == 302, (who, name)
            assert response["Location"].split("?")[0] in ("/admin/", "/admin/login/"), name
            assert attestation.serial not in response.content.decode()
    if who == "editor":
        assert "/admin/ateliers-attestations/" not in client.get("/admin/").content.decode()
    attestation.refresh_from_db()
    assert attestation.is_valid and Attestation.objects.count() == 1


def test_the_menu_shows_the_list_to_administrators(admin_client):
    assert "/admin/ateliers-attestations/" in admin_client.get("/admin/").content.decode()
