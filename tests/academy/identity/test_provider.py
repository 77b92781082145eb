"""The ID token's checks that a provider behaving well never trips: a token signed by
a key the provider does not publish, or altered after it was signed."""

import time

import pytest
import requests
from joserfc import jwt
from joserfc.jwk import RSAKey

from academy.identity.provider import ProviderError, checked_identity, provider_config
from tests.academy.identity.conftest import CLIENT_ID, private_pem


def claims(issuer: str) -> dict:
    now = int(time.time())
    return {
        "iss": issuer,
        "aud": CLIENT_ID,
        "sub": "cis2-555",
        "iat": now,
        "exp": now + 300,
        "auth_time": now,
        "nonce": "the-nonce",
        "email": "priya.shah@nhs.example",
        "email_verified": True,
    }


@pytest.fixture
def provider_keys(provider) -> dict:
    return requests.get(f"{provider.issuer}/jwks", timeout=5).json()


def test_a_token_the_provider_did_not_sign_is_refused(provider, provider_keys):
    forged = jwt.encode(
        {"alg": "RS256", "kid": provider_keys["keys"][0].get("kid", "")},
        claims(provider.issuer),
        RSAKey.import_key(private_pem()),
    )

    with pytest.raises(ProviderError) as refused:
        checked_identity(
            provider_config(),
            token={"id_token": forged},
            keys=provider_keys,
            nonce="the-nonce",
        )
    assert refused.value.reason == "id_token_signature_invalid"


def test_a_token_altered_after_signing_is_refused(provider):
    key = RSAKey.import_key(private_pem())
    keys = {"keys": [key.as_dict(private=False)]}
    issued = jwt.encode({"alg": "RS256"}, claims(provider.issuer), key)
    assert (
        checked_identity(
            provider_config(), token={"id_token": issued}, keys=keys, nonce="the-nonce"
        ).subject
        == "cis2-555"
    )
    header, _payload, signature = issued.split(".")
    other = jwt.encode({"alg": "RS256"}, {**claims(provider.issuer), "sub": "x"}, key)
    tampered = f"{header}.{other.split('.')[1]}.{signature}"

    with pytest.raises(ProviderError) as refused:
        checked_identity(
            provider_config(),
            token={"id_token": tampered},
            keys=keys,
            nonce="the-nonce",
        )
    assert refused.value.reason == "id_token_signature_invalid"
