"""The client's real address, behind the proxies and never from a header a client wrote."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings

from accounts.network import client_ip

NGINX = "10.0.0.1"
BALANCER = "10.0.1.1"


def address(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **extra))


@override_settings(KALAN_PROXY_COUNT=0, KALAN_TRUSTED_PROXIES=[])
def test_without_a_proxy_the_header_is_ignored():
    assert address("198.51.100.7", "203.0.113.66") == "198.51.100.7"


@override_settings(KALAN_PROXY_COUNT=1, KALAN_TRUSTED_PROXIES=[NGINX])
def test_behind_one_proxy_the_client_is_the_address_it_added():
    assert address(NGINX, "203.0.113.66") == "203.0.113.66"
    # What the client wrote itself comes first; nginx appends the address it saw.
    assert address(NGINX, "1.2.3.4, 203.0.113.66") == "203.0.113.66"
    assert address(NGINX, "garbage, for=unknown, 203.0.113.66") == "203.0.113.66"
    assert address(NGINX, "[2001:db8::5]:4711") == "2001:db8::5"


@override_settings(KALAN_PROXY_COUNT=1, KALAN_TRUSTED_PROXIES=[NGINX])
def test_a_client_that_is_not_the_proxy_cannot_choose_its_address():
    assert address("198.51.100.7", "203.0.113.66") == "198.51.100.7"
    assert address("198.51.100.7", "1.2.3.4, 10.0.0.1") == "198.51.100.7"


@override_settings(KALAN_PROXY_COUNT=1, KALAN_TRUSTED_PROXIES=[NGINX])
def test_a_proxy_that_names_no_client_is_all_that_is_known():
    assert address(NGINX) == NGINX
    assert address(NGINX, "not-an-address") == NGINX


@override_settings(KALAN_PROXY_COUNT=2, KALAN_TRUSTED_PROXIES=["10.0.0.0/16"])
def test_behind_two_proxies():
    assert address(NGINX, f"1.2.3.4, 203.0.113.66, {BALANCER}") == "203.0.113.66"
    # Someone who reached nginx without the balancer is known by the address nginx saw.
    assert address(NGINX, "203.0.113.66, 198.51.100.7") == "198.51.100.7"


@override_settings(KALAN_PROXY_COUNT=1, KALAN_TRUSTED_PROXIES=["10.0.0.0/8"])
def test_an_ipv4_mapped_proxy_address_is_the_ipv4_one():
    assert address("::ffff:10.0.0.1", "203.0.113.66") == "203.0.113.66"


@override_settings(KALAN_PROXY_COUNT=1, KALAN_TRUSTED_PROXIES=["10.0.0.300"])
def test_a_wrong_trusted_entry_is_a_configuration_error():
    with pytest.raises(ImproperlyConfigured, match="KALAN_TRUSTED_PROXIES"):
        address(NGINX, "203.0.113.66")
