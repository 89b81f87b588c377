"""Counters in the shared cache (Redis in production), for limits that axes does not cover:
certificate look-ups and password-reset emails."""

from datetime import timedelta
from hashlib import sha256

from django.core.cache import cache


def throttle_hit(*, scope: str, key: str, limit: int, window: timedelta) -> bool:
    """Counts one hit for `key` and answers True once more than `limit` hits fell in the
    window that its first hit opened. The key is hashed: an email address never lands in
    the cache as such."""
    cache_key = f"throttle:{scope}:{sha256(key.encode()).hexdigest()}"
    timeout = int(window.total_seconds())
    cache.add(cache_key, 0, timeout=timeout)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        # The entry expired between add() and incr(): this hit opens a new window.
        cache.set(cache_key, 1, timeout=timeout)
        count = 1
    return count > limit
