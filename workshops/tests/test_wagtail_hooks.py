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
