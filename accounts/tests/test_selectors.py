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
