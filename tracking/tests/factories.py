"""Data for supervision tests: a small command tree with a supervisor on each side."""

from dataclasses import dataclass

from accounts.models import Unit
from accounts.tests.factories import LearnerFactory, SupervisorFactory, UnitFactory


@dataclass
class Tree:
    gendarmerie: Unit
    mopti: Unit
    sevare: Unit
    segou: Unit


def tree_build() -> Tree:
    """Gendarmerie nationale › {Région de Mopti › Brigade de Sévaré, Région de Ségou}."""
    gendarmerie = UnitFactory(name="Gendarmerie nationale")
    mopti = UnitFactory(name="Région de Mopti", parent=gendarmerie)
    sevare = UnitFactory(name="Brigade de Sévaré", parent=Unit.objects.get(pk=mopti.pk))
    segou = UnitFactory(name="Région de Ségou", parent=Unit.objects.get(pk=gendarmerie.pk))
    return Tree(
        gendarmerie=Unit.objects.get(pk=gendarmerie.pk),
        mopti=Unit.objects.get(pk=mopti.pk),
        sevare=Unit.objects.get(pk=sevare.pk),
        segou=Unit.objects.get(pk=segou.pk),
    )


def supervisor_of(unit: Unit, **kwargs):
    return SupervisorFactory(supervised_units=[unit], **kwargs)


def learners_in(unit: Unit, count: int, **kwargs):
    return [LearnerFactory(unit=unit, **kwargs) for _ in range(count)]
