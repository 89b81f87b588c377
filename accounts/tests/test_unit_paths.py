"""accounts/unit_paths.py: a unit's full path from the shared cache, true after a rename, a
move or a deletion."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts import services
from accounts.models import Unit, User
from accounts.tests.factories import LearnerFactory, UnitFactory
from accounts.unit_paths import unit_full_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def brigade():
    gendarmerie = UnitFactory(name="Gendarmerie nationale")
    mopti = UnitFactory(name="Région de Mopti", parent=gendarmerie)
    return UnitFactory(name="Brigade de Sévaré", parent=mopti)


def fresh(unit: Unit) -> Unit:
    return Unit.objects.get(pk=unit.pk)


def test_the_full_path_is_read_once_then_from_the_cache(brigade):
    expected = "Gendarmerie nationale › Région de Mopti › Brigade de Sévaré"
    assert fresh(brigade).full_path == expected
    with CaptureQueriesContext(connection) as queries:
        assert unit_full_path(brigade.pk) == expected
        assert fresh(brigade).full_path == expected
    assert len(queries) == 1  # the unit's own row, not its ancestors'


def test_renaming_a_unit_renames_the_paths_below_it(brigade, django_capture_on_commit_callbacks):
    assert unit_full_path(brigade.pk).startswith("Gendarmerie nationale › Région de Mopti")
    region = brigade.get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        services.unit_save(unit=region, name="Région de Mopti-Sévaré", parent=region.get_parent())
    assert unit_full_path(brigade.pk) == (
        "Gendarmerie nationale › Région de Mopti-Sévaré › Brigade de Sévaré"
    )


def test_moving_a_unit_moves_its_path(brigade, django_capture_on_commit_callbacks):
    police = UnitFactory(name="Police nationale")
    assert str(fresh(brigade)).startswith("Gendarmerie")
    with django_capture_on_commit_callbacks(execute=True):
        services.unit_save(unit=fresh(brigade), name="Brigade de Sévaré", parent=police)
    assert unit_full_path(brigade.pk) == "Police nationale › Brigade de Sévaré"
    assert fresh(brigade).full_path == "Police nationale › Brigade de Sévaré"


def test_a_unit_created_where_a_deleted_one_was_gets_its_own_path(
    django_capture_on_commit_callbacks,
):
    old = UnitFactory(name="Ancienne unité")
    assert unit_full_path(old.pk) == "Ancienne unité"
    with django_capture_on_commit_callbacks(execute=True):
        fresh(old).delete()
        new = UnitFactory(name="Nouvelle unité")
    assert unit_full_path(new.pk) == "Nouvelle unité"


def test_a_person_without_a_unit_has_an_empty_path():
    assert LearnerFactory(unit=None).unit_full_path == ""


def test_my_courses_shows_the_unit_path_without_reading_the_units(brigade):
    learner = LearnerFactory(unit=brigade, rank="Adjudant")
    client = Client()
    client.force_login(learner)
    client.get("/")  # fills the caches
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/").content.decode()
    assert "Adjudant · Gendarmerie nationale › Région de Mopti › Brigade de Sévaré" in html
    # Neither the unit (by its id) nor its ancestors (by their paths).
    assert not [q["sql"] for q in queries if 'FROM "accounts_unit" WHERE' in q["sql"]]
    assert User.objects.get(pk=learner.pk).unit_full_path.endswith("Brigade de Sévaré")
