"""The test suite. DATABASE_URL and CELERY_BROKER_URL come from the environment (.ci/run sets
PostgreSQL and Redis); without them, SQLite and an embedded Redis of the suite's own, under
var/test/ (conftest.py starts it), never the one of `make run`."""

import os

from lms import embedded

from .base import *  # noqa: F403
from .base import DATABASES, MIDDLEWARE, VAR_DIR, cache_from_env, env

TEST_VAR_DIR = VAR_DIR / "test"
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=embedded.broker_url(TEST_VAR_DIR))
# The suite runs in several processes (pytest-xdist), each on its own test database: each
# sends to and consumes its own queue, so that one's worker never runs another's tasks.
if os.environ.get("PYTEST_XDIST_WORKER"):
    CELERY_TASK_DEFAULT_QUEUE = f"celery-{os.environ['PYTEST_XDIST_WORKER']}"
# Each test process keeps its own cache unless CACHE_URL names a server.
CACHES = {"default": cache_from_env("CACHE_URL", default="locmemcache://")}

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "test-media"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-kalan.sqlite3")}
else:
    DATABASES["default"]["CONN_MAX_AGE"] = 0
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AXES_ENABLED = True

# Every HTML page of ours that a test renders is checked for template syntax shown as text.
MIDDLEWARE = [*MIDDLEWARE, "lms.middleware.TemplateLeakCheckMiddleware"]
