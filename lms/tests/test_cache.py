"""The cache may fail (Redis down) while PostgreSQL is up: signed-in pages keep working on the
database, and nothing the cache missed during the outage comes back from it afterwards."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from redis.exceptions import ConnectionError as RedisConnectionError

from accounts.tests.factories import LearnerFactory
from certificates.tests.factories import completed_enrollment
from courses import services as course_services
from courses.tests.factories import course_build, lessons_of
from lms import cache as lms_cache
from lms.settings.base import cache_from_env
from tracking.tests.factories import supervisor_of, tree_build

pytestmark = pytest.mark.django_db

CLOSED_PORT = "redis://127.0.0.1:1/0"  # nothing listens there: every call is refused
LIVE_REDIS = "redis://127.0.0.1:6379/15"


def _use_cache(settings, monkeypatch, url, **extra):
    """The cache the settings build from CACHE_URL, as production does."""
    monkeypatch.setenv("KALAN_TEST_CACHE_URL", url)
    config = cache_from_env("KALAN_TEST_CACHE_URL")
    settings.CACHES = {"default": {**config, **extra}}


@pytest.fixture
def cache_down(settings, monkeypatch):
    _use_cache(settings, monkeypatch, CLOSED_PORT)
    assert settings.CACHES["default"]["BACKEND"] == "lms.cache.FailSafeRedisCache"


def test_signed_in_pages_work_with_the_cache_down(client, cache_down, settings):
    tree = tree_build()
    learner = LearnerFactory(unit=tree.sevare)
    course = course_build(modules=1, lessons=2)
    course_services.enrollment_create(learner=learner, course=course)
    lesson = lessons_of(course)[0]

    # Signing in writes the session (cached_db): the cache refuses, the database keeps it.
    response = client.post(
        reverse("accounts:login"), {"username": learner.matricule, "password": "motdepasse-test"}
    )
    assert response.status_code == 302, response.content[:300]
    for url in (reverse("home"), course.url, lesson.url, reverse("certificates:mine")):
        assert client.get(url).status_code == 200, url
    response = client.post(reverse("courses:lesson_complete", args=[lesson.pk]))
    assert response.status_code == 302
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("home")).status_code == 302

    client.force_login(supervisor_of(tree.mopti))
    assert client.get(reverse("tracking:dashboard")).status_code == 200


def test_certificate_verification_works_with_the_cache_down(client, cache_down, settings, tmp_path):
    from certificates import services as certificate_services

    settings.MEDIA_ROOT = str(tmp_path)
    enrollment = completed_enrollment()
    certificate = certificate_services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )
    url = reverse("certificates:verify_code", args=[certificate.code])
    # The rate limit's counter lives in the cache: without it, the page still answers.
    assert client.get(url).status_code == 200
    assert client.get(url, {"format": "json"}).json()["status"] == "valid"


def test_a_failed_call_pauses_redis_instead_of_trying_on_every_call(cache_down, monkeypatch):
    calls = []
    real_get_client = cache._cache.get_client

    def counting(*args, **kwargs):
        calls.append(1)
        return real_get_client(*args, **kwargs)

    monkeypatch.setattr(cache._cache, "get_client", counting)
    assert cache.get("a") is None
    assert cache.get("b", "default") == "default"
    cache.set("c", 1)
    assert cache.add("d", 1) is False
    with pytest.raises(ValueError):
        cache.incr("e")
    assert len(calls) == 1


@pytest.fixture
def live_cache(settings, monkeypatch):
    """A cache on the machine's Redis, with a prefix of its own; `outage` makes every call to
    Redis fail, as a stopped server does, until it is undone."""
    _use_cache(settings, monkeypatch, LIVE_REDIS, KEY_PREFIX="kalan-test-failsafe")
    cache.delete_many(["session-like", "other"])
    state = {"down": False}
    real_get_client = cache._cache.get_client

    def get_client(*args, **kwargs):
        if state["down"]:
            raise RedisConnectionError("Error 111 connecting to 127.0.0.1:6379.")
        return real_get_client(*args, **kwargs)

    monkeypatch.setattr(cache._cache, "get_client", get_client)

    def outage(down: bool):
        state["down"] = down
        if not down:
            monkeypatch.setattr(lms_cache.time, "monotonic", lambda: 10**12)  # pause over

    yield outage
    state["down"] = False
    cache.delete_many(["session-like", "other"])


def test_a_delete_lost_in_an_outage_is_replayed_when_redis_is_back(live_cache):
    cache.set("session-like", "signed in")
    live_cache(True)
    cache.delete("session-like")  # a sign-out during the outage: Redis never hears of it
    live_cache(False)
    # The first call after the outage forgets the entry before anything else.
    assert cache.get("other") is None
    assert cache.get("session-like") is None


def test_a_write_lost_in_an_outage_leaves_no_stale_entry(live_cache):
    cache.set("session-like", "old value")
    live_cache(True)
    cache.set("session-like", "new value")
    live_cache(False)
    assert cache.get("session-like") is None  # a miss: the caller reads the database


def test_sign_out_during_an_outage_stays_signed_out_after_it(client, live_cache):
    learner = LearnerFactory()
    client.force_login(learner)
    assert client.get(reverse("home")).status_code == 200  # the session is now in Redis
    stolen = client.cookies["sessionid"].value
    live_cache(True)
    client.post(reverse("accounts:logout"))
    live_cache(False)
    client.cookies["sessionid"] = stolen
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_healthz_reports_the_cache_and_stays_up_without_it(client, cache_down):
    response = client.get(reverse("healthz"))
    # The pages still work on the database: a load balancer keeps the node in rotation.
    assert response.status_code == 200
    body = response.json()
    assert body["cache"] == "error"
    assert body["database"] == "ok"
    assert body["status"] == "degraded"


def test_one_redis_client_serves_every_call_of_a_cache(settings, monkeypatch):
    """Django built a redis.Redis for every call; ours keeps one per connection pool, and it
    still reads what it wrote, and still counts."""
    import os

    from django.core.cache import caches

    _use_cache(settings, monkeypatch, LIVE_REDIS, KEY_PREFIX=f"kalan-test-client-{os.getpid()}")
    live = caches["default"]
    client = live._cache.get_client(write=True)
    assert live._cache.get_client() is client
    live.set("value", {"a": 1}, 30)
    assert live.get("value") == {"a": 1}
    live.delete("counter")
    assert live.add("counter", 1, 30)
    assert live.incr("counter") == 2
    assert live._cache.get_client() is client
    live.delete_many(["value", "counter"])
