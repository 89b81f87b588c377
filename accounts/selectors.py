"""Reads about people and units. Every view that shows personal data scopes through here."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection
from django.db.models import Q, QuerySet

from . import roles
from .models import UNIT_PATH_SEPARATOR, Unit, User


@dataclass(frozen=True)
class Roles:
    """What a person may do beyond learning, as the pages need it on every visit."""

    administrator: bool  # a superuser, or in the Administrateurs group
    supervises: bool  # has units to supervise (the units: `supervised_units`)
    admin_access: bool  # may open the Wagtail admin (wagtailadmin.access_admin)
    registered: frozenset[str] = frozenset()  # the roles of `role_register` the person has


NO_ROLES = Roles(administrator=False, supervises=False, admin_access=False)

# Roles that other apps define (workshops: trains or has created a workshop), read in the same
# statement: name → a function that writes an SQL boolean expression on the parameter
# %(user)s from that app's models (with `sql_table`, `sql_column`, `sql_has_row`). Registered
# in AppConfig.ready(); accounts never imports those apps.
_registered_roles: dict[str, Callable[[], str]] = {}


def sql_table(model) -> str:
    """The model's table, quoted for raw SQL."""
    return connection.ops.quote_name(model._meta.db_table)


def sql_column(model, name: str) -> str:
    """The column of the model's field `name`, quoted for raw SQL."""
    return connection.ops.quote_name(model._meta.get_field(name).column)


def sql_has_row(model, field: str, **more: str) -> str:
    """An SQL boolean: `model` has a row whose `field` is the person (%(user)s) and, for each
    of `more` (field=parameter name), whose field is that parameter."""
    # Only quoted names of our tables and columns are formatted in; values are parameters.
    where = [(field, "user"), *more.items()]
    conditions = " AND ".join(f"{sql_column(model, f)} = %({name})s" for f, name in where)
    return f"EXISTS (SELECT 1 FROM {sql_table(model)} WHERE {conditions})"  # noqa: S608


def user_row_lock(user_id: int) -> None:
    """Locks the person's row until the transaction ends (a raw `SELECT … FOR UPDATE` of the
    key alone: the ORM's builds a whole User in ten times the time). What one person does
    at once is serialised on it: two starts of the same quiz, two jobs. SQLite has no row
    locks: its writes are serialised already."""
    if not connection.features.has_select_for_update:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1 FROM {sql_table(User)} WHERE {sql_column(User, 'id')} = %s"  # noqa: S608
            f" {connection.ops.for_update_sql()}",
            [user_id],
        )


def role_register(name: str, expression: Callable[[], str]) -> None:
    _registered_roles[name] = expression
    _roles_sql.cache_clear()


