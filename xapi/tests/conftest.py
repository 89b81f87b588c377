import os

import pytest
from django.conf import settings

from conftest import file_lock

from .ralph import Ralph, RalphUnavailable, install


def _unavailable(message: str):
    # In CI the LRS tests are the point: no silent skip there.
    if os.environ.get("CI"):
        pytest.fail(f"Ralph (LRS de test) indisponible : {message}", pytrace=False)
    pytest.skip(f"Ralph (LRS de test) indisponible : {message}")


@pytest.fixture(scope="session")
def ralph_venv():
    try:
        with file_lock(settings.VAR_DIR / "test" / "ralph.lock"):
            return install(settings.VAR_DIR / "test" / "ralph")
    except (RalphUnavailable, OSError) as exc:
        _unavailable(str(exc))


@pytest.fixture(scope="session")
def ralph(ralph_venv, tmp_path_factory):
    """A running Ralph for the session, with an empty file-system store."""
    try:
        server = Ralph(ralph_venv, tmp_path_factory.mktemp("ralph"))
        server.start()
    except (RalphUnavailable, OSError) as exc:
        _unavailable(str(exc))
    yield server
    server.stop()


@pytest.fixture
def lrs(ralph, settings):
    """Kalan configured to send to the session's Ralph (started again if a test stopped it)."""
    if ralph.process is None:
        ralph.start()
    settings.XAPI_LRS_URL = ralph.xapi_url
    settings.XAPI_LRS_KEY = "kalan"
    settings.XAPI_LRS_SECRET = "kalan-test-secret"
    return ralph
