"""Reads about people and units. Every view that shows personal data scopes through here."""

from django.db.models import Q, QuerySet

from . import roles
from .models import Unit, User


def user_is_administrator(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=roles.ADMINISTRATORS).exists()
    )


def _subtree_q(units, prefix: str = "") -> Q:
    """Matches the given units and every unit below them (materialised paths share a prefix)."""
    query = Q(pk__in=[])
    for unit in units:
        query |= Q(**{f"{prefix}path__startswith": unit.path})
    return query


def unit_list_in_scope(*, user) -> QuerySet[Unit]:
    """The units a user may supervise: all for administrators, else their units' subtrees."""
    if user_is_administrator(user):
        return Unit.objects.all()
    if not user.is_authenticated:
        return Unit.objects.none()
    return Unit.objects.filter(_subtree_q(user.supervised_units.all()))


def learner_list_in_scope(*, user) -> QuerySet[User]:
    """The learners a supervisor may see. Out-of-scope people must answer 404, so views get
    their objects from this queryset, never from User.objects."""
    if user_is_administrator(user):
        return User.objects.filter(is_active=True)
    if not user.is_authenticated:
        return User.objects.none()
    supervised = list(user.supervised_units.all())
    if not supervised:
        return User.objects.none()
    return User.objects.filter(_subtree_q(supervised, prefix="unit__"), is_active=True)


def unit_covers(*, supervisor, unit: Unit) -> bool:
    return unit_list_in_scope(user=supervisor).filter(pk=unit.pk).exists()
