"""lms/versioned_cache.py: entries kept under the version of their source, computed again once
the source has changed, never served stale."""

import pytest
from django.core.cache import cache

from lms import versioned_cache

VERSION = "tests:version"
KEY = "tests:entry"


@pytest.fixture(autouse=True)
def empty_keys():
    cache.delete_many([VERSION, KEY])
    yield
    cache.delete_many([VERSION, KEY])


class Source:
    """A value that changes, and counts how often it is computed."""

    def __init__(self, value):
        self.value = value
        self.computed = 0

    def __call__(self):
        self.computed += 1
        return self.value


def read(source):
    return versioned_cache.versioned_get(VERSION, KEY, source, timeout=60)


def test_the_second_read_comes_from_the_cache():
    source = Source(["a", "b"])
    assert read(source) == ["a", "b"]
    assert read(source) == ["a", "b"]
    assert source.computed == 1


def test_a_new_version_computes_the_value_again():
    source = Source("avant")
    assert read(source) == "avant"
    source.value = "après"
    versioned_cache.version_bump(VERSION)
    assert read(source) == "après"
    assert read(source) == "après"
    assert source.computed == 2


def test_an_emptied_cache_starts_a_version_that_every_reader_shares():
    source = Source("valeur")
    read(source)
    cache.clear()
    assert read(source) == "valeur"
    version = cache.get(VERSION)
    assert version is not None
    assert read(source) == "valeur"
    assert cache.get(VERSION) == version
    assert source.computed == 2


def test_a_change_that_overtakes_the_computation_is_not_hidden_by_it():
    """The version is read before computing: a value computed from the data before a change
    is stored under the older version, so the next read computes it again."""
    source = Source("avant")

    def overtaken():
        value = source()
        source.value = "après"
        versioned_cache.version_bump(VERSION)  # committed while the old value was computed
        return value

    assert versioned_cache.versioned_get(VERSION, KEY, overtaken, timeout=60) == "avant"
    assert read(source) == "après"


@pytest.mark.django_db
def test_a_change_in_a_transaction_is_seen_at_once_and_again_after_its_commit(
    django_capture_on_commit_callbacks,
):
    source = Source("avant")
    read(source)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        source.value = "après"
        versioned_cache.version_bump_now_and_on_commit(VERSION)
        assert read(source) == "après"  # the transaction sees its own change
    # Another process read the data before the commit and stored it under the new version.
    stale = cache.get(VERSION)
    cache.set(KEY, ((stale,), "avant"))
    for callback in callbacks:
        callback()
    assert cache.get(VERSION) != stale
    assert read(source) == "après"


def test_without_a_cache_the_value_is_computed_every_time(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    source = Source("valeur")
    assert read(source) == "valeur"
    assert read(source) == "valeur"
    assert source.computed == 2


def test_many_entries_under_two_versions_are_read_in_one_round_trip():
    other_version, other_key = "tests:version-2", "tests:entry-2"
    cache.delete_many([other_version, other_key])
    first, second = Source("un"), Source("deux")

    def entries():
        return [
            versioned_cache.Versioned(VERSION, KEY, first, 60),
            versioned_cache.Versioned(other_version, other_key, second, 60),
        ]

    assert versioned_cache.versioned_get_many(entries()) == ["un", "deux"]
    reads = []
    real_get_many = cache.get_many

    def counted(keys):
        reads.append(list(keys))
        return real_get_many(keys)

    cache.get_many = counted
    try:
        assert versioned_cache.versioned_get_many(entries()) == ["un", "deux"]
    finally:
        del cache.get_many
    assert reads == [[VERSION, other_version, KEY, other_key]]
    # A new version of one source computes its entry again, not the other's.
    second.value = "deux bis"
    versioned_cache.version_bump(other_version)
    assert versioned_cache.versioned_get_many(entries()) == ["un", "deux bis"]
    assert (first.computed, second.computed) == (1, 2)
    cache.delete_many([other_version, other_key])


def test_an_entry_of_two_sources_is_computed_again_when_either_changes():
    other_version = "tests:version-2"
    cache.delete(other_version)
    source = Source("valeur")

    def read_both():
        entry = versioned_cache.Versioned((VERSION, other_version), KEY, source, 60)
        return versioned_cache.versioned_get_many([entry])[0]

    read_both()
    read_both()
    assert source.computed == 1
    versioned_cache.version_bump(other_version)
    read_both()
    assert source.computed == 2
    versioned_cache.version_bump(VERSION)
    read_both()
    read_both()
    assert source.computed == 3
    cache.delete(other_version)
