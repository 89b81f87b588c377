"""Shared fixtures. Factories live in each app's tests/factories.py."""

import contextlib
import fcntl
import os
import subprocess
import threading
import time
from pathlib import Path

# Playwright's sync API keeps an asyncio loop running in the main thread; without this the
# ORM refuses to run in browser tests (SynchronousOnlyOperation).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest
from django.conf import settings

pytest_plugins = ("celery.contrib.pytest",)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's chromium; `playwright install` cannot download here.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@contextlib.contextmanager
def file_lock(path: Path):
    """Holds an exclusive lock on `path` (created if missing): the suite runs in several
    processes (pytest-xdist), and what one installs or starts for all, the others wait for."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session", autouse=True)
def embedded_redis():
    """Without CELERY_BROKER_URL, the suite's broker is an embedded Redis under var/test/: a
    real server, started here for the session (tasks sent on commit reach it)."""
    from lms import embedded

    var_dir = settings.TEST_VAR_DIR
    if not embedded.is_embedded(settings.CELERY_BROKER_URL, var_dir):
        yield None
        return
    socket_path = embedded.redis_socket(var_dir)
    # Each process of the suite (pytest-xdist) holds a shared lock on `redis.users` while it
    # may send tasks; the one that started the server stops it only once it alone is left.
    var_dir.mkdir(parents=True, exist_ok=True)
    with (var_dir / "redis.users").open("a") as users:
        fcntl.flock(users, fcntl.LOCK_SH)
        with file_lock(var_dir / "redis.lock"):
            started = not embedded.redis_ping(socket_path)  # or another process started it
            process = embedded.redis_start(var_dir, stdout=subprocess.DEVNULL) if started else None
        yield process
        if process is not None:
            fcntl.flock(users, fcntl.LOCK_EX)  # waits for the other processes to be done
            process.terminate()
            process.wait(timeout=10)
        fcntl.flock(users, fcntl.LOCK_UN)


@pytest.fixture(scope="session", autouse=True)
def ob3_signing_key(tmp_path_factory):
    """Open Badges credentials are signed with a throwaway key in every test, never with the
    machine's var/ key (certificates' own tests make one per test)."""
    from certificates.openbadges import keys

    path = tmp_path_factory.mktemp("ob3-keys") / "ob3-ed25519.pem"
    keys.key_generate(path=path)
    previous = settings.KALAN_OB3_KEY_PATH
    settings.KALAN_OB3_KEY_PATH = path
    yield path
    settings.KALAN_OB3_KEY_PATH = previous


@pytest.fixture(autouse=True)
def csp_violations_fail(request):
    """In every browser test, a Content-Security-Policy violation reported by chromium (an
    inline script or style, a resource from elsewhere) fails the test."""
    if request.node.get_closest_marker("browser") is None:
        yield
        return
    page = request.getfixturevalue("page")
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield
    assert not violations, violations


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server.url


@pytest.fixture(scope="session")
def screenshot_dir():
    """Where browser tests leave screenshots for people to look at: the directory named by
    KALAN_TEST_ARTIFACTS (CI keeps it as the run's artefacts), by default var/test/screenshots/
    (var/ is not committed)."""
    path = Path(
        os.environ.get("KALAN_TEST_ARTIFACTS") or settings.BASE_DIR / "var" / "test" / "screenshots"
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


SCREEN_SIZES = ((390, 844), (1366, 768))


@pytest.fixture
def page_shots(screenshot_dir):
    """page_shots(page, name): full-page screenshots of the page as it is, on a phone (390 px wide)
    and on a desktop (1366 px), saved as <name>-390.png and <name>-1366.png in the artefacts.
    The page is left at the phone's size. Returns the paths."""

    def take(page, name):
        paths = []
        for width, height in SCREEN_SIZES:
            page.set_viewport_size({"width": width, "height": height})
            path = screenshot_dir / f"{name}-{width}.png"
            page.screenshot(path=path, full_page=True)
            paths.append(path)
        page.set_viewport_size({"width": SCREEN_SIZES[0][0], "height": SCREEN_SIZES[0][1]})
        return paths

    return take


@pytest.fixture(scope="session")
def celery_project_worker():
    """One real worker thread for the whole session, on the configured broker (Redis in CI).
    Session-wide because stopping an embedded worker stops every other one too."""
    import celery.contrib.testing.tasks  # noqa: F401  (registers celery.ping)
    from celery.contrib.testing.worker import start_worker

    from lms.celery import app

    app.control.purge()  # what an earlier run of the suite left in the queue is not ours
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
        IN_PROCESS_WORKERS.append(worker)
        yield worker
        IN_PROCESS_WORKERS.clear()


IN_PROCESS_WORKERS = []


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    """A test's tasks end with the test. Once the session's worker runs, it would take tasks
    that an earlier test queued and never waited for: they then ran inside later tests (a job
    finished while a test counted active jobs, a flush drained another test's outbox) or
    during the database flush that ends a transactional test (a deadlock). Before the
    fixtures are torn down, the queue is purged and the worker is left to finish its task."""
    if not IN_PROCESS_WORKERS:
        return
    from celery.worker import state

    from lms.celery import app

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        app.control.purge()
        busy = False
        while (state.active_requests or state.reserved_requests) and time.monotonic() < deadline:
            busy = True
            time.sleep(0.02)
        if not busy:
            return
        # The task that just ended may have queued another: purge again.


@pytest.fixture
def wagtail_site(transactional_db):
    """Rebuilds Wagtail's root page, locale and default site, which the flush after a
    transactional test deletes (they come from data migrations)."""
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page, Site

    Collection.get_first_root_node() or Collection.add_root(name="Root")
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.get_children().first() or root.add_child(instance=Page(title="Kalan", slug="kalan"))
    return Site.objects.filter(is_default_site=True).first() or Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Kalan"
    )


