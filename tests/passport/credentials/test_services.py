"""Issued credentials checked by a second, independent JOSE library (PyJWT) with the
published JWKS, and against the official Open Badges 3.0 JSON Schema."""

import base64
import datetime
import gzip
import hashlib
import importlib
import json
import sys
from pathlib import Path
from urllib.parse import urlparse

import jsonschema
import jwt
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from jwcrypto import jwk

from passport.competences.services import (
    award_competence,
    revoke_competence,
    suspend_competence,
)
from passport.credentials import issuing
from passport.credentials.services import issue_competence_credential
from passport.findings.services import (
    Mismatch,
    record_signature_findings,
    resolve_signature_finding,
)
from passport.models import (
    CredentialStatusEntry,
    IssuerSigningKey,
    SignatureFinding,
    SignatureProblem,
)
from tests.conftest import PASSWORD
from tests.factories.academy import CompetencyFactory, UserFactory

pytestmark = pytest.mark.django_db

SCHEMA = (
    Path(__file__).parent
    / "schemas"
    / "openbadges-3.0"
    / "achievementcredential.schema.json"
)


@pytest.fixture
def competence():
    competency = CompetencyFactory(
        code="ASP-08",
        title="Operator broth transfer validation",
        requires_process_validation=True,
        revalidation_kind="every",
        revalidation_months=6,
    )
    holder = UserFactory(email="Priya.Shah@academy.example")
    today = datetime.date.today()
    return award_competence(
        holder=holder,
        competency=competency,
        achieved_on=today - datetime.timedelta(days=10),
        evidence={"notes": "Patient J.B., bed 4"},
        awarded_by=None,
    ).competence


@pytest.fixture
def published_jwks(client):
    return client.get(reverse("credential_jwks")).json()


def decode(token, jwks, **options):
    """Verify with PyJWT alone, by the key the header names."""
    kid = jwt.get_unverified_header(token)["kid"]
    key = next(k for k in jwks["keys"] if k["kid"] == kid)
    return jwt.decode(
        token, key=jwt.PyJWK(key), algorithms=["EdDSA"], options=options or None
    )


def status_of(client, jwks, claims) -> int:
    """Read the credential's two status bits from the published list, by hand."""
    entry = claims["credentialStatus"]
    listed = client.get(urlparse(entry["statusListCredential"]).path)
    status_list = decode(listed.content.decode(), jwks)
    encoded = status_list["credentialSubject"]["encodedList"][1:]
    bits = gzip.decompress(
        base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    )
    position = int(entry["statusListIndex"]) * entry["statusSize"]
    return (bits[position // 8] >> (6 - position % 8)) & 0b11


def test_credential_verifies_with_pyjwt_and_matches_the_open_badges_schema(
    competence, published_jwks, settings
):
    token = issue_competence_credential(competence)

    header = jwt.get_unverified_header(token)
    claims = decode(token, published_jwks)
    assert header["alg"] == "EdDSA"
    assert header["typ"] == "vc+jwt"
    jsonschema.validate(claims, json.loads(SCHEMA.read_text()))
    assert claims["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["iss"] == claims["issuer"]["id"]
    assert claims["issuer"]["id"].endswith("/.well-known/academy-issuer.json")
    assert claims["validUntil"] == f"{competence.expires_on}T23:59:59Z"
    assert claims["validFrom"] == f"{competence.achieved_on}T00:00:00Z"
    alignment = claims["credentialSubject"]["achievement"]["alignment"][0]
    assert alignment["targetCode"] == "ASP-08"
    assert alignment["targetFramework"] == settings.PASSPORT_FRAMEWORK_NAME


def test_subject_is_a_salted_hash_of_the_email_and_no_patient_data_leaks(competence):
    token = issue_competence_credential(competence)
    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))

    identity = claims["credentialSubject"]["identifier"][0]
    expected = hashlib.sha256(
        ("priya.shah@academy.example" + identity["salt"]).encode()
    ).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}"
    assert identity["hashed"] is True
    assert len(identity["salt"]) >= 16
    text = json.dumps(claims)
    assert "Patient" not in text
    assert "priya" not in text.lower()
    assert [e["name"] for e in claims["evidence"]] == [
        "Workplace assessment",
        "Process validation",
    ]


