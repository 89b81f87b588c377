"""« Unités » in the Wagtail admin (accounts/units_admin.py): the tree, add, rename, move,
delete only when nothing depends on the unit, administrators only."""

import re

import pytest

from accounts import roles
from accounts.models import Unit
from accounts.tests.factories import LearnerFactory, SupervisorFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/unites/"


@pytest.fixture
def tree():
    gendarmerie = UnitFactory(name="Gendarmerie nationale")
    police = UnitFactory(name="Police nationale")
    mopti = UnitFactory(name="Région de Mopti", parent=gendarmerie)
    sevare = UnitFactory(name="Brigade de Sévaré", parent=mopti)
    kayes = UnitFactory(name="Région de Kayes", parent=gendarmerie)
    # Sorted inserts move siblings' paths in the database: read every unit again.
    return {u.name: Unit.objects.get(pk=u.pk) for u in (gendarmerie, police, mopti, sevare, kayes)}


@pytest.fixture
def administrator(client, role_groups):
    user = UserFactory(role=roles.ADMINISTRATORS)
    client.force_login(user)
    return user


def _names_in_order():
    return [u.name for u in Unit.objects.order_by("path")]


def test_the_list_is_the_indented_tree_with_learner_counts(client, administrator, tree):
    LearnerFactory(unit=tree["Brigade de Sévaré"])
    LearnerFactory(unit=tree["Brigade de Sévaré"])
    LearnerFactory(unit=tree["Région de Mopti"])
    SupervisorFactory(unit=tree["Région de Mopti"])  # not a learner: not counted
    html = client.get(INDEX).content.decode()
    order = [
        "Gendarmerie nationale",
        "— Région de Kayes",
        "— Région de Mopti",
        "— — Brigade de Sévaré",
        "Police nationale",
    ]
    positions = [html.index(name) for name in order]
    assert positions == sorted(positions)

    def counts(name):
        row = html[html.index(name) : html.index("</tr>", html.index(name))]
        return [int(n) for n in re.findall(r"<td[^>]*>\s*(\d+)\s*</td>", row)]

    assert counts("— Région de Mopti") == [1, 3]
    assert counts("— — Brigade de Sévaré") == [2, 2]
    assert counts("Gendarmerie nationale") == [0, 3]
    assert counts("Police nationale") == [0, 0]


def test_add_a_unit_under_a_parent_keeps_the_level_sorted(client, administrator, tree):
    response = client.post(
        f"{INDEX}new/", {"name": "  Région   de Gao ", "parent": tree["Gendarmerie nationale"].pk}
    )
    assert response.status_code == 302
    gao = Unit.objects.get(name="Région de Gao")
    assert gao.get_parent() == tree["Gendarmerie nationale"]
    assert _names_in_order().index("Région de Gao") < _names_in_order().index("Région de Kayes")


def test_add_a_top_level_unit(client, administrator, tree):
    assert client.post(f"{INDEX}new/", {"name": "Garde nationale", "parent": ""}).status_code == 302
    assert Unit.objects.get(name="Garde nationale").is_root()


def test_rename_takes_its_place_in_the_order(client, administrator, tree):
    kayes = tree["Région de Kayes"]
    response = client.post(
        f"{INDEX}edit/{kayes.pk}/",
        {"name": "Région de Ségou", "parent": tree["Gendarmerie nationale"].pk},
    )
    assert response.status_code == 302
    names = _names_in_order()
    assert names.index("Région de Mopti") < names.index("Région de Ségou")


def test_move_a_unit_with_its_subtree(client, administrator, tree):
    mopti = tree["Région de Mopti"]
    learner = LearnerFactory(unit=tree["Brigade de Sévaré"])
    response = client.post(
        f"{INDEX}edit/{mopti.pk}/", {"name": mopti.name, "parent": tree["Police nationale"].pk}
    )
    assert response.status_code == 302
    mopti = Unit.objects.get(pk=mopti.pk)
    assert mopti.get_parent() == tree["Police nationale"]
    learner.refresh_from_db()
    assert str(learner.unit) == "Police nationale › Région de Mopti › Brigade de Sévaré"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "parent": ""}, "Champ requis"),
        ({"name": "x" * 151, "parent": ""}, "au plus 150 caractères"),
        ({"name": "Région de Gao", "parent": "abc"}, "choix valide"),
        ({"name": "Région de Kayes", "parent": "999999"}, "choix valide"),
    ],
)
def test_hostile_or_wrong_input_is_refused_with_a_message(
    client, administrator, tree, data, message
):
    before = _names_in_order()
    response = client.post(f"{INDEX}new/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert _names_in_order() == before


def test_a_sibling_with_the_same_name_is_refused(client, administrator, tree):
    response = client.post(
        f"{INDEX}new/", {"name": "région de kayes", "parent": tree["Gendarmerie nationale"].pk}
    )
    assert response.status_code == 200
    assert "Une unité porte déjà ce nom" in response.content.decode()


def test_a_unit_cannot_move_below_itself(client, administrator, tree):
    gendarmerie = tree["Gendarmerie nationale"]
    form = client.get(f"{INDEX}edit/{gendarmerie.pk}/").content.decode()
    assert f'value="{tree["Brigade de Sévaré"].pk}"' not in form
    response = client.post(
        f"{INDEX}edit/{gendarmerie.pk}/",
        {"name": gendarmerie.name, "parent": tree["Brigade de Sévaré"].pk},
    )
    assert response.status_code == 200
    assert Unit.objects.get(pk=gendarmerie.pk).is_root()


def test_delete_is_refused_while_something_depends_on_the_unit(client, administrator, tree):
    mopti = tree["Région de Mopti"]
    page = client.get(f"{INDEX}delete/{mopti.pk}/").content.decode()
    assert "ne peut pas être supprimée" in page and "1 unité en dépend" in page
    response = client.post(f"{INDEX}delete/{mopti.pk}/")
    assert response.status_code == 302
    assert Unit.objects.filter(pk=mopti.pk).exists()
    sevare = tree["Brigade de Sévaré"]
    LearnerFactory(unit=sevare)
    client.post(f"{INDEX}delete/{sevare.pk}/")
    assert Unit.objects.filter(pk=sevare.pk).exists()


def test_an_empty_unit_is_deleted(client, administrator, tree):
    kayes = tree["Région de Kayes"]
    assert client.post(f"{INDEX}delete/{kayes.pk}/").status_code == 302
    assert not Unit.objects.filter(pk=kayes.pk).exists()


@pytest.mark.parametrize("role", [roles.EDITORS, roles.REVIEWERS])
def test_editors_and_reviewers_cannot_manage_units(client, role_groups, tree, role):
    client.force_login(UserFactory(role=role))
    kayes = tree["Région de Kayes"]
    for url in (INDEX, f"{INDEX}new/", f"{INDEX}edit/{kayes.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    client.post(f"{INDEX}delete/{kayes.pk}/")
    client.post(f"{INDEX}new/", {"name": "Intruse", "parent": ""})
    assert Unit.objects.filter(pk=kayes.pk).exists()
    assert not Unit.objects.filter(name="Intruse").exists()
