"""A unit's full path (« Gendarmerie nationale › Région de Mopti › Brigade de Sévaré »), read
from the shared cache instead of its ancestors' rows: « Mes formations », the lists of
learners and the exports show it for every person. Entries are kept under the units' version
(lms/versioned_cache.py), given a new value when any unit is saved or deleted: a rename
changes the paths below it, and a move (accounts.services.unit_save, which saves the unit
before it moves it) changes its subtree's."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from lms.versioned_cache import version_bump_now_and_on_commit, versioned_get

from .models import UNIT_PATH_SEPARATOR, Unit

UNITS_VERSION_KEY = "accounts:units-version"
TIMEOUT = 24 * 60 * 60


def _read(unit: Unit) -> str:
    return UNIT_PATH_SEPARATOR.join([u.name for u in unit.get_ancestors()] + [unit.name])


def unit_full_path(unit: Unit | int) -> str:
    """The full path of `unit` (an instance, or a primary key), root first."""
    unit_id = unit if isinstance(unit, int) else unit.pk
    if unit_id is None:  # not saved yet: nothing to keep
        return _read(unit)
    return versioned_get(
        UNITS_VERSION_KEY,
        f"accounts:unit-path:{unit_id}",
        lambda: _read(Unit.objects.get(pk=unit_id) if isinstance(unit, int) else unit),
        timeout=TIMEOUT,
    )


@receiver(post_save, sender=Unit, dispatch_uid="accounts-unit-saved")
@receiver(post_delete, sender=Unit, dispatch_uid="accounts-unit-deleted")
def _units_changed(**kwargs):
    version_bump_now_and_on_commit(UNITS_VERSION_KEY)