@pytest.fixture
def role_groups(db):
    """The role groups, rebuilt if a transactional flush removed them."""
    from django.contrib.auth.models import Group, Permission

    from accounts import roles

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in roles.ALL}
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name in roles.ADMIN_ACCESS:
        groups[name].permissions.add(access_admin)
    return groups


@contextlib.contextmanager
def database_for_module(django_db_blocker):
    """The database for a module-scoped fixture, outside pytest-django's per-test
    transactions. The connection it opens is closed at the end: left open by the last tests
    of a process, it kept pytest-django from dropping that process's test database (« being
    accessed by other users »)."""
    from django.db import connection

    with django_db_blocker.unblock():
        try:
            yield
        finally:
            connection.close()


def run_together(count, target):
    """Runs `target` in `count` threads released together (each thread has its own database
    connection, closed at the end). Returns (results, exceptions)."""
    barrier = threading.Barrier(count)
    results, errors = [], []

    def worker():
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=60)
            results.append(target())
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    # Generous bounds: on a loaded machine four graded submits in a row, each waiting for the
    # row lock, once took longer than 30 s, and a thread still running is a result missing.
    for thread in threads:
        thread.join(timeout=180)
    assert not any(thread.is_alive() for thread in threads), "a thread did not finish"
    return results, errors


def login_browser(page, client, user, base_url):
    """Signs `user` into the Playwright page by copying a Django test-client session cookie."""
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )


def admin_sign_in(page, matricule, password="motdepasse-test"):
    """Signs into the Wagtail admin through its own form, as a person does (a fresh browser
    session: the cookies of whoever was signed in before are dropped)."""
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.fill("input[name=username]", matricule)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


@pytest.fixture(autouse=True)
def site_language():
    """Each test starts in the site's language (French). A request served in English leaves
    English active in its thread (Django's LocaleMiddleware activates, never deactivates), and
    a later test's command or import messages would follow it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def pytest_collection_modifyitems(config, items):
    """A test that asks for Playwright's `page` is a browser test and must say so: a test that
    took `page` by accident (a parameter of that name) became a live-server test, and
    pytest-django's ordering then ran the browser tests first, whose flushes emptied the data
    the other tests rely on."""
    unmarked = [
        item.nodeid
        for item in items
        if "page" in getattr(item, "fixturenames", ())
        and item.get_closest_marker("browser") is None
    ]
    if unmarked:
        raise pytest.UsageError(
            "Tests using Playwright's `page` without the `browser` marker: " + ", ".join(unmarked)
        )
