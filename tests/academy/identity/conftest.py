"""A real OpenID Connect provider (oidc-provider-mock, an Authlib authorization server
in a thread) that the Academy is configured to use.

The provider accepts any client by default and knows only client secrets. As NHS CIS2
does, this one accepts the client only with a `private_key_jwt` assertion signed by
the Academy's key: the mock's Authlib server is given Authlib's own RFC 7523 client
assertion check, with the Academy's public key, as its one token endpoint method.
"""

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

import flask
import oidc_provider_mock
import oidc_provider_mock._app as provider_app
import pytest
import requests
import werkzeug.serving
from authlib.oauth2.rfc7523 import JWTBearerClientAssertion
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from joserfc.jwk import RSAKey

CLIENT_ID = "academy-test-client"


def private_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


class AcademyKeyAssertion(JWTBearerClientAssertion):
    """`private_key_jwt`: the client's assertion, signed by the key it registered."""

    CLIENT_AUTH_METHOD = "private_key_jwt"

    def __init__(self, *, token_url: str, public_key: dict) -> None:
        super().__init__()
        self._token_url = token_url
        self._public_key = public_key
        self._seen: set[str] = set()

    def get_audiences(self):
        return [self._token_url]

    def resolve_client_public_key(self, client):
        return self._public_key

    def validate_jti(self, claims, jti):
        if jti in self._seen:
            return False
        self._seen.add(jti)
        return True


@dataclass
class Provider:
    issuer: str

    def set_person(self, sub: str, **claims) -> None:
        """The person who signs in as `sub`, with the claims their ID token carries
        (a claim such as `aud`, `exp` or `nonce` overrides the provider's own)."""
        response = requests.put(
            f"{self.issuer}/users/{quote(sub, safe='')}", json=claims, timeout=5
        )
        assert response.status_code == 204

    def sign_in(self, authorization_url: str, sub: str) -> str:
        """The person signs in at the provider; returns the Academy callback URL (path
        and query) the provider sends them back to."""
        response = requests.post(
            authorization_url, data={"sub": sub}, allow_redirects=False, timeout=5
        )
        assert response.status_code == 302, response.text
        location = urlsplit(response.headers["Location"])
        assert "code" in parse_qs(location.query)
        return f"{location.path}?{location.query}"


@contextmanager
def provider_server():
    """The provider on 127.0.0.1: `run_server_in_thread` binds the name localhost,
    which a machine without a hosts entry for it cannot resolve."""
    server = werkzeug.serving.make_server("127.0.0.1", 0, oidc_provider_mock.app())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        thread.join()


@pytest.fixture
def provider_key() -> str:
    """The key the provider knows the Academy by."""
    return private_pem()


@pytest.fixture
def provider(db, settings, monkeypatch, provider_key):
    monkeypatch.setattr(
        provider_app.AuthorizationCodeGrant,
        "TOKEN_ENDPOINT_AUTH_METHODS",
        ["private_key_jwt"],
    )
    public_key = RSAKey.import_key(provider_key).as_dict(private=False)
    with provider_server() as server:
        issuer = f"http://127.0.0.1:{server.server_port}"
        assertion = AcademyKeyAssertion(
            token_url=f"{issuer}/oauth2/token", public_key=public_key
        )

        @server.app.before_request
        def accept_only_private_key_jwt():
            flask.g._authlib_authorization_server.register_client_auth_method(
                AcademyKeyAssertion.CLIENT_AUTH_METHOD, assertion
            )

        settings.NHS_IDENTITY_ISSUER = issuer
        settings.NHS_IDENTITY_CLIENT_ID = CLIENT_ID
        settings.NHS_IDENTITY_PRIVATE_KEY = provider_key
        settings.NHS_IDENTITY_ACR_VALUES = "AAL3_ANY"
        yield Provider(issuer=issuer)
