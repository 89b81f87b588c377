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


def _tab(html: str, name: str) -> str:
    start = html.index(f'id="tab-{name}"')
    return html[start : html.index("</section>", start)]


# Not `page`: Playwright's fixture has that name, and the test would become a browser test
# that reorders the whole suite (pytest-django runs database tests before live-server ones).
@pytest.mark.parametrize("form", ["new", "edit"])
def test_user_forms_show_kalan_fields_in_their_tabs(client, form):
    """Create and edit share one form layout: Kalan's profile fields in place of Wagtail's
    first and last name, the supervised units with the roles."""
    admin = UserFactory(is_superuser=True)
    other = UserFactory(full_name="Nana Diallo")
    client.force_login(admin)
    url = "/admin/users/new/" if form == "new" else f"/admin/users/edit/{other.pk}/"
    html = client.get(url).content.decode()
    account, roles_tab = _tab(html, "account"), _tab(html, "roles")
    for field in ["email", "full_name", "rank", "unit", "phone", "language", "password1"]:
        assert f'id="id_{field}"' in account, field
    for field in ["is_superuser", "groups", "supervised_units"]:
        assert f'id="id_{field}"' in roles_tab, field
    assert "id_first_name" not in html and "id_last_name" not in html
    # Deactivating is for existing accounts; the button to the roles tab, for a new one.
    assert ('id="id_is_active"' in account) == (form == "edit")
    assert account.count('href="#tab-roles"') == (1 if form == "new" else 0)
    if form == "edit":
        assert 'value="Nana Diallo"' in account
