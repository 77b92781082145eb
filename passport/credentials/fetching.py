"""Fetching another issuer's published documents: HTTPS only, to public addresses
only, and no redirects, so a trusted issuer's site cannot point us inside our own
network."""

import http.client
import ipaddress
import socket
import ssl
from urllib.parse import urlsplit


class FetchRefused(Exception):
    """The document was not fetched; the message says why, in plain words."""


def is_public_address(address: str) -> bool:
    """Whether an IP address is on the public internet: not loopback, private,
    link-local, multicast, reserved or unspecified (IPv4 inside IPv6 included)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


NOT_PUBLIC = (
    "The issuer's site is not at a public internet address, so nothing is fetched "
    "from it."
)


def public_address(host: str, port: int) -> str:
    """The address to connect to for a host, once every address it resolves to is
    public; resolving once and connecting to that address defeats DNS rebinding.
    "localhost" and its subdomains are loopback by definition (RFC 6761), refused
    whether or not this machine's resolver knows them."""
    name = host.lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        raise FetchRefused(NOT_PUBLIC)
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise FetchRefused("The issuer's site could not be found.") from error
    addresses = [info[4][0] for info in found]
    if not addresses or not all(is_public_address(a) for a in addresses):
        raise FetchRefused(NOT_PUBLIC)
    return addresses[0]


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to an address already checked, with the certificate checked for the
    host name."""

    def __init__(self, host: str, *, address: str, port: int, timeout: float):
        super().__init__(
            host, port=port, timeout=timeout, context=ssl.create_default_context()
        )
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def connect(
    host: str, *, address: str, port: int, timeout: float
) -> http.client.HTTPConnection:
    return _PinnedHTTPSConnection(host, address=address, port=port, timeout=timeout)


def fetch_public(url: str, *, timeout: float, max_bytes: int) -> bytes:
    """The body of a document at a public HTTPS address; a redirect is refused."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise FetchRefused("Other issuers' documents are only fetched over HTTPS.")
    try:
        port = parts.port or 443
    except ValueError as error:
        raise FetchRefused("The issuer's address cannot be read.") from error
    address = public_address(parts.hostname, port)
    connection = connect(parts.hostname, address=address, port=port, timeout=timeout)
    try:
        connection.request(
            "GET",
            (parts.path or "/") + (f"?{parts.query}" if parts.query else ""),
            headers={"Accept": "application/json, application/jwt, */*"},
        )
        response = connection.getresponse()
        if response.status != 200:
            raise FetchRefused(
                f"The issuer's site answered {response.status} instead of the "
                "document; redirects are not followed."
            )
        return response.read(max_bytes)
    finally:
        connection.close()
