"""The web master (gunicorn.conf.py, lms/prefork.py): it loads the application once and forks
the workers from it, so it must hold no connection when it forks, and the workers must not
load what only Celery needs."""

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lms import prefork
from lms.settings.base import cache_from_env

ROOT = Path(__file__).resolve().parents[2]

LOAD_AND_WARM = """
import json, os, sys
import lms.wsgi
from lms import prefork
prefork.warm_up()
from django.template import engines
links = []
for fd in os.listdir("/proc/self/fd"):
    try:
        links.append(os.readlink(f"/proc/self/fd/{fd}"))
    except FileNotFoundError:  # the listing's own descriptor, closed since
        pass
print(json.dumps({
    "sockets": [link for link in links if link.startswith("socket:")],
    "templates": len(prefork.our_templates()),
    "compiled": len(engines["django"].engine.template_loaders[0].get_template_cache),
    "modules": sorted(name for name in ("openpyxl", "markdown_it", "weasyprint")
                      if name in sys.modules),
}))
"""


def production_env(**extra):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.production",
        SECRET_KEY="prefork-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="kalan.example.ml",
        CACHE_URL="redis://127.0.0.1:6379/9",
        **extra,
    )
    return env


def test_loading_and_warming_the_application_opens_no_connection():
    """What the master does before it forks (preload_app, then warm_up): no socket, so no
    worker inherits a database or Redis connection; and none of Celery's heavy libraries."""
    result = subprocess.run(
        [sys.executable, "-c", LOAD_AND_WARM],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    state = json.loads(result.stdout.strip().splitlines()[-1])
    assert state["sockets"] == []
    assert state["modules"] == []
    assert state["templates"] > 50
    # Compiled in the master: the cached loader holds them for every worker.
    assert state["compiled"] >= state["templates"] - 10


@pytest.mark.django_db(transaction=True)
def test_before_fork_closes_the_database_and_redis_connections(settings, monkeypatch):
    from django.core.cache import caches
    from django.db import connection

    monkeypatch.setenv("KALAN_TEST_CACHE_URL", "redis://127.0.0.1:6379/15")
    settings.CACHES = {
        "default": {**cache_from_env("KALAN_TEST_CACHE_URL"), "KEY_PREFIX": "kalan-prefork"}
    }
    live = caches["default"]
    live.get("anything")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    connected = [c for pool in live._cache._pools.values() for c in pool._available_connections]
    assert connection.connection is not None
    assert connected and all(c.is_connected for c in connected)
    try:
        prefork.before_fork()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert connection.connection is None
    assert not any(c.is_connected for c in connected)
    assert live.get("anything", "reconnects") == "reconnects"  # the next call reconnects


def test_gunicorn_configuration_preloads_and_recycles_workers():
    """One configuration for production, the load bench and the benches (README)."""
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py", "--print-config"],
        cwd=ROOT,
        env=production_env(WEB_WORKERS="3"),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    config = dict(
        line.split("=", 1) for line in result.stdout.replace(" ", "").splitlines() if "=" in line
    )
    assert config["preload_app"] == "True"
    assert config["worker_class"] == "gthread"
    assert config["workers"] == "3"
    assert int(config["max_requests"]) == 1000 and int(config["max_requests_jitter"]) > 0
    assert int(config["keepalive"]) == 75
    assert config["wsgi_app"] == "lms.wsgi:application"
    readme = (ROOT / "README.md").read_text()
    assert "gunicorn -c gunicorn.conf.py" in readme
    assert '-c "$ROOT/gunicorn.conf.py"' in (ROOT / "bench" / "load" / "run.sh").read_text()
