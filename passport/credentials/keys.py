"""The issuer's signing key and the public keys (JWKS) that verifiers fetch.

Production takes the private JWK from the `PASSPORT_SIGNING_KEY` setting; a
development or test deployment generates an Ed25519 key once and keeps it in the
database, so credentials it issued stay verifiable across restarts.
"""

import json

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from jwcrypto import jwk

from passport.credentials.issuing import ALGORITHM
from passport.models import IssuerSigningKey


def _with_kid(key: jwk.JWK) -> jwk.JWK:
    exported = key.export(as_dict=True)
    exported.setdefault("kid", key.thumbprint())
    return jwk.JWK(**exported)


def _configured_key() -> jwk.JWK | None:
    if not settings.PASSPORT_SIGNING_KEY:
        return None
    try:
        key = jwk.JWK.from_json(settings.PASSPORT_SIGNING_KEY)
    except (ValueError, TypeError, jwk.InvalidJWKValue) as error:
        raise ImproperlyConfigured(
            "PASSPORT_SIGNING_KEY must be a private JWK in JSON."
        ) from error
    if not key.has_private or key.get("crv") != "Ed25519":
        raise ImproperlyConfigured(
            "PASSPORT_SIGNING_KEY must be a private Ed25519 (OKP) JWK."
        )
    return _with_kid(key)


def _stored_key() -> jwk.JWK:
    stored = IssuerSigningKey.objects.order_by("created_at").first()
    if stored is None:
        key = _with_kid(jwk.JWK.generate(kty="OKP", crv="Ed25519"))
        try:
            with transaction.atomic():
                stored = IssuerSigningKey.objects.create(
                    kid=key["kid"], private_jwk=json.loads(key.export_private())
                )
        except IntegrityError:
            stored = IssuerSigningKey.objects.order_by("created_at").first()
    return jwk.JWK(**stored.private_jwk)


def signing_key() -> jwk.JWK:
    """The private key that signs this deployment's credentials, with its `kid`."""
    return _configured_key() or _stored_key()


def public_jwks() -> dict:
    """The JSON Web Key Set published at `/.well-known/jwks.json`."""
    public = signing_key().export_public(as_dict=True)
    return {"keys": [{**public, "alg": ALGORITHM, "use": "sig"}]}
