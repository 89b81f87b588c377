import pytest

from accounts import roles
from accounts.models import User
from accounts.tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_administrator_creates_a_learner_in_wagtail_admin(client, role_groups):
    admin = UserFactory(role=roles.ADMINISTRATORS, is_superuser=True)
    unit = UnitFactory(name="Brigade de Sévaré")
    client.force_login(admin)
    form = client.get("/admin/users/new/")
    assert form.status_code == 200
    assert "id_full_name" in form.content.decode()
    response = client.post(
        "/admin/users/new/",
        {
            "matricule": "opj-0500",
            "full_name": "Salif Keïta",
            "rank": "Gendarme",
            "unit": unit.pk,
            "email": "",
            "phone": "",
            "language": "fr",
            "password1": "un-mot-de-passe-sur",
            "password2": "un-mot-de-passe-sur",
            "groups": [role_groups[roles.LEARNERS].pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = User.objects.get(matricule="OPJ-0500")
    assert created.unit == unit
    assert created.groups.filter(name=roles.LEARNERS).exists()


def test_user_list_and_edit_pages_render(client):
    admin = UserFactory(is_superuser=True)
    other = UserFactory(full_name="Nana Diallo")
    client.force_login(admin)
    assert "Nana Diallo" in client.get("/admin/users/").content.decode()
    assert client.get(f"/admin/users/edit/{other.pk}/").status_code == 200
