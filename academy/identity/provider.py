"""The NHS identity provider as the Academy talks to it: OpenID Connect's authorization
code flow with PKCE, the client authenticated by `private_key_jwt`, and the ID token
checked (signature, issuer, audience, expiry, nonce, `auth_time`) before it is believed.

Configured from the environment (`NHS_IDENTITY_*` settings); `provider_config()` is
None when it is not, and the whole feature is then off.
"""

import time
from dataclasses import dataclass
from pathlib import Path

import requests
from authlib.common.security import generate_token
from authlib.integrations.base_client import OAuthError
from authlib.integrations.requests_client import OAuth2Session
from authlib.oauth2.rfc7523 import PrivateKeyJWT
from authlib.oidc.core import CodeIDToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from joserfc import jwt
from joserfc.errors import ExpiredTokenError, InvalidClaimError, JoseError
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry

# Clock difference allowed between the provider and the Academy.
LEEWAY_SECONDS = 60
SIGNING_ALGORITHMS = ["RS256", "RS512", "PS256", "PS512", "ES256", "ES384"]


@dataclass(frozen=True)
class ProviderConfig:
    issuer: str
    client_id: str
    private_key: str
    key_id: str
    acr_values: str
    max_age: int
    timeout: float


@dataclass(frozen=True)
class VerifiedIdentity:
    """What a checked ID token says about the person who signed in at the provider."""

    issuer: str
    subject: str
    email: str
    email_verified: bool
    auth_time: int


