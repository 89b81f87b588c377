"""Liveness of the services the platform depends on."""

from django.core.cache import caches
from django.db import connection

from .celery import app as celery_app


def database_check() -> str | None:
    """None when the database answers, else the reason."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means "down"
        return exc.__class__.__name__
    return None


def broker_check(timeout: float = 2.0) -> str | None:
    """None when the Celery broker accepts a connection, else the reason."""
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=timeout)
            conn.default_channel  # noqa: B018 - opening a channel proves the transport works
    except Exception as exc:  # kombu raises transport-specific errors
        return exc.__class__.__name__
    return None


def cache_check() -> str | None:
    """None when the shared cache answers, else the reason. lms.cache's Redis backend hides
    its failures from callers, so it is asked directly."""
    try:
        cache = caches["default"]
        available = getattr(cache, "available", None)
        if available is not None:
            return None if available() else "Unavailable"
        cache.set("healthz:probe", "ok", 10)
        return None if cache.get("healthz:probe") == "ok" else "Unavailable"
    except Exception as exc:  # any backend error means "down"
        return exc.__class__.__name__
