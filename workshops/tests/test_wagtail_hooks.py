"""The administrators' « Ateliers » in the Wagtail admin: the list and the form (with the
sessions inline) for administrators; nobody else gets in."""

import pytest

from accounts import roles
from accounts.tests.factories import SupervisorFactory, UserFactory

from .factories import workshop_make

pytestmark = pytest.mark.django_db


def test_an_administrator_lists_and_edits_workshops(client, role_groups):
    from django.contrib.auth.models import Group, Permission

    admins = Group.objects.get(name=roles.ADMINISTRATORS)
    admins.permissions.add(*Permission.objects.filter(content_type__app_label="workshops"))
    workshop = workshop_make()
    client.force_login(UserFactory(role=roles.ADMINISTRATORS))
    index = client.get("/admin/ateliers/")
    assert index.status_code == 200
    assert workshop.title in index.content.decode()
    edit = client.get(f"/admin/ateliers/edit/{workshop.pk}/")
    assert edit.status_code == 200
    body = edit.content.decode()
    assert "sessions-TOTAL_FORMS" in body and 'value="6"' in body
    assert client.get("/admin/ateliers/new/").status_code == 200


def test_a_supervisor_does_not_reach_the_admin_viewset(client, role_groups):
    workshop = workshop_make()
    client.force_login(SupervisorFactory())
    assert client.get("/admin/ateliers/").status_code in (302, 403)
    assert client.get(f"/admin/ateliers/edit/{workshop.pk}/").status_code in (302, 403)


def test_a_workshop_with_attestations_is_not_deleted_and_says_why(
    client, role_groups, settings, tmp_path
):
    from django.contrib.auth.models import Group, Permission

    from accounts.tests.factories import LearnerFactory
    from workshops import attestations, services
    from workshops.models import Attestation, Workshop

    from .factories import participants_make

    settings.MEDIA_ROOT = str(tmp_path)
    admins = Group.objects.get(name=roles.ADMINISTRATORS)
    admins.permissions.add(*Permission.objects.filter(content_type__app_label="workshops"))
    workshop = workshop_make(days=1)
    (record,) = participants_make(workshop, [LearnerFactory()])
    for session in workshop.sessions.all():
        services.attendance_save(session=session, marks={record.pk: "present"}, marked_by=None)
    attestations.attestation_issue(participant_id=record.pk)
    client.force_login(UserFactory(role=roles.ADMINISTRATORS))
    response = client.post(f"/admin/ateliers/delete/{workshop.pk}/", follow=True)
    assert response.status_code == 200
    assert "ne peut pas être supprimé" in response.content.decode()
    assert Workshop.objects.filter(pk=workshop.pk).exists() and Attestation.objects.count() == 1
    # Without attestations, the deletion goes through.
    other = workshop_make(title="Atelier sans attestation")
    client.post(f"/admin/ateliers/delete/{other.pk}/")
    assert not Workshop.objects.filter(pk=other.pk).exists()
