"""Reads about people and units. Every view that shows personal data scopes through here."""

from django.db.models import Q, QuerySet

from . import roles
from .models import UNIT_PATH_SEPARATOR, Unit, User


def user_is_administrator(user) -> bool:
    if not user.is_authenticated:
        return False
    # Remembered on the instance: a page asks several times, and request.user lives one request.
    if not hasattr(user, "_kalan_is_administrator"):
        user._kalan_is_administrator = (
            user.is_superuser or user.groups.filter(name=roles.ADMINISTRATORS).exists()
        )
    return user._kalan_is_administrator


def supervised_units(user) -> list[Unit]:
    """The units given to a supervisor, read once per user instance (that is, per request)."""
    if not user.is_authenticated:
        return []
    if not hasattr(user, "_kalan_supervised_units"):
        user._kalan_supervised_units = list(user.supervised_units.all())
    return user._kalan_supervised_units


def subtree_q(paths, *, field: str = "path") -> Q:
    """Matches the nodes at `paths` and every node below them, for any treebeard tree (units,
    Wagtail pages): materialised paths share their ancestors' prefix. `field` reaches the path
    through a relation, e.g. "unit__path" on users. No path matches nothing."""
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{field}__startswith": path})
    return query


def _subtree_q(units, prefix: str = "") -> Q:
    """Matches the given units and every unit below them."""
    return subtree_q([unit.path for unit in units], field=f"{prefix}path")


def unit_list_in_scope(*, user) -> QuerySet[Unit]:
    """The units a user may supervise: all for administrators, else their units' subtrees."""
    if user_is_administrator(user):
        return Unit.objects.all()
    if not user.is_authenticated:
        return Unit.objects.none()
    return Unit.objects.filter(_subtree_q(supervised_units(user)))


def learner_scope_q(*, user, prefix: str = "") -> Q:
    """The learners a user may see, as a filter on a model that reaches User through `prefix`
    (e.g. "learner__" on enrollments), so that dashboards filter with a join, not a subquery."""
    if user_is_administrator(user):
        return Q()
    if not user.is_authenticated:
        return Q(pk__in=[])
    return _subtree_q(supervised_units(user), prefix=f"{prefix}unit__")


def learner_list_in_scope(*, user) -> QuerySet[User]:
    """The learners a supervisor may see. Out-of-scope people must answer 404, so views get
    their objects from this queryset, never from User.objects."""
    return User.objects.filter(learner_scope_q(user=user), is_active=True)


def unit_labels() -> dict[int, str]:
    """Every unit's full path ("Gendarmerie › Région de Mopti › Brigade de Sévaré") in one
    query, for lists that would otherwise ask the tree once per row."""
    rows = list(Unit.objects.values_list("pk", "path", "name"))
    names = {path: name for _pk, path, name in rows}
    step = Unit.steplen
    return {
        pk: UNIT_PATH_SEPARATOR.join(
            names[path[:n]] for n in range(step, len(path) + 1, step) if path[:n] in names
        )
        for pk, path, _name in rows
    }


def unit_covers(*, supervisor, unit: Unit) -> bool:
    return unit_list_in_scope(user=supervisor).filter(pk=unit.pk).exists()
