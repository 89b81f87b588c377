"""The client's real address: the one key of every limit per address (sign-in lockouts,
certificate look-ups, password-reset emails).

Behind KALAN_PROXY_COUNT proxies, each proxy appends the address it saw to
X-Forwarded-For (nginx's `$proxy_add_x_forwarded_for`) and the last one is REMOTE_ADDR, so
the client is the KALAN_PROXY_COUNT-th address from the right of "X-Forwarded-For,
REMOTE_ADDR". Whatever the client wrote in the header itself sits further left and is
never read. The header is believed only from KALAN_TRUSTED_PROXIES (when set): a client
that reaches gunicorn directly is known by its own address, whatever header it sends."""

import ipaddress

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from python_ipware.modern.parsers import parse_ip, split_proxy_chain, unwrap_ipv4_network

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_networks(entries) -> list[Network]:
    """KALAN_TRUSTED_PROXIES as networks; an address alone is a network of one."""
    networks = []
    for entry in entries:
        try:
            network = ipaddress.ip_network(entry.strip(), strict=False)
        except ValueError as error:
            raise ImproperlyConfigured(
                f"KALAN_TRUSTED_PROXIES: {entry!r} is neither an address nor a network."
            ) from error
        # python-ipware reads "::ffff:10.0.0.1" as 10.0.0.1: the networks must match that.
        networks.append(unwrap_ipv4_network(network))
    return networks


def _is_trusted(address, networks: list[Network]) -> bool:
    if not networks:
        return True
    return any(address.version == net.version and address in net for net in networks)


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR") or ""
    count = settings.KALAN_PROXY_COUNT
    remote_ip = parse_ip(remote)
    if count <= 0 or remote_ip is None:
        return remote
    networks = trusted_networks(settings.KALAN_TRUSTED_PROXIES)
    # Invalid tokens are skipped: only the client can write them, left of what the proxies add.
    chain = split_proxy_chain(request.META.get("HTTP_X_FORWARDED_FOR", ""), strict=False)
    chain.append(remote_ip)
    # From the right: REMOTE_ADDR, then what each proxy added. The first address that is not
    # a trusted proxy's is the client's (someone who reached an inner proxy directly).
    for hop in reversed(chain[-count:]):
        if not _is_trusted(hop, networks):
            return str(hop)
    if len(chain) > count:
        return str(chain[-count - 1])
    # The proxies did not say who their client was: the outermost one is all we know.
    return str(chain[0])
