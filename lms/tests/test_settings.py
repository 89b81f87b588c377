"""Production settings: refuse to start without secrets, and pass `check --deploy` clean."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    """manage.py with production settings; a variable given as None is left out."""
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "ALLOWED_HOSTS", "CACHE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    # Checks never connect to the cache: the address only has to be a shared backend's.
    base["CACHE_URL"] = "redis://127.0.0.1:6379/9"
    base["DJANGO_SETTINGS_MODULE"] = "lms.settings.production"
    merged = {**base, **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={k: v for k, v in merged.items() if v is not None},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="kalan.example.ml")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


HOSTS = "kalan.example.ml"
KEY = "k3y-" + "aZ9!qW" * 10


def test_production_refuses_to_start_without_a_shared_cache():
    result = run_manage("check", SECRET_KEY=KEY, ALLOWED_HOSTS=HOSTS, CACHE_URL=None)
    assert result.returncode != 0
    assert "CACHE_URL" in result.stderr
    result = run_manage("check", SECRET_KEY=KEY, ALLOWED_HOSTS=HOSTS, CACHE_URL="locmemcache://")
    assert result.returncode != 0
    assert "CACHE_URL must name a cache shared by all processes" in result.stderr


def test_production_cache_is_redis_and_survives_losing_it():
    code = "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])"
    result = run_manage("shell", "-c", code, SECRET_KEY=KEY, ALLOWED_HOSTS=HOSTS)
    assert result.returncode == 0, result.stderr
    # Django's RedisCache, made to treat a Redis that does not answer as an empty cache.
    assert result.stdout.split()[-1] == "lms.cache.FailSafeRedisCache"


def test_check_deploy_is_clean():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k3y-" + "aZ9!qW" * 10,
        ALLOWED_HOSTS="kalan.example.ml",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_production_refuses_a_proxy_count_without_the_proxies_addresses():
    """Otherwise a client that reaches gunicorn directly names the address every limit keys on."""
    base = {
        "SECRET_KEY": KEY,
        "ALLOWED_HOSTS": HOSTS,
        "KALAN_PROXY_COUNT": None,
        "AXES_IPWARE_PROXY_COUNT": None,
        "KALAN_TRUSTED_PROXIES": None,
    }
    result = run_manage("check", **{**base, "KALAN_PROXY_COUNT": "1"})
    assert result.returncode != 0
    assert "KALAN_TRUSTED_PROXIES must name the proxies" in result.stderr
    # The count's former name still counts, and so still needs the addresses.
    result = run_manage("check", **{**base, "AXES_IPWARE_PROXY_COUNT": "1"})
    assert "KALAN_TRUSTED_PROXIES must name the proxies" in result.stderr
    wrong = {**base, "KALAN_PROXY_COUNT": "1", "KALAN_TRUSTED_PROXIES": "10.0.0.300"}
    result = run_manage("check", **wrong)
    assert result.returncode != 0 and "neither an address nor a network" in result.stderr
    right = {**base, "KALAN_PROXY_COUNT": "1", "KALAN_TRUSTED_PROXIES": "10.0.0.1,fd00::/8"}
    code = "from django.conf import settings as s; print(s.KALAN_TRUSTED_PROXIES)"
    result = run_manage("shell", "-c", code, **right)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "['10.0.0.1', 'fd00::/8']"


def test_dot_env_may_set_the_var_dir(tmp_path):
    """base.py reads `.env` before KALAN_VAR_DIR, so the file can move the runtime data."""
    # base.py finds `.env` three levels above itself: a copy under tmp_path finds tmp_path/.env.
    settings_dir = tmp_path / "lms" / "settings"
    settings_dir.mkdir(parents=True)
    (settings_dir / "base.py").write_text((ROOT / "lms" / "settings" / "base.py").read_text())
    var_dir = tmp_path / "donnees"
    (tmp_path / ".env").write_text(f"KALAN_VAR_DIR={var_dir}\n")
    copy = str(settings_dir / "base.py")
    code = (
        "import importlib.util\n"
        f"spec = importlib.util.spec_from_file_location('kalan_base', {copy!r})\n"
        "module = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
        "print(module.VAR_DIR)\n"
    )
    env = {
        k: v for k, v in os.environ.items() if k not in ("KALAN_VAR_DIR", "DJANGO_SETTINGS_MODULE")
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(var_dir)


def test_production_logging_keeps_base_logger_levels():
    """Production extends base's LOGGING: the noisy libraries stay at their levels."""
    from lms.settings import base

    code = "import json; from django.conf import settings as s; print(json.dumps(s.LOGGING))"
    result = run_manage("shell", "-c", code, SECRET_KEY=KEY, ALLOWED_HOSTS=HOSTS, LOG_LEVEL=None)
    assert result.returncode == 0, result.stderr
    logging = json.loads(result.stdout.strip().splitlines()[-1])
    assert base.LOGGING["loggers"]  # something to keep
    assert logging["loggers"] == base.LOGGING["loggers"]
    assert logging["handlers"] == base.LOGGING["handlers"]
    assert logging["root"] == {"handlers": ["console"], "level": "WARNING"}
