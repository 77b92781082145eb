"""Issuing verifiable credentials for competences, and publishing their status."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from academy.models import User
from passport.credentials import issuing
from passport.credentials.keys import signing_key
from passport.credentials.status_list import (
    LIST_LENGTH,
    encode_status_list,
    status_value,
)
from passport.models import Competence, CompetenceStatus, CredentialStatusEntry

INDEX_ATTEMPTS = 20


def this_issuer() -> issuing.Issuer:
    """This deployment as an Open Badges issuer."""
    return issuing.Issuer(
        base_url=settings.PASSPORT_ISSUER_URL.rstrip("/"), name=settings.SERVICE_NAME
    )


def subject_salt(*, purpose: str, key: int) -> str:
    """A salt that keeps one credential stable across downloads but cannot be
    guessed, so nobody can test e-mail addresses against its identity hash."""
    message = f"passport.credentials:{purpose}:{key}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[
        :32
    ]


@transaction.atomic
def allocate_status_index(competence: Competence) -> int:
    """The competence's position in the status list: chosen at random (so a
    position says nothing about when or where it was issued) the first time, then
    fixed for good."""
    existing = CredentialStatusEntry.objects.filter(competence=competence).first()
    if existing is not None:
        return existing.index
    for _ in range(INDEX_ATTEMPTS):
        try:
            with transaction.atomic():
                return CredentialStatusEntry.objects.create(
                    competence=competence, index=secrets.randbelow(LIST_LENGTH)
                ).index
        except IntegrityError:
            existing = CredentialStatusEntry.objects.filter(
                competence=competence
            ).first()
            if existing is not None:
                return existing.index
    raise RuntimeError("The credential status list is full; publish a second list.")


def competence_facts(competence: Competence) -> issuing.CompetenceFacts:
    competency = competence.competency
    requirements = tuple(
        key
        for key, required in (
            ("knowledge", competency.requires_knowledge),
            ("workplace", competency.requires_workplace_assessment),
            ("validation", competency.requires_process_validation),
        )
        if required
    )
    return issuing.CompetenceFacts(
        competence_id=competence.pk,
        holder_email=competence.holder.email,
        code=competency.code,
        title=competency.title,
        description=competency.description,
        requirements=requirements,
        achieved_on=competence.achieved_on,
        expires_on=competence.expires_on,
        framework=settings.PASSPORT_FRAMEWORK_NAME,
    )


def competence_credential(competence: Competence) -> dict:
    """The unsigned `OpenBadgeCredential` of a competence."""
    return issuing.open_badge_credential(
        issuer=this_issuer(),
        facts=competence_facts(competence),
        salt=subject_salt(purpose="competence", key=competence.pk),
        status_index=allocate_status_index(competence),
    )


def issue_competence_credential(competence: Competence) -> str:
    """The competence's Open Badges credential, signed as a VC-JWT."""
    return issuing.sign_credential(
        competence_credential(competence), key=signing_key(), now=timezone.now()
    )


def issue_passport_bundle(holder: User) -> str:
    """The holder's whole passport as a signed `ClrCredential` of the credentials of
    every competence they hold."""
    competences = Competence.objects.filter(holder=holder).select_related(
        "competency", "holder"
    )
    return issuing.sign_credential(
        issuing.clr_credential(
            issuer=this_issuer(),
            holder_email=holder.email,
            salt=subject_salt(purpose="passport", key=holder.pk),
            credential_jwts=[issue_competence_credential(c) for c in competences],
            issued_at=timezone.now(),
        ),
        key=signing_key(),
        now=timezone.now(),
    )


def publish_status_list() -> str:
    """The signed status list, its bits derived from competences' statuses now.

    A competence under review (a signed record it rests on changed after signing)
    is published with the suspension bit, the list's only temporary status, so no
    relying party's check reports it valid until an administrator resolves the
    finding; the competence itself is not suspended."""
    entries = CredentialStatusEntry.objects.filter(
        Q(competence__status__in=[CompetenceStatus.REVOKED, CompetenceStatus.SUSPENDED])
        | Q(competence__under_review=True)
    ).values_list("index", "competence__status", "competence__under_review")
    encoded = encode_status_list(
        {
            index: status_value(
                revoked=status == CompetenceStatus.REVOKED,
                suspended=status == CompetenceStatus.SUSPENDED or under_review,
            )
            for index, status, under_review in entries
        }
    )
    now = timezone.now()
    return issuing.sign_credential(
        issuing.status_list_credential(
            issuer=this_issuer(), encoded_list=encoded, published_at=now
        ),
        key=signing_key(),
        now=now,
    )