def test_status_index_is_allocated_once_and_bits_follow_suspend_and_revoke(
    competence, published_jwks, client, make_user
):
    trainer = make_user("Trainer")
    claims = decode(issue_competence_credential(competence), published_jwks)
    again = decode(issue_competence_credential(competence), published_jwks)
    assert claims["credentialStatus"] == again["credentialStatus"]
    assert CredentialStatusEntry.objects.filter(competence=competence).count() == 1
    assert status_of(client, published_jwks, claims) == 0b00

    suspend_competence(
        competence=competence,
        signed_by=trainer,
        role="Trainer",
        reason="Adverse trend",
        password=PASSWORD,
    )
    assert status_of(client, published_jwks, claims) == 0b01

    revoke_competence(
        competence=competence,
        signed_by=trainer,
        role="Trainer",
        reason="Left",
        password=PASSWORD,
    )
    assert status_of(client, published_jwks, claims) == 0b10


def test_a_competence_under_review_is_not_published_as_valid(
    client, competence, published_jwks, make_user
):
    """A signed record it rests on changed after signing: relying parties read the
    list's temporary (suspension) bit until an administrator resolves the finding,
    though the competence itself is not suspended."""
    admin = make_user(is_superuser=True, is_staff=True)
    claims = decode(issue_competence_credential(competence), published_jwks)
    record_signature_findings(
        mismatches=[
            Mismatch(
                subject="signature 1",
                problem=SignatureProblem.CONTENT_CHANGED,
                record_type="assessments.processvalidation",
                record_id="1",
                description="Broth transfer validation result 1",
                observed_hash="0" * 64,
                competence_ids=frozenset({competence.pk}),
            )
        ]
    )
    assert status_of(client, published_jwks, claims) == 0b01
    competence.refresh_from_db()
    assert competence.status == "current"

    resolve_signature_finding(
        finding=SignatureFinding.objects.get(),
        resolved_by=admin,
        reason="Restored from the verified backup.",
    )
    assert status_of(client, published_jwks, claims) == 0b00


def test_altered_payload_is_rejected(competence, published_jwks):
    header, payload, signature = issue_competence_credential(competence).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["credentialSubject"]["achievement"]["alignment"][0]["targetCode"] = "QA-03"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=")

    with pytest.raises(jwt.InvalidSignatureError):
        decode(f"{header}.{forged.decode()}.{signature}", published_jwks)


def test_credential_signed_with_another_key_is_rejected(competence, published_jwks):
    kid = published_jwks["keys"][0]["kid"]
    stranger = jwk.JWK.generate(kty="OKP", crv="Ed25519", kid=kid)
    credential = issuing.open_badge_credential(
        issuer=issuing.Issuer(base_url="http://127.0.0.1:8000", name="Forger"),
        facts=issuing.CompetenceFacts(
            competence_id=competence.pk,
            holder_email=competence.holder.email,
            code="ASP-08",
            title="Broth",
            description="",
            requirements=("validation",),
            achieved_on=competence.achieved_on,
            expires_on=competence.expires_on,
            framework="F",
        ),
        salt="0" * 32,
        status_index=1,
    )
    token = issuing.sign_credential(
        credential, key=stranger, now=datetime.datetime.now(tz=datetime.UTC)
    )

    with pytest.raises(jwt.InvalidSignatureError):
        decode(token, published_jwks)


def test_credential_past_its_valid_until_is_rejected(competence, published_jwks):
    competence.achieved_on = datetime.date(2024, 1, 1)
    competence.expires_on = datetime.date(2024, 6, 30)

    with pytest.raises(jwt.ExpiredSignatureError):
        decode(issue_competence_credential(competence), published_jwks)


def test_development_key_is_generated_once_with_a_kid(competence, published_jwks):
    issue_competence_credential(competence)

    assert IssuerSigningKey.objects.count() == 1
    assert published_jwks["keys"][0]["kid"] == IssuerSigningKey.objects.get().kid
    assert "d" not in published_jwks["keys"][0]


def test_configured_key_signs_and_is_published(competence, client, settings):
    key = jwk.JWK.generate(kty="OKP", crv="Ed25519", kid="academy-2026")
    settings.PASSPORT_SIGNING_KEY = key.export_private()

    jwks = client.get(reverse("credential_jwks")).json()
    token = issue_competence_credential(competence)

    assert jwks["keys"][0]["kid"] == "academy-2026"
    assert decode(token, jwks)["jti"].startswith("urn:uuid:")
    assert not IssuerSigningKey.objects.exists()


def test_production_settings_refuse_to_start_without_a_signing_key(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.delenv("PASSPORT_SIGNING_KEY", raising=False)
    monkeypatch.delitem(sys.modules, "academy.settings.production", raising=False)
    with pytest.raises(ImproperlyConfigured, match="PASSPORT_SIGNING_KEY"):
        importlib.import_module("academy.settings.production")
