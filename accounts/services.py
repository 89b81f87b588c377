"""Writes about people and units."""

import secrets
import string
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _

from . import roles
from .models import Unit, User


def unit_get_or_create_path(*, names: list[str], under: Unit | None = None) -> Unit:
    """Returns the unit at the end of `names` (root first, or below `under`), creating the
    missing ones. No names and a unit `under` give that unit."""
    parent = under
    for name in names:
        siblings = Unit.get_root_nodes() if parent is None else parent.get_children()
        unit = siblings.filter(name__iexact=name).first()
        if unit is None:
            unit = Unit.add_root(name=name) if parent is None else parent.add_child(name=name)
        parent = unit
    return parent


@transaction.atomic
def unit_save(*, unit: Unit | None, name: str, parent: Unit | None) -> Unit:
    """Creates a unit, or renames and moves one, keeping every level sorted by name.

    treebeard sorts a level (node_order_by) only when a node is inserted or moved, so a
    renamed unit is moved too, to its own parent if need be, to take its place."""
    if unit is None:
        return Unit.add_root(name=name) if parent is None else parent.add_child(name=name)
    unit.name = name
    unit.save(update_fields=["name"])
    if parent is None:
        unit.move(Unit.get_first_root_node(), "sorted-sibling")
    else:
        unit.move(parent, "sorted-child")
    return Unit.objects.get(pk=unit.pk)


@dataclass
class LearnerRow:
    line: int
    matricule: str
    full_name: str
    rank: str
    unit_path: list[str]
    email: str
    phone: str


@dataclass
class ImportSummary:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    units_created: int = 0
    # Initial passwords of the accounts created, for the administrator to hand out.
    passwords: dict[str, str] = field(default_factory=dict)


class LearnersImportRefused(Exception):
    """Nothing was written; `errors` lists (line, reason) in the user's language."""

    def __init__(self, errors: list[tuple[int, str]]):
        super().__init__(errors)
        self.errors = errors


def _import_may_change(user: User) -> bool:
    # An import updates names, units and emails, and an email is where a password reset goes:
    # a file carrying a staff member's matricule with another address would hand that account
    # to whoever reads the mailbox. Only learners' accounts are updated by a file.
    if user.is_superuser or user.is_staff:
        return False
    return {group.name for group in user.groups.all()} <= {roles.LEARNERS}


def initial_password() -> str:
    """A random password that starts with a letter: token_urlsafe's alphabet has "-", and a
    password starting with it would read as a formula in the spreadsheet the list is opened in."""
    return secrets.choice(string.ascii_letters) + secrets.token_urlsafe(9)


@transaction.atomic
def learners_import(
    *, rows: list[LearnerRow], set_passwords: bool = False, unit: Unit | None = None
) -> ImportSummary:
    """Creates or updates learners from validated rows, all or nothing. With `unit`, each
    row's unit path is read below that unit (an empty path is the unit itself). Raises
    LearnersImportRefused, before writing anything, for rows naming a staff account."""
    summary = ImportSummary()
    learners_group = Group.objects.get(name=roles.LEARNERS)
    units_before = Unit.objects.count()
    unit_cache: dict[tuple[str, ...], Unit] = {}
    existing = {
        u.matricule: u
        for u in User.objects.filter(matricule__in=[r.matricule for r in rows])
        .select_for_update()
        .prefetch_related("groups")
    }
    refused = [
        (
            row.line,
            _(
                "le matricule %(matricule)s est celui d’un compte de l’équipe (éditeur, "
                "relecteur, superviseur ou administrateur) : un import ne modifie que des "
                "apprenants ; modifiez ce compte dans « Utilisateurs »"
            )
            % {"matricule": row.matricule},
        )
        for row in rows
        if row.matricule in existing and not _import_may_change(existing[row.matricule])
    ]
    if refused:
        raise LearnersImportRefused(refused)
    for row in rows:
        key = tuple(n.lower() for n in row.unit_path)
        if key not in unit_cache:
            unit_cache[key] = unit_get_or_create_path(names=row.unit_path, under=unit)
        values = {
            "full_name": row.full_name,
            "rank": row.rank,
            "unit": unit_cache[key],
            "email": row.email,
            "phone": row.phone,
        }
        user = existing.get(row.matricule)
        if user is None:
            user = User(matricule=row.matricule, **values)
            if set_passwords:
                password = initial_password()
                user.set_password(password)
                summary.passwords[row.matricule] = password
            else:
                user.set_unusable_password()
            user.save()
            summary.created.append(row.matricule)
        else:
            changed = [k for k, v in values.items() if getattr(user, k) != v]
            for k in changed:
                setattr(user, k, values[k])
            if changed:
                user.save(update_fields=changed)
                summary.updated.append(row.matricule)
            else:
                summary.unchanged.append(row.matricule)
        user.groups.add(learners_group)
    summary.units_created = Unit.objects.count() - units_before
    return summary
