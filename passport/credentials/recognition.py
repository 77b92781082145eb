"""Recognition of prior competence: a training lead checks a credential another
Academy deployment issued and records it for one of their staff."""

import hmac
import http.client
import json
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from academy.models import Competency, User
from academy.services import record_audit_event
from passport.credentials.fetching import FetchRefused, fetch_public
from passport.credentials.issuing import identity_hash, issuer_id_for
from passport.credentials.keys import public_jwks
from passport.credentials.services import publish_status_list, this_issuer
from passport.credentials.verifying import (
    CredentialRejected,
    Verdict,
    competency_code,
    subject_identities,
    verify_credential,
)
from passport.models import RecognisedCompetence
from passport.plans.services import complete_plan_items
from trainers.permissions import can_recognise_competence, organisations_led_by

MAX_DOCUMENT_BYTES = 1_000_000


def trusted_issuer_bases() -> dict[str, str]:
    """Trusted issuers by identifier: this deployment and the configured ones."""
    bases = [this_issuer().base_url, *settings.PASSPORT_TRUSTED_ISSUERS]
    return {issuer_id_for(base): base.rstrip("/") for base in bases}


def _fetch(url: str) -> bytes:
    try:
        return fetch_public(
            url,
            timeout=settings.PASSPORT_ISSUER_FETCH_TIMEOUT,
            max_bytes=MAX_DOCUMENT_BYTES,
        )
    except FetchRefused as error:
        raise CredentialRejected(str(error)) from error
    except (http.client.HTTPException, TimeoutError, OSError) as error:
        raise CredentialRejected(
            "The issuer's published keys could not be fetched; try again later."
        ) from error


def issuer_keys(issuer_id: str) -> dict[str, Any]:
    """A trusted issuer's JWKS: ours locally, others' from their /.well-known/."""
    base = trusted_issuer_bases().get(issuer_id)
    if base is None:
        raise CredentialRejected(
            f"Its issuer ({issuer_id or 'not named'}) is not on the list of trusted "
            "issuers."
        )
    if base == this_issuer().base_url:
        return public_jwks()

    try:
        return json.loads(_fetch(f"{base}/.well-known/jwks.json"))
    except ValueError as error:
        raise CredentialRejected(
            "The issuer's published keys cannot be read."
        ) from error


def issuer_status_list(url: str) -> str:
    """A trusted issuer's signed status list: ours built now, others' fetched."""
    ours = this_issuer()
    if url == ours.status_list_url:
        return publish_status_list()
    if not any(url.startswith(f"{base}/") for base in trusted_issuer_bases().values()):
        raise CredentialRejected("Its status list is not on a trusted issuer's site.")
    return _fetch(url).decode(errors="replace")


def check_credential(token: str, *, now: datetime | None = None) -> Verdict:
    """The verdict on a pasted or uploaded credential."""
    return verify_credential(
        token,
        keys_for=issuer_keys,
        status_list_for=issuer_status_list,
        now=now or timezone.now(),
    )


def subject_is(credential: dict[str, Any], person: User) -> bool:
    """Whether the credential's hashed e-mail identity is this person's."""
    return any(
        hmac.compare_digest(
            identity_hash(person.email, salt=str(identity.get("salt", ""))),
            str(identity.get("identityHash", "")).lower(),
        )
        for identity in subject_identities(credential)
    )


def staff_matching_subject(credential: dict[str, Any], *, lead: User) -> list[User]:
    """The lead's staff whose e-mail address the credential was issued to."""
    staff = User.objects.filter(
        organisation__in=organisations_led_by(lead), is_active=True
    ).exclude(pk=lead.pk)
    return [person for person in staff if subject_is(credential, person)]


def _date(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def recognise_competence(
    *, token: str, person: User, recognised_by: User
) -> RecognisedCompetence:
    """Record a competence another Academy deployment awarded, after checking the
    credential again; the matching plan item is satisfied, but it is never shown as
    assessed here. Raises ValidationError, storing nothing, when it cannot be.

    The check may fetch the issuer's keys over HTTPS, so it runs before the
    transaction that writes."""
    if not can_recognise_competence(recognised_by, person):
        raise ValidationError("Only their training lead can recognise this.")
    verdict = check_credential(token)
    if not verdict.valid:
        raise ValidationError(verdict.failed or ["The credential is not valid."])
    credential = verdict.credential
    if not subject_is(credential, person):
        raise ValidationError(
            f"This credential was not issued to {person.full_name}'s e-mail address."
        )
    competency = Competency.objects.filter(
        code=competency_code(credential), live=True
    ).first()
    if competency is None:
        raise ValidationError("Its competency is not in this framework.")
    return _record_recognition(
        verdict=verdict,
        token=token,
        person=person,
        recognised_by=recognised_by,
        competency=competency,
    )


@transaction.atomic
def _record_recognition(
    *,
    verdict: Verdict,
    token: str,
    person: User,
    recognised_by: User,
    competency: Competency,
) -> RecognisedCompetence:
    credential = verdict.credential
    valid_until = credential.get("validUntil")
    try:
        with transaction.atomic():
            recognition = RecognisedCompetence.objects.create(
                person=person,
                competency=competency,
                recognised_by=recognised_by,
                recognised_at=timezone.now(),
                issuer=verdict.issuer_id,
                issuer_name=verdict.issuer_name or verdict.issuer_id,
                credential_id=credential["id"],
                credential_jwt=token.strip(),
                valid_from=_date(credential["validFrom"]).date(),
                valid_until=_date(valid_until).date() if valid_until else None,
            )
    except IntegrityError as error:
        # The unique constraint, not a prior read, decides between two leads
        # recognising the same credential at once.
        raise ValidationError("This credential has already been recognised.") from error
    complete_plan_items(trainee=person, competency=competency)
    record_audit_event(
        "passport.competence_recognised",
        actor=recognised_by,
        target=recognition,
        details={
            "person_id": person.pk,
            "competency": competency.code,
            "issuer": recognition.issuer,
            "credential_id": recognition.credential_id,
            "valid_until": recognition.valid_until,
        },
    )
    return recognition
