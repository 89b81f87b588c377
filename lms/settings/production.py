"""Production. Scale-out layout (see README "Production"):

- web: `gunicorn -c gunicorn.conf.py` (2 workers per core, preloaded) on as many machines as
  needed, behind a TLS-terminating proxy that does not compress HTML (SECURITY.md):
  KALAN_PROXY_COUNT is the number of proxies and KALAN_TRUSTED_PROXIES their addresses or
  networks (required with a proxy), so that sign-in lockouts and the other limits key on each
  client's real address, which no client can choose;
- workers: `celery -A lms worker` on any number of machines, all on the same Redis;
- beat: exactly one `celery -A lms beat` for the whole platform;
- media: S3-compatible object storage (AWS_* variables), so every machine sees every file;
- static files: collected once and served by WhiteNoise with hashed names.

SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and CACHE_URL (a shared cache) are required: the
process refuses to start without them (django-environ raises ImproperlyConfigured).

KALAN_OB3_KEY_PATH (read from the environment in base.py) must name a file on a persistent
secret volume mounted on every web machine: its var/ default suits a single machine only. It
is the Open Badges signing key, and a key lost or regenerated at a deploy makes every badge
already handed out fail verification."""

import copy

from .base import *  # noqa: F403
from .base import (
    CONTENT_SECURITY_POLICY,
    KALAN_PROXY_COUNT,
    KALAN_TRUSTED_PROXIES,
    LOGGING,
    cache_from_env,
    env,
)

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("ALLOWED_HOSTS must name at least one host.")

# One cache shared by every process of every machine (Redis): sessions are cached_db, and the
# certificate verification rate limit and courses/caching.py's flags live in the cache. With
# base.py's per-process locmem default, a session closed by one gunicorn worker (sign-out)
# would still open pages on the others until its cache entry expired.
CACHES = {"default": cache_from_env("CACHE_URL")}
if CACHES["default"]["BACKEND"].endswith(("LocMemCache", "DummyCache")):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("CACHE_URL must name a cache shared by all processes (redis://…).")

if KALAN_PROXY_COUNT > 0:
    from django.core.exceptions import ImproperlyConfigured

    from accounts.network import trusted_networks

    if not KALAN_TRUSTED_PROXIES:
        # Without it, anyone who reaches gunicorn directly picks the address that every
        # limit keys on, and can lock out whomever they name.
        raise ImproperlyConfigured(
            "KALAN_TRUSTED_PROXIES must name the proxies' addresses or networks "
            "when KALAN_PROXY_COUNT is set."
        )
    trusted_networks(KALAN_TRUSTED_PROXIES)  # a typo stops the start, not a sign-in later

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# A load balancer probes the nodes directly over plain HTTP: it must see /healthz's 503, not
# a redirect to HTTPS that it would count as healthy (or follow to another node).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if env("AWS_STORAGE_BUCKET_NAME", default=""):
    # S3-compatible object storage (AWS S3, MinIO, Scaleway, OVH...) for uploads and PDFs.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "access_key": env("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    # Images are then served from the bucket's origin (signed URLs): the CSP must allow it.
    _bucket_origin = env("CSP_MEDIA_ORIGIN", default=env("AWS_S3_ENDPOINT_URL", default=""))
    if _bucket_origin:
        CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(_bucket_origin)

# Base's logging (its handlers and its per-logger levels: axes, wagtail...), only quieter at
# the root by default.
LOGGING = copy.deepcopy(LOGGING)
LOGGING["root"]["level"] = env("LOG_LEVEL", default="WARNING")
