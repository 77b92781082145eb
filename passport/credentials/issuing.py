"""Building and signing Open Badges 3.0 credentials (W3C VC data model 2.0) as
VC-JWTs. Pure: callers pass plain facts and the key; nothing here reads the database.
"""

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from jwcrypto import jwk, jws

from passport.competences.status import valid_until
from passport.credentials.status_list import STATUS_MESSAGES, STATUS_SIZE

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
OB_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
    "ob_v3p0_achievementcredential_schema.json"
)
ALGORITHM = "EdDSA"  # Ed25519
REQUIREMENT_EVIDENCE = {
    "knowledge": (
        "Knowledge assessment",
        "Passed the knowledge assessment of the competency's e-learning module.",
    ),
    "workplace": (
        "Workplace assessment",
        "Observed in practice and signed off by an accredited workplace assessor.",
    ),
    "validation": (
        "Process validation",
        "Passed the process validation the competency requires.",
    ),
}


@dataclass(frozen=True)
class Issuer:
    """An Academy deployment as an Open Badges issuer, named by its base URL."""

    base_url: str
    name: str

    @property
    def id(self) -> str:
        return f"{self.base_url}/.well-known/academy-issuer.json"

    @property
    def jwks_url(self) -> str:
        return f"{self.base_url}/.well-known/jwks.json"

    @property
    def status_list_url(self) -> str:
        return f"{self.base_url}/.well-known/credential-status.jwt"


def issuer_id_for(base_url: str) -> str:
    return Issuer(base_url=base_url.rstrip("/"), name="").id


@dataclass(frozen=True)
class CompetenceFacts:
    """What a credential says about one competence; no patient data ever."""

    competence_id: int
    holder_email: str
    code: str
    title: str
    description: str
    requirements: tuple[str, ...]  # keys of REQUIREMENT_EVIDENCE
    achieved_on: date
    expires_on: date | None
    framework: str


def issuer_profile(issuer: Issuer) -> dict[str, Any]:
    """The issuer's Open Badges `Profile`, published under /.well-known/."""
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": issuer.id,
        "type": ["Profile"],
        "name": issuer.name,
        "url": issuer.base_url,
        "description": "Training and certification for NHS pharmacy technical "
        "services.",
        "publicKey": issuer.jwks_url,
    }


def identity_hash(email: str, *, salt: str) -> str:
    """Open Badges IdentityHash of an e-mail address: sha256 of address + salt."""
    digest = hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()
    return f"sha256${digest}"


def _instant(day: date, at: time) -> str:
    return _iso(datetime.combine(day, at, tzinfo=UTC))


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def credential_id(issuer: Issuer, facts: CompetenceFacts) -> str:
    """Stable for one award: a renewal is a new credential."""
    name = f"{issuer.base_url}/competences/{facts.competence_id}/{facts.achieved_on}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def open_badge_credential(
    *, issuer: Issuer, facts: CompetenceFacts, salt: str, status_index: int
) -> dict[str, Any]:
    """The `OpenBadgeCredential` of a competence: valid from its latest award until
    the end of its last current day, aligned to the framework's competency code."""
    achievement_url = f"{issuer.base_url}/framework/competencies/{facts.code}"
    credential = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": credential_id(issuer, facts),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {
            "id": issuer.id,
            "type": ["Profile"],
            "name": issuer.name,
            "url": issuer.base_url,
        },
        "name": f"{facts.code} {facts.title}",
        "validFrom": _instant(facts.achieved_on, time.min),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "emailAddress",
                    "hashed": True,
                    "identityHash": identity_hash(facts.holder_email, salt=salt),
                    "salt": salt,
                }
            ],
            "achievement": {
                "id": achievement_url,
                "type": ["Achievement"],
                "achievementType": "Competency",
                "name": facts.title,
                "description": facts.description or facts.title,
                "criteria": {
                    "narrative": "Met every requirement of the competency: "
                    + "; ".join(
                        REQUIREMENT_EVIDENCE[key][0].lower()
                        for key in facts.requirements
                    )
                    + "."
                },
                "alignment": [
                    {
                        "type": ["Alignment"],
                        "targetName": facts.title,
                        "targetUrl": achievement_url,
                        "targetCode": facts.code,
                        "targetFramework": facts.framework,
                        "targetType": "ext:CompetencyFrameworkItem",
                    }
                ],
            },
        },
        "evidence": [
            {
                "type": ["Evidence"],
                "name": REQUIREMENT_EVIDENCE[key][0],
                "description": REQUIREMENT_EVIDENCE[key][1],
            }
            for key in facts.requirements
        ],
        "credentialStatus": {
            "id": f"{issuer.status_list_url}#{status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "message",
            "statusListIndex": str(status_index),
            "statusListCredential": issuer.status_list_url,
            "statusSize": STATUS_SIZE,
            "statusMessage": STATUS_MESSAGES,
        },
        "credentialSchema": [
            {"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}
        ],
    }
    if facts.expires_on is not None:
        credential["validUntil"] = _iso(valid_until(facts.expires_on))
    return credential


def status_list_credential(
    *, issuer: Issuer, encoded_list: str, published_at: datetime
) -> dict[str, Any]:
    """The `BitstringStatusListCredential` every issued credential points to."""
    return {
        "@context": [VC_CONTEXT],
        "id": issuer.status_list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer.id,
        "validFrom": published_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "credentialSubject": {
            "id": f"{issuer.status_list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "message",
            "encodedList": encoded_list,
        },
    }


def clr_credential(
    *,
    issuer: Issuer,
    holder_email: str,
    salt: str,
    credential_jwts: list[str],
    issued_at: datetime,
) -> dict[str, Any]:
    """A whole passport as a CLR 2.0 style `ClrCredential`: each competence's signed
    credential enveloped as it was issued, so each stays verifiable on its own."""
    return {
        "@context": [VC_CONTEXT, CLR_CONTEXT, OB_CONTEXT],
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "ClrCredential"],
        "issuer": {"id": issuer.id, "type": ["Profile"], "name": issuer.name},
        "name": "Skills passport",
        "validFrom": issued_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "credentialSubject": {
            "type": ["ClrSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "emailAddress",
                    "hashed": True,
                    "identityHash": identity_hash(holder_email, salt=salt),
                    "salt": salt,
                }
            ],
            "verifiableCredential": [
                {
                    "@context": [VC_CONTEXT],
                    "id": f"data:application/vc+jwt,{token}",
                    "type": "EnvelopedVerifiableCredential",
                }
                for token in credential_jwts
            ],
        },
    }


def _timestamp(instant: str) -> int:
    return int(datetime.fromisoformat(instant.replace("Z", "+00:00")).timestamp())


def sign_credential(credential: dict[str, Any], *, key: jwk.JWK, now: datetime) -> str:
    """Sign a credential as a compact VC-JWT: the credential is the payload, with
    the registered claims (iss, jti, iat, nbf, exp) that JWT libraries check."""
    issuer = credential["issuer"]
    claims = {
        **credential,
        "iss": issuer["id"] if isinstance(issuer, dict) else issuer,
        "jti": credential["id"],
        "iat": int(now.timestamp()),
        "nbf": _timestamp(credential["validFrom"]),
    }
    if "validUntil" in credential:
        claims["exp"] = _timestamp(credential["validUntil"])
    token = jws.JWS(json.dumps(claims, separators=(",", ":")).encode())
    token.add_signature(
        key,
        alg=ALGORITHM,
        protected={"alg": ALGORITHM, "kid": key["kid"], "typ": "vc+jwt", "cty": "vc"},
    )
    return token.serialize(compact=True)
