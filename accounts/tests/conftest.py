"""Fixtures shared by the tests of the limits per client address (sign-in, password reset)."""

import pytest
from django.test import override_settings
from django.utils import translation

from accounts.tests.factories import NGINX


@pytest.fixture
def french_afterwards():
    """The language middleware leaves the request's language active in this thread; the tests
    that follow expect French."""
    yield
    translation.activate("fr")


@pytest.fixture
def behind_the_proxy():
    with override_settings(KALAN_PROXY_COUNT=1, KALAN_TRUSTED_PROXIES=[NGINX]):
        yield