@lru_cache(maxsize=1)
def _roles_sql() -> str:
    """One statement for the three roles, written once per process from the models' tables.
    Django's ORM compiles the same three EXISTS in about 2 ms of CPU at every request, and four
    separate queries (the group, the units, the two permission queries of ModelBackend) cost
    more still; this one costs 0.15 ms (bench/RESULTS.md, « Mes formations »)."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    table, column = sql_table, sql_column
    user_groups = User.groups.through
    user_perms = User.user_permissions.through
    group_perms = Group.permissions.through
    ug_user, ug_group = column(user_groups, "user"), column(user_groups, "group")
    # Only quoted names of our tables and columns are formatted in; every value is a parameter.
    return (
        f"SELECT EXISTS (SELECT 1 FROM {table(user_groups)} ug"  # noqa: S608
        f" JOIN {table(Group)} g ON g.id = ug.{ug_group}"
        f" WHERE ug.{ug_user} = %(user)s AND g.{column(Group, 'name')} = %(administrators)s),"
        f" {sql_has_row(User.supervised_units.through, 'user')},"
        f" EXISTS (SELECT 1 FROM {table(Permission)} p"
        f" JOIN {table(ContentType)} ct ON ct.id = p.{column(Permission, 'content_type')}"
        f" WHERE ct.{column(ContentType, 'app_label')} = 'wagtailadmin'"
        f" AND p.{column(Permission, 'codename')} = 'access_admin' AND ("
        f"EXISTS (SELECT 1 FROM {table(user_perms)} up"
        f" WHERE up.{column(user_perms, 'permission')} = p.id"
        f" AND up.{column(user_perms, 'user')} = %(user)s)"
        f" OR EXISTS (SELECT 1 FROM {table(group_perms)} gp"
        f" JOIN {table(user_groups)} pg ON pg.{ug_group} = gp.{column(group_perms, 'group')}"
        f" WHERE gp.{column(group_perms, 'permission')} = p.id AND pg.{ug_user} = %(user)s)))"
        + "".join(f", ({expression()})" for expression in _registered_roles.values())
    )


def user_roles(user) -> Roles:
    """The person's roles, in one query, remembered on the instance (request.user lives one
    request). `admin_access` answers as `user.has_perm("wagtailadmin.access_admin")` with
    Django's ModelBackend: a superuser has it, else a permission given to the person or to
    one of their groups."""
    if not user.is_authenticated:
        return NO_ROLES
    if not hasattr(user, "_kalan_roles"):
        with connection.cursor() as cursor:
            cursor.execute(_roles_sql(), {"user": user.pk, "administrators": roles.ADMINISTRATORS})
            administrator, supervises, admin_access, *more = cursor.fetchone()
        user._kalan_roles = Roles(
            administrator=user.is_superuser or bool(administrator),
            supervises=bool(supervises),
            admin_access=user.is_superuser or bool(admin_access),
            registered=frozenset(
                name for name, has in zip(_registered_roles, more, strict=True) if has
            ),
        )
    return user._kalan_roles


def user_is_administrator(user) -> bool:
    return user_roles(user).administrator


def supervised_units(user) -> list[Unit]:
    """The units given to a supervisor, read once per user instance (that is, per request);
    none read for a person who supervises nothing."""
    if not user_roles(user).supervises:
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


def ancestor_paths(path: str, *, steplen: int = Unit.steplen, itself: bool = True) -> list[str]:
    """The materialised paths of a node's ancestors, root first, then its own (unless
    `itself` is False), for any treebeard tree: each step of `steplen` characters is one
    level. A query on `path__in` reads a whole lineage at once."""
    end = len(path) + 1 if itself else len(path)
    return [path[:n] for n in range(steplen, end, steplen)]


def path_in_subtree(path: str, *, root: str) -> bool:
    """Whether the node at `path` is the node at `root` or below it: `subtree_q` for rows
    already read."""
    return path.startswith(root)


def users_in_subtree(units) -> QuerySet[User]:
    """Everyone attached to one of `units` or to a unit below them, whatever their role and
    whether active or not: the people a unit's assignment covers."""
    return User.objects.filter(_subtree_q(units, prefix="unit__"))


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


def unit_parent_in_scope(*, user, unit: Unit | None) -> Unit | None:
    """The unit above `unit`, if the user may supervise it: where « up one level » leads."""
    if unit is None or unit.is_root():
        return None
    parent_path = ancestor_paths(unit.path, itself=False)[-1]
    return unit_list_in_scope(user=user).filter(path=parent_path).first()


def unit_labels() -> dict[int, str]:
    """Every unit's full path ("Gendarmerie › Région de Mopti › Brigade de Sévaré") in one
    query, for lists that would otherwise ask the tree once per row."""
    rows = list(Unit.objects.values_list("pk", "path", "name"))
    names = {path: name for _pk, path, name in rows}
    return {
        pk: UNIT_PATH_SEPARATOR.join(names[p] for p in ancestor_paths(path) if p in names)
        for pk, path, _name in rows
    }


def unit_covers(*, supervisor, unit: Unit) -> bool:
    return unit_list_in_scope(user=supervisor).filter(pk=unit.pk).exists()


def unit_delete_blockers(unit: Unit) -> list[str]:
    """Why a unit may not be deleted, in words for the administrator; empty when it may.
    A unit goes only when nothing depends on it: no unit below it, no member, no supervisor
    (their history and scope would silently change)."""
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    reasons = []
    children = unit.get_children_count()
    if children:
        reasons.append(
            ngettext("%(n)d unité en dépend.", "%(n)d unités en dépendent.", children)
            % {"n": children}
        )
    members = User.objects.filter(unit=unit).count()
    if members:
        reasons.append(
            ngettext("%(n)d compte y est rattaché.", "%(n)d comptes y sont rattachés.", members)
            % {"n": members}
        )
    supervisors = unit.supervisors.count()
    if supervisors:
        reasons.append(
            ngettext("%(n)d superviseur la suit.", "%(n)d superviseurs la suivent.", supervisors)
            % {"n": supervisors}
        )
    if reasons:
        reasons.append(_("Déplacez ou rattachez-les ailleurs d’abord."))
    return reasons


def unit_learner_counts(units) -> dict[int, tuple[int, int]]:
    """For each unit, (learners attached to it, learners in it and every unit below it), in
    one query whatever the number of units."""
    from django.db.models import Count

    direct = dict(
        User.objects.filter(unit__isnull=False, groups__name=roles.LEARNERS)
        .values_list("unit__path")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {}
    for unit in units:
        total = sum(n for path, n in direct.items() if path_in_subtree(path, root=unit.path))
        counts[unit.pk] = (direct.get(unit.path, 0), total)
    return counts
