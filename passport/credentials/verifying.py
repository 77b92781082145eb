"""Checking a VC-JWT credential from any Academy deployment: signature with the
issuer's published key, Open Badges type, validity dates and status list.

The caller supplies how to find a trusted issuer's keys and status list, so this
module does no I/O of its own and every outcome can be tested directly.
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from jwcrypto import jwk, jws
from jwcrypto.common import JWException

from passport.credentials.issuing import ALGORITHM
from passport.credentials.status_list import (
    REVOKED,
    SUSPENDED,
    StatusListError,
    decode_status_list,
    status_at,
)


class CredentialRejected(Exception):
    """The credential cannot be trusted; the message says why, in plain words."""


@dataclass
class Verdict:
    """The outcome of checking a credential: what passed, and why it failed."""

    credential: dict[str, Any] | None = None
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.credential is not None and not self.failed

    @property
    def issuer_id(self) -> str:
        issuer = (self.credential or {}).get("issuer", {})
        return issuer.get("id", "") if isinstance(issuer, dict) else issuer

    @property
    def issuer_name(self) -> str:
        issuer = (self.credential or {}).get("issuer", {})
        return issuer.get("name", "") if isinstance(issuer, dict) else ""


KeysFor = Callable[[str], dict[str, Any]]
StatusListFor = Callable[[str], str]


# A VC-JWT is a JWS in compact serialisation: three base64url parts. The JSON
# serialisations jwcrypto also reads (one or many signatures) are not credentials.
COMPACT_JWS = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
NOT_SIGNED = "This is not a signed credential: paste the whole VC-JWT text."


def _unverified_claims(token: str) -> tuple[jws.JWS, dict[str, Any]]:
    if not COMPACT_JWS.fullmatch(token):
        raise CredentialRejected(NOT_SIGNED)
    signed = jws.JWS()
    try:
        signed.deserialize(token)
        if not isinstance(signed.jose_header, dict):
            raise TypeError("header")
        claims = json.loads(signed.objects["payload"])
    except (JWException, ValueError, KeyError, TypeError) as error:
        raise CredentialRejected(NOT_SIGNED) from error
    if not isinstance(claims, dict):
        raise CredentialRejected("This is not a credential.")
    return signed, claims


def verified_claims(token: str, *, jwks: dict[str, Any]) -> dict[str, Any]:
    """The claims of a compact JWS once its signature matches a key of the set."""
    signed, claims = _unverified_claims(token.strip())
    kid = signed.jose_header.get("kid")
    try:
        key = jwk.JWKSet.from_json(json.dumps(jwks)).get_key(kid)
    except (JWException, ValueError, TypeError) as error:
        raise CredentialRejected(
            "The issuer's published keys cannot be read."
        ) from error
    if key is None:
        raise CredentialRejected("The issuer has not published the key that signed it.")
    try:
        signed.verify(key, alg=ALGORITHM)
    except JWException as error:
        raise CredentialRejected(
            "The signature does not match: the credential has been altered or was "
            "not signed by its issuer."
        ) from error
    return claims


def _instant(value: Any, name: str) -> datetime:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError as error:
        raise CredentialRejected(f"Its {name} date cannot be read.") from error


def _check_dates(claims: dict[str, Any], *, now: datetime, verdict: Verdict) -> None:
    valid_from = _instant(claims.get("validFrom"), "start")
    if valid_from > now:
        verdict.failed.append(f"It is not valid until {valid_from:%-d %B %Y}.")
    if "validUntil" in claims:
        valid_until = _instant(claims["validUntil"], "end")
        if valid_until < now:
            verdict.failed.append(
                f"It expired on {valid_until:%-d %B %Y}: revalidation was due."
            )
            return
        verdict.passed.append(f"It is valid until {valid_until:%-d %B %Y}.")
    else:
        verdict.passed.append("It does not lapse.")


def _check_status(
    claims: dict[str, Any],
    *,
    issuer_id: str,
    jwks: dict[str, Any],
    status_list_for: StatusListFor,
    verdict: Verdict,
) -> None:
    entry = claims.get("credentialStatus")
    if not isinstance(entry, dict) or entry.get("type") != "BitstringStatusListEntry":
        verdict.failed.append(
            "It has no status entry, so revocation cannot be checked."
        )
        return
    status_list = verified_claims(
        status_list_for(entry["statusListCredential"]), jwks=jwks
    )
    if status_list.get("iss") != issuer_id:
        raise CredentialRejected("Its status list was published by another issuer.")
    try:
        bitstring = decode_status_list(status_list["credentialSubject"]["encodedList"])
        value = status_at(
            bitstring,
            index=int(entry["statusListIndex"]),
            size=int(entry.get("statusSize", 1)),
        )
    except (StatusListError, KeyError, TypeError, ValueError) as error:
        raise CredentialRejected("Its status list cannot be read.") from error
    if value & REVOKED:
        verdict.failed.append("The issuer has revoked it.")
    elif value & SUSPENDED:
        verdict.failed.append("The issuer has suspended it.")
    else:
        verdict.passed.append("The issuer has not suspended or revoked it.")


def verify_credential(
    token: str, *, keys_for: KeysFor, status_list_for: StatusListFor, now: datetime
) -> Verdict:
    """Check a credential fully; a verdict is returned for every input, never raised.

    `keys_for(issuer_id)` returns a trusted issuer's JWKS and `status_list_for(url)`
    the signed status list; both raise `CredentialRejected` when they cannot.
    """
    verdict = Verdict()
    try:
        _, unverified = _unverified_claims(token.strip())
        issuer_id = str(unverified.get("iss", ""))
        jwks = keys_for(issuer_id)
        verdict.passed.append("Its issuer is on the list of trusted issuers.")
        claims = verified_claims(token, jwks=jwks)
        verdict.passed.append("Its signature matches the issuer's published key.")
        issuer = claims.get("issuer")
        if (issuer.get("id") if isinstance(issuer, dict) else issuer) != issuer_id:
            raise CredentialRejected("Its issuer does not match who signed it.")
        if "OpenBadgeCredential" not in claims.get("type", []):
            raise CredentialRejected("It is not an Open Badges credential.")
        verdict.credential = claims
        _check_dates(claims, now=now, verdict=verdict)
        _check_status(
            claims,
            issuer_id=issuer_id,
            jwks=jwks,
            status_list_for=status_list_for,
            verdict=verdict,
        )
    except CredentialRejected as error:
        verdict.failed.append(str(error))
    return verdict


def competency_code(credential: dict[str, Any]) -> str:
    """The framework code the credential's achievement is aligned to."""
    achievement = credential.get("credentialSubject", {}).get("achievement", {})
    for alignment in achievement.get("alignment", []):
        if alignment.get("targetCode"):
            return str(alignment["targetCode"])
    return ""


def subject_identities(credential: dict[str, Any]) -> list[dict[str, Any]]:
    """The hashed e-mail identities of the credential's subject."""
    return [
        identity
        for identity in credential.get("credentialSubject", {}).get("identifier", [])
        if isinstance(identity, dict)
        and identity.get("identityType") == "emailAddress"
        and identity.get("hashed") is True
    ]
