"""Liveness of the services the platform depends on."""

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
