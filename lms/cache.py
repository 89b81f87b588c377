"""A Redis cache that the platform survives losing.

Everything Kalan keeps in the cache can be rebuilt from PostgreSQL: sessions are `cached_db`,
Wagtail's site paths and our flags (courses/caching.py) are recomputed on a miss, and the
verification rate limit only slows guessing of 100-bit codes. So when Redis does not answer,
this backend behaves as an empty cache that keeps nothing, instead of turning every page into
a 500 the way Django's RedisCache does. Django's backend has no such option, and django-redis
(which has one) would also replace the backend django-environ picks for every `redis://` URL.

After a failure the backend leaves Redis alone for `RETRY_AFTER` seconds, so a Redis that
hangs costs one timeout per process every few seconds, not one per cache call.

A write or a delete that did not reach Redis leaves an entry there that may be stale (a
session closed by a sign-out during the outage would otherwise open pages again once Redis is
back): the keys are remembered and deleted before anything else once Redis answers again."""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds without trying Redis after a failure
# A Redis host that drops packets must not hold a request for the OS's connect timeout.
SOCKET_TIMEOUTS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
# Beyond this many keys to forget, forgetting them one by one is no longer worth it: the
# whole cache is emptied instead when Redis is back.
MAX_STALE_KEYS = 10_000
_MISSING = object()


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client builds a new redis.Redis around the connection pool for every cache
    call, copying its table of about 170 response callbacks each time: three or four times per
    page (the session, Wagtail's site paths, our flags). One per pool serves them all: it holds
    no connection of its own (the pool lends them), and after a fork the pool opens new ones."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class FailSafeRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**SOCKET_TIMEOUTS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._down_until = 0.0
        self._stale: set[tuple[str, int | None]] = set()
        self._stale_overflow = False

    def _call(self, method, fallback, *args, stale_keys=(), version=None):
        if time.monotonic() < self._down_until:
            self._remember_stale(stale_keys, version)
            return fallback
        try:
            self._forget_stale()
            return method(*args, version=version)
        except RedisError as exc:
            self._down_until = time.monotonic() + RETRY_AFTER
            self._remember_stale(stale_keys, version)
            logger.warning(
                "Cache Redis injoignable (%s) : pages servies sans cache pendant %d s.",
                exc.__class__.__name__,
                RETRY_AFTER,
            )
            return fallback

    def _remember_stale(self, keys, version):
        if self._stale_overflow:
            return
        self._stale.update((key, version) for key in keys)
        if len(self._stale) > MAX_STALE_KEYS:
            self._stale.clear()
            self._stale_overflow = True

    def _forget_stale(self):
        """Raises RedisError like any call, so the keys stay remembered until it works."""
        if self._stale_overflow:
            super().clear()
            self._stale_overflow = False
        while self._stale:
            _key, version = next(iter(self._stale))
            same_version = [k for k, v in self._stale if v == version]
            super().delete_many(same_version, version=version)
            self._stale.difference_update((k, version) for k in same_version)

    def available(self) -> bool:
        """Whether Redis answers now (for /healthz); ignores the pause after a failure."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except RedisError:
            return False

    def get(self, key, default=None, version=None):
        return self._call(super().get, default, key, default, version=version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, {}, keys, version=version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, False, key, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(
            super().add, False, key, value, timeout, stale_keys=[key], version=version
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, None, key, value, timeout, stale_keys=[key], version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(
            super().set_many, list(data), data, timeout, stale_keys=list(data), version=version
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, False, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._call(super().delete, False, key, stale_keys=[key], version=version)

    def delete_many(self, keys, version=None):
        keys = list(keys)
        return self._call(super().delete_many, None, keys, stale_keys=keys, version=version)

    def clear(self):
        if time.monotonic() < self._down_until:
            self._stale_overflow = True
            return False
        try:
            self._stale.clear()
            self._stale_overflow = False
            return super().clear()
        except RedisError:
            self._down_until = time.monotonic() + RETRY_AFTER
            self._stale_overflow = True
            return False

    def incr(self, key, delta=1, version=None):
        result = self._call(super().incr, _MISSING, key, delta, version=version)
        if result is _MISSING:
            # An empty cache holds no counter: the same answer as for a key that expired.
            raise ValueError(f"Key '{key}' not found.")
        return result
