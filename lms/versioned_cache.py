"""Shared-cache entries that are never served stale: each one is stored with the version of
what it was computed from, and a version key is given a new value (at once, and again on
commit) whenever that source changes. An entry read under another version is computed again.

The version is read in the same round trip as the entry, before anything is computed: a value
that a change overtook while it was computed is stored under the older version, and computed
again at the next read. A missing version key (an emptied cache) is created, so every process
agrees on the new one. Without a cache (Redis down: lms.cache answers as an empty cache) the
value is computed each time and nothing is stored. An entry may depend on several sources (a
learner's outline: the content and the learner's progress): it is stored with the version of
each. An entry is computed from the rows its reader sees: one computed by a transaction that
changed its source and then rolled back would be kept under the version given at once, so
entries are computed by pages that show them, not inside the transactions that write their
sources (courses.selectors.outline_for's `shown`).

Users: courses/caching.py (a lesson's body, the courses open to enrolment, a course's brief, a
course's outline for a learner), quizzes/drawing.py (a quiz's start: its page, its course's
brief and its plan, under the content's and the bank's versions) and accounts/unit_paths.py
(a unit's full path, under the units' version)."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")


def version_bump(version_key: str) -> None:
    cache.set(version_key, uuid.uuid4().hex, timeout=None)


def version_bump_now_and_on_commit(version_key: str) -> None:
    """A change of the source, in the current transaction: a new version now, so that this
    transaction's own reads see the change, and again once it commits, so that what other
    processes computed meanwhile from the data before the change is not kept. (Outside a
    transaction, both at once.)"""
    version_bump(version_key)
    transaction.on_commit(partial(version_bump, version_key))


@dataclass(frozen=True)
class Versioned:
    """One entry for `versioned_get_many`: `compute()` is stored under `key` for `timeout`
    seconds with the version of `version_key` it was computed under (of each, when it is a
    tuple of keys: the entry depends on several sources)."""

    version_key: str | tuple[str, ...]
    key: str
    compute: Callable[[], object]
    timeout: int

    @property
    def version_keys(self) -> tuple[str, ...]:
        return (self.version_key,) if isinstance(self.version_key, str) else self.version_key


def versioned_get_many(entries: list[Versioned], *, compute_missing=None) -> list:
    """The value of each entry, in their order: the one stored under its key if it was
    computed under the current version of its version key, else computed and stored. One
    round trip when all are found, whatever their number (« Mes formations » reads the
    learner's outlines of all their courses so). None is returned but never stored: an entry
    named by a URL (a page that does not exist) must not let a stranger fill the cache.
    `compute_missing`: computes the entries not found all together (a list of values for a
    list of entries), where each entry's `compute` would cost a query of its own (« Mes
    formations »: one query for the outlines of all the courses whose entry has to be computed
    again)."""
    version_keys = list(dict.fromkeys(k for e in entries for k in e.version_keys))
    found = cache.get_many([*version_keys, *(e.key for e in entries)])
    versions = {}
    for version_key in version_keys:
        version = found.get(version_key)
        if version is None:
            cache.add(version_key, uuid.uuid4().hex, timeout=None)
            version = cache.get(version_key)
        versions[version_key] = version
    values, missing = {}, []
    for index, entry in enumerate(entries):
        current = tuple(versions[k] for k in entry.version_keys)
        stored = found.get(entry.key)
        if None not in current and stored is not None and stored[0] == current:
            values[index] = stored[1]
        else:
            missing.append((index, entry, current))
    if compute_missing is not None and missing:
        computed = compute_missing([entry for _index, entry, _current in missing])
    else:
        computed = [entry.compute() for _index, entry, _current in missing]
    for (index, entry, current), value in zip(missing, computed, strict=True):
        if value is not None and None not in current:
            cache.set(entry.key, (current, value), timeout=entry.timeout)
        values[index] = value
    return [values[index] for index in range(len(entries))]


def versioned_get(version_key: str, key: str, compute: Callable[[], T], *, timeout: int) -> T:
    """The value stored under `key` if it was computed under the current version of
    `version_key`, else `compute()`, stored for `timeout` seconds. One round trip on a hit."""
    return versioned_get_many([Versioned(version_key, key, compute, timeout)])[0]
