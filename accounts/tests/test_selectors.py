import pytest

from accounts import selectors
from accounts.tests.factories import LearnerFactory, SupervisorFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    gendarmerie = UnitFactory(name="Gendarmerie nationale")
    mopti = UnitFactory(name="Région de Mopti", parent=gendarmerie)
    gendarmerie.refresh_from_db()
    sevare = UnitFactory(name="Brigade de Sévaré", parent=mopti)
    gendarmerie.refresh_from_db()
    segou = UnitFactory(name="Région de Ségou", parent=gendarmerie)
    return {"gendarmerie": gendarmerie, "mopti": mopti, "sevare": sevare, "segou": segou}


def test_supervisor_of_mopti_covers_sevare_but_not_segou(tree):
    supervisor = SupervisorFactory(supervised_units=[tree["mopti"]])
    in_mopti = LearnerFactory(unit=tree["mopti"])
    in_sevare = LearnerFactory(unit=tree["sevare"])
    in_segou = LearnerFactory(unit=tree["segou"])

    learners = selectors.learner_list_in_scope(user=supervisor)
    assert set(learners) == {in_mopti, in_sevare}
    assert in_segou not in learners
    units = selectors.unit_list_in_scope(user=supervisor)
    assert set(units) == {tree["mopti"], tree["sevare"]}
    assert selectors.unit_covers(supervisor=supervisor, unit=tree["sevare"])
    assert not selectors.unit_covers(supervisor=supervisor, unit=tree["segou"])


def test_similar_path_prefix_is_not_in_scope(tree):
    # Treebeard paths are fixed-width steps, so Mopti's prefix never matches a sibling.
    supervisor = SupervisorFactory(supervised_units=[tree["mopti"]])
    assert tree["segou"].path[: len(tree["mopti"].path)] != tree["mopti"].path
    assert not selectors.unit_covers(supervisor=supervisor, unit=tree["gendarmerie"])


def test_several_units_combine(tree):
    supervisor = SupervisorFactory(supervised_units=[tree["sevare"], tree["segou"]])
    assert set(selectors.unit_list_in_scope(user=supervisor)) == {tree["sevare"], tree["segou"]}


def test_user_without_units_sees_nobody(tree):
    LearnerFactory(unit=tree["sevare"])
    learner = LearnerFactory(unit=tree["sevare"])
    assert not selectors.learner_list_in_scope(user=learner).exists()
    assert not selectors.unit_list_in_scope(user=learner).exists()


def test_administrator_sees_everyone(tree):
    admin = UserFactory(is_superuser=True)
    LearnerFactory(unit=tree["segou"])
    LearnerFactory(unit=tree["sevare"])
    assert selectors.learner_list_in_scope(user=admin).count() == 3


def test_ancestor_paths_read_the_lineage_root_first(tree):
    sevare = tree["sevare"]
    assert selectors.ancestor_paths(sevare.path) == [
        tree["gendarmerie"].path,
        tree["mopti"].path,
        sevare.path,
    ]
    assert selectors.ancestor_paths(sevare.path, itself=False) == [
        tree["gendarmerie"].path,
        tree["mopti"].path,
    ]
    assert selectors.ancestor_paths(tree["gendarmerie"].path, itself=False) == []
    # Any treebeard tree: Wagtail's pages have their own step.
    assert selectors.ancestor_paths("00010002", steplen=4) == ["0001", "00010002"]


def test_path_in_subtree_is_the_node_and_below(tree):
    mopti = tree["mopti"].path
    assert selectors.path_in_subtree(mopti, root=mopti)
    assert selectors.path_in_subtree(tree["sevare"].path, root=mopti)
    assert not selectors.path_in_subtree(tree["segou"].path, root=mopti)
    assert not selectors.path_in_subtree(tree["gendarmerie"].path, root=mopti)


def test_users_in_subtree_are_everyone_attached_below_whatever_their_role(tree):
    in_mopti = LearnerFactory(unit=tree["mopti"])
    in_sevare = LearnerFactory(unit=tree["sevare"], is_active=False)
    chief = SupervisorFactory(unit=tree["sevare"], supervised_units=[tree["segou"]])
    LearnerFactory(unit=tree["segou"])
    UserFactory(unit=None)
    assert set(selectors.users_in_subtree([tree["mopti"]])) == {in_mopti, in_sevare, chief}
    assert set(selectors.users_in_subtree([tree["sevare"]])) == {in_sevare, chief}
    assert not selectors.users_in_subtree([]).exists()


def test_the_parent_unit_only_when_in_scope(tree):
    supervisor = SupervisorFactory(supervised_units=[tree["mopti"]])
    admin = UserFactory(is_superuser=True)
    assert selectors.unit_parent_in_scope(user=supervisor, unit=tree["sevare"]) == tree["mopti"]
    # Mopti's parent, the Gendarmerie, is above this supervisor's scope.
    assert selectors.unit_parent_in_scope(user=supervisor, unit=tree["mopti"]) is None
    assert selectors.unit_parent_in_scope(user=admin, unit=tree["mopti"]) == tree["gendarmerie"]
    assert selectors.unit_parent_in_scope(user=admin, unit=tree["gendarmerie"]) is None
    assert selectors.unit_parent_in_scope(user=admin, unit=None) is None


# --- Roles, in one query ------------------------------------------------------------------------


def _fresh(user):
    """The person as the next request reads them: nothing remembered on the instance."""
    from accounts.models import User

    return User.objects.get(pk=user.pk)


def test_a_learner_has_no_role_and_reads_no_units(django_assert_num_queries, role_groups):
    learner = _fresh(LearnerFactory())
    with django_assert_num_queries(1):
        assert selectors.user_roles(learner) == selectors.NO_ROLES
        assert selectors.supervised_units(learner) == []
        assert not selectors.user_is_administrator(learner)


def test_roles_answer_as_the_groups_and_django_s_permissions_do(role_groups, tree):
    from django.contrib.auth.models import Permission

    from accounts import roles

    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    given_directly = LearnerFactory()
    given_directly.user_permissions.add(access_admin)
    people = {
        "learner": LearnerFactory(),
        "editor": UserFactory(role=roles.EDITORS),
        "reviewer": UserFactory(role=roles.REVIEWERS),
        "administrator": UserFactory(role=roles.ADMINISTRATORS),
        "supervisor": SupervisorFactory(supervised_units=[tree["mopti"]]),
        "supervisor without units": SupervisorFactory(),
        "superuser": UserFactory(is_superuser=True),
        "permission given directly": given_directly,
    }
    for label, person in people.items():
        found = selectors.user_roles(_fresh(person))
        assert found.admin_access == _fresh(person).has_perm("wagtailadmin.access_admin"), label
        assert found.administrator == (
            person.is_superuser or person.groups.filter(name=roles.ADMINISTRATORS).exists()
        ), label
        assert found.supervises == person.supervised_units.exists(), label
    assert selectors.supervised_units(_fresh(people["supervisor"])) == [tree["mopti"]]
    assert selectors.user_roles(_fresh(people["editor"])).admin_access
    assert not selectors.user_roles(_fresh(people["learner"])).admin_access


def test_a_visitor_has_no_role():
    from django.contrib.auth.models import AnonymousUser

    assert selectors.user_roles(AnonymousUser()) == selectors.NO_ROLES