class ProviderError(Exception):
    """The provider could not be used, or its answer is not to be believed.

    `reason` is recorded in the audit trail; the message is for the person."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


UNREACHABLE = (
    "The NHS identity service is not available at the moment. Try again later, or "
    "sign in with your Academy e-mail address and password."
)
NOT_BELIEVED = (
    "The answer from the NHS identity service could not be checked, so you have not "
    "been signed in. Start again from the sign-in page."
)


def provider_configured() -> bool:
    """Whether sign-in with an NHS identity is on: issuer, client id and key are set."""
    return bool(
        settings.NHS_IDENTITY_ISSUER
        and settings.NHS_IDENTITY_CLIENT_ID
        and settings.NHS_IDENTITY_PRIVATE_KEY
    )


def provider_config() -> ProviderConfig | None:
    """The configured provider, or None when sign-in with an NHS identity is off."""
    if not provider_configured():
        return None
    key = settings.NHS_IDENTITY_PRIVATE_KEY
    if not key.lstrip().startswith("-----BEGIN"):
        try:
            key = Path(key).read_text()
        except OSError as error:
            raise ImproperlyConfigured(
                "NHS_IDENTITY_PRIVATE_KEY is neither a PEM key nor a readable file."
            ) from error
    return ProviderConfig(
        issuer=settings.NHS_IDENTITY_ISSUER.rstrip("/"),
        client_id=settings.NHS_IDENTITY_CLIENT_ID,
        private_key=key,
        key_id=settings.NHS_IDENTITY_KEY_ID,
        acr_values=settings.NHS_IDENTITY_ACR_VALUES,
        max_age=settings.NHS_IDENTITY_MAX_AGE,
        timeout=settings.NHS_IDENTITY_TIMEOUT,
    )


def _get_json(url: str, config: ProviderConfig) -> dict:
    try:
        response = requests.get(url, timeout=config.timeout)
        response.raise_for_status()
        return response.json()
    except (requests.RequestException, ValueError) as error:
        raise ProviderError("provider_unreachable", UNREACHABLE) from error


def _metadata(config: ProviderConfig) -> dict:
    metadata = _get_json(f"{config.issuer}/.well-known/openid-configuration", config)
    if metadata.get("issuer", "").rstrip("/") != config.issuer:
        raise ProviderError("issuer_mismatch", NOT_BELIEVED)
    return metadata


def authorization_request(
    config: ProviderConfig, *, redirect_uri: str
) -> tuple[str, dict]:
    """The provider's URL to send the person to, and what to keep in their session
    to check the answer: the state, the nonce and the PKCE code verifier."""
    metadata = _metadata(config)
    pending = {
        "state": generate_token(32),
        "nonce": generate_token(32),
        "code_verifier": generate_token(64),
        "redirect_uri": redirect_uri,
    }
    session = OAuth2Session(
        config.client_id,
        scope="openid email profile",
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
    )
    extra = {"nonce": pending["nonce"], "max_age": config.max_age}
    if config.acr_values:
        extra["acr_values"] = config.acr_values
    url, _state = session.create_authorization_url(
        metadata["authorization_endpoint"],
        state=pending["state"],
        code_verifier=pending["code_verifier"],
        **extra,
    )
    return url, pending


def verified_identity(
    config: ProviderConfig, *, pending: dict, code: str
) -> VerifiedIdentity:
    """Exchange the authorization code for tokens and check the ID token; raises
    `ProviderError` when the provider is down or the token is not to be believed."""
    metadata = _metadata(config)
    token_endpoint = metadata["token_endpoint"]
    session = OAuth2Session(
        config.client_id,
        config.private_key,
        token_endpoint_auth_method=PrivateKeyJWT.name,
        redirect_uri=pending["redirect_uri"],
    )
    session.register_client_auth_method(
        PrivateKeyJWT(
            token_endpoint, headers={"kid": config.key_id} if config.key_id else None
        )
    )
    try:
        token = session.fetch_token(
            token_endpoint,
            code=code,
            code_verifier=pending["code_verifier"],
            timeout=config.timeout,
        )
    except OAuthError as error:
        raise ProviderError("code_refused", NOT_BELIEVED) from error
    except (requests.RequestException, ValueError) as error:
        raise ProviderError("provider_unreachable", UNREACHABLE) from error
    if "id_token" not in token:
        raise ProviderError("id_token_missing", NOT_BELIEVED)
    keys = _get_json(metadata["jwks_uri"], config)
    return checked_identity(config, token=token, keys=keys, nonce=pending["nonce"])


def checked_identity(
    config: ProviderConfig, *, token: dict, keys: dict, nonce: str
) -> VerifiedIdentity:
    """The person the token response's ID token names, once its signature (by one of
    the provider's `keys`), issuer, audience, expiry, nonce and `auth_time` hold."""
    try:
        decoded = jwt.decode(
            token["id_token"],
            KeySet.import_key_set(keys),
            registry=JWSRegistry(algorithms=SIGNING_ALGORITHMS),
        )
    except (JoseError, ValueError) as error:
        raise ProviderError("id_token_signature_invalid", NOT_BELIEVED) from error
    claims = CodeIDToken(
        decoded.claims,
        decoded.header,
        # Authlib's ID token checks the audience only through `azp`: name it here.
        {
            "iss": {"essential": True, "value": config.issuer},
            "aud": {"essential": True, "value": config.client_id},
        },
        {
            "nonce": nonce,
            "client_id": config.client_id,
            "access_token": token.get("access_token"),
            "max_age": config.max_age,
        },
    )
    try:
        claims.validate(leeway=LEEWAY_SECONDS)
    except ExpiredTokenError as error:
        raise ProviderError("id_token_expired", NOT_BELIEVED) from error
    except InvalidClaimError as error:
        raise ProviderError(f"{error.claim}_mismatch", NOT_BELIEVED) from error
    except JoseError as error:
        raise ProviderError("id_token_invalid", NOT_BELIEVED) from error
    auth_time = int(claims["auth_time"])
    if time.time() - auth_time > config.max_age + LEEWAY_SECONDS:
        raise ProviderError("auth_time_too_old", NOT_BELIEVED)
    return VerifiedIdentity(
        issuer=config.issuer,
        subject=str(claims["sub"]),
        email=str(claims.get("email", "")),
        email_verified=claims.get("email_verified") is True,
        auth_time=auth_time,
    )
