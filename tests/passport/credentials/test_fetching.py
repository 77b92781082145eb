import http.client
import http.server
import socket
import threading

import pytest

from passport.credentials import fetching
from passport.credentials import recognition as recognition_service
from passport.credentials.verifying import CredentialRejected

NOT_PUBLIC = "not at a public internet address"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
        ("127.0.0.1", False),  # loopback
        ("::1", False),
        ("10.1.2.3", False),  # private
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("fd00::1", False),
        ("169.254.169.254", False),  # link-local: cloud metadata
        ("fe80::1%eth0", False),
        ("224.0.0.1", False),  # multicast
        ("ff02::1", False),
        ("240.0.0.1", False),  # reserved
        ("0.0.0.0", False),  # noqa: S104 (unspecified)
        ("::", False),
        ("100.64.0.1", False),  # shared address space
        ("::ffff:127.0.0.1", False),  # IPv4 inside IPv6
        ("::ffff:10.0.0.1", False),
    ],
)
def test_only_public_internet_addresses_are_fetched_from(address, public):
    assert fetching.is_public_address(address) is public


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/.well-known/jwks.json",
        "https://localhost/.well-known/jwks.json",
        "https://[::1]:8443/.well-known/jwks.json",
        "https://169.254.169.254/latest/meta-data/",
    ],
)
def test_keys_are_never_fetched_from_a_loopback_or_private_address(url, monkeypatch):
    def no_connection(*args, **kwargs):
        raise AssertionError("connected")

    monkeypatch.setattr(fetching, "connect", no_connection)

    with pytest.raises(CredentialRejected, match=NOT_PUBLIC):
        recognition_service._fetch(url)


def test_a_name_that_resolves_to_a_private_address_is_refused(monkeypatch):
    """A public-looking name is judged by every address it resolves to."""

    def resolve(host, port, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)

    with pytest.raises(CredentialRejected, match=NOT_PUBLIC):
        recognition_service._fetch("https://south.academy.example/.well-known/x")


class _Redirecting(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):
        self.requests.append(self.path)
        if self.path == "/.well-known/jwks.json":
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.1/internal")
        else:
            self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def test_a_redirect_from_the_issuers_site_is_not_followed(monkeypatch):
    """The site answers, from a public address, with a redirect to plain HTTP on
    loopback: the fetch stops there."""
    server = http.server.HTTPServer(("127.0.0.1", 0), _Redirecting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    _Redirecting.requests = []
    monkeypatch.setattr(fetching, "public_address", lambda host, port: "127.0.0.1")
    # TLS is the one thing replaced: the server speaks plain HTTP on loopback.
    monkeypatch.setattr(
        fetching,
        "connect",
        lambda host, *, address, port, timeout: http.client.HTTPConnection(
            address, port, timeout=timeout
        ),
    )
    try:
        with pytest.raises(CredentialRejected, match="redirects are not followed"):
            recognition_service._fetch(
                f"https://south.academy.example:{port}/.well-known/jwks.json"
            )
    finally:
        server.shutdown()
        server.server_close()

    assert _Redirecting.requests == ["/.well-known/jwks.json"]
