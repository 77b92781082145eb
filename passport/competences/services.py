"""Awarding, renewing, suspending and revoking competences: each a recorded event.

A person's suspension or revocation is signed with their re-entered password. Awards
and the suspensions the Academy makes itself follow a record someone has just signed
(a sign-off, a validation result, a correction) and carry that record's signature.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format

from academy.models import Competency, ElectronicSignature, SignatureMeaning, User
from academy.services import record_audit_event
from academy.signatures import Reauthentication, reauthenticate, sign_record
from notifications.kinds import Kind
from notifications.services import notify
from passport.certificates.services import issue_certificate
from passport.feed.services import record_feed_event
from passport.models import (
    Competence,
    CompetenceEvent,
    CompetenceEventKind,
    CompetenceStatus,
)
from passport.plans.services import complete_plan_items, reopen_plan_items
from trainers.permissions import trainers_of

ENDED_STATUSES = (CompetenceStatus.REVOKED,)


def signed_event_content(
    competence: Competence, *, kind: str, reason: str
) -> dict[str, Any]:
    """The canonical content a person signs when they suspend or revoke a competence."""
    return {
        "competence_id": competence.pk,
        "holder_id": competence.holder_id,
        "competency": competence.competency.code,
        "action": kind,
        "reason": reason,
    }


@transaction.atomic
def award_competence(
    *,
    holder: User,
    competency: Competency,
    achieved_on: date,
    evidence: dict[str, Any],
    awarded_by: User | None,
    signature: ElectronicSignature | None = None,
) -> CompetenceEvent:
    """Award a competence, or renew the one held, with its expiry from the
    competency's revalidation rule; the matching plan items are completed.

    `signature` is the signed record that met the last requirement (a workplace
    sign-off or a validation result). A revoked competence is awarded afresh. Each
    award gets its certificate, rendered after commit.
    """
    now = timezone.now()
    expires_on = competency.revalidation_rule.expiry_after(achieved_on)
    competence = (
        Competence.objects.select_for_update()
        .filter(holder=holder, competency=competency)
        .first()
    )
    if competence is None:
        kind = CompetenceEventKind.AWARDED
        competence = Competence(
            holder=holder, competency=competency, first_achieved_on=achieved_on
        )
    elif competence.status in ENDED_STATUSES:
        kind = CompetenceEventKind.AWARDED
        competence.first_achieved_on = achieved_on
    else:
        kind = CompetenceEventKind.RENEWED
    competence.status = CompetenceStatus.CURRENT
    competence.achieved_on = achieved_on
    competence.expires_on = expires_on
    competence.evidence = evidence
    competence.updated_at = now
    competence.save()
    event = CompetenceEvent.objects.create(
        competence=competence,
        kind=kind,
        occurred_at=now,
        actor=awarded_by,
        status_after=competence.status,
        achieved_on=achieved_on,
        expires_on=expires_on,
        evidence=evidence,
        signature=signature,
    )
    certificate = issue_certificate(event=event)
    record_feed_event(event)
    complete_plan_items(trainee=holder, competency=competency)
    record_audit_event(
        "passport.competence_awarded"
        if kind == CompetenceEventKind.AWARDED
        else "passport.competence_renewed",
        actor=awarded_by,
        actor_name="" if awarded_by else "Academy",
        target=competence,
        details={
            "event_id": event.pk,
            "competency": competency.code,
            "holder_id": holder.pk,
            "achieved_on": achieved_on,
            "expires_on": expires_on,
            "evidence": evidence,
            "certificate": certificate.number,
        },
    )
    renewed = kind == CompetenceEventKind.RENEWED
    notify(
        recipient=holder,
        kind=Kind.COMPETENCE_AWARDED,
        title=f"{'Renewed' if renewed else 'Awarded'}: {competency.code} "
        f"{competency.title}. Your certificate is ready",
        body=f"Certificate {certificate.number} is in your skills passport"
        + (
            f"; the competence is valid until {date_format(expires_on, 'j F Y')}."
            if expires_on
            else "."
        ),
        link=reverse("passport:passport"),
        event_key=f"competence_awarded:{event.pk}",
    )
    return event


def _locked_for_change(
    competence: Competence, *, status: str, reason: str
) -> tuple[Competence, str]:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Give the reason for this decision."})
    competence = Competence.objects.select_for_update().get(pk=competence.pk)
    if competence.status == CompetenceStatus.REVOKED:
        raise ValidationError("This competence has been revoked; it cannot change.")
    if competence.status == status:
        raise ValidationError(f"This competence is already {competence.status}.")
    return competence, reason


def _record_change(
    competence: Competence,
    *,
    kind: str,
    status: str,
    actor: User,
    reason: str,
    signature: ElectronicSignature,
    audit_action: str,
    audit_details: dict[str, Any],
) -> CompetenceEvent:
    now = timezone.now()
    competence.status = status
    competence.updated_at = now
    competence.save(update_fields=["status", "updated_at"])
    reopen_plan_items(trainee=competence.holder, competency=competence.competency)
    event = CompetenceEvent.objects.create(
        competence=competence,
        kind=kind,
        occurred_at=now,
        actor=actor,
        reason=reason,
        status_after=status,
        achieved_on=competence.achieved_on,
        expires_on=competence.expires_on,
        evidence=competence.evidence,
        signature=signature,
    )
    record_feed_event(event)
    record_audit_event(
        audit_action,
        actor=actor,
        target=competence,
        details={
            "event_id": event.pk,
            "reason": reason,
            "signature_id": signature.pk,
            **audit_details,
        },
    )
    notify_holder_and_trainers(
        competence,
        kind={
            CompetenceStatus.SUSPENDED: Kind.COMPETENCE_SUSPENDED,
            CompetenceStatus.REVOKED: Kind.COMPETENCE_REVOKED,
        }[status],
        what="suspended" if status == CompetenceStatus.SUSPENDED else "revoked",
        body=f"Reason: {reason}",
        event_key=f"competence_{status}:{event.pk}",
    )
    return event


def notify_holder_and_trainers(
    competence: Competence,
    *,
    kind: str,
    what: str,
    body: str,
    event_key: str,
    today: date | None = None,
) -> None:
    """Tell the holder, on their passport, and their current trainers, on the
    trainee's record, that the competence changed."""
    holder, competency = competence.holder, competence.competency
    notify(
        recipient=holder,
        kind=kind,
        title=f"Your competence {competency.code} {competency.title} is {what}",
        body=body,
        link=reverse("passport:passport"),
        event_key=event_key,
    )
    for trainer in trainers_of(holder, today=today):
        notify(
            recipient=trainer,
            kind=kind,
            title=f"{holder.full_name}'s competence {competency.code} "
            f"{competency.title} is {what}",
            body=body,
            link=reverse("trainers:trainee_record", args=[holder.pk]),
            event_key=event_key,
        )


@transaction.atomic
def _signed_change(
    competence: Competence,
    *,
    kind: str,
    status: str,
    meaning: str,
    audit_action: str,
    signed_by: User,
    role: str,
    reason: str,
    reauthentication: Reauthentication,
) -> CompetenceEvent:
    competence, reason = _locked_for_change(competence, status=status, reason=reason)
    signature = sign_record(
        competence,
        signer=signed_by,
        meaning=meaning,
        role=role,
        content=signed_event_content(competence, kind=kind, reason=reason),
        reauthentication=reauthentication,
    )
    return _record_change(
        competence,
        kind=kind,
        status=status,
        actor=signed_by,
        reason=reason,
        signature=signature,
        audit_action=audit_action,
        audit_details={},
    )


def suspend_competence(
    *, competence: Competence, signed_by: User, role: str, reason: str, password: str
) -> CompetenceEvent:
    """A person (a moderator, a training lead) suspends a competence as an event they
    sign with their re-entered password; a later award renews it.

    A wrong password is audited and changes nothing. The suspensions the Academy
    makes itself, because a signed record requires them, are
    `suspend_competence_automatically`.
    """
    reauthentication = reauthenticate(
        signed_by,
        password=password,
        record=competence,
        meaning=SignatureMeaning.COMPETENCE_SUSPENDED,
    )
    return _signed_change(
        competence,
        kind=CompetenceEventKind.SUSPENDED,
        status=CompetenceStatus.SUSPENDED,
        meaning=SignatureMeaning.COMPETENCE_SUSPENDED,
        audit_action="passport.competence_suspended",
        signed_by=signed_by,
        role=role,
        reason=reason,
        reauthentication=reauthentication,
    )


def revoke_competence(
    *, competence: Competence, signed_by: User, role: str, reason: str, password: str
) -> CompetenceEvent:
    """A person revokes a competence for good, as an event they sign with their
    re-entered password (a wrong one is audited and changes nothing); only a new
    award replaces it."""
    reauthentication = reauthenticate(
        signed_by,
        password=password,
        record=competence,
        meaning=SignatureMeaning.COMPETENCE_REVOKED,
    )
    return _signed_change(
        competence,
        kind=CompetenceEventKind.REVOKED,
        status=CompetenceStatus.REVOKED,
        meaning=SignatureMeaning.COMPETENCE_REVOKED,
        audit_action="passport.competence_revoked",
        signed_by=signed_by,
        role=role,
        reason=reason,
        reauthentication=reauthentication,
    )


@transaction.atomic
def suspend_competence_automatically(
    *,
    competence: Competence,
    decided_by: User,
    signature: ElectronicSignature,
    reason: str,
) -> CompetenceEvent:
    """The Academy suspends a competence because a record just signed requires it: a
    failed process validation, an adverse finger-dab trend, a workplace record
    corrected to not yet competent.

    System-initiated, so nobody signs the suspension itself and no password is asked:
    like an award, the event names the person whose signed record decided it and
    carries that record's signature (made with their re-entered password), and the
    audit event is marked automatic. Only the decision services call this; a person's
    own decision to suspend is `suspend_competence`.
    """
    if signature.signer_id != decided_by.pk:
        raise ValueError("The deciding signature must be the decider's own.")
    competence, reason = _locked_for_change(
        competence, status=CompetenceStatus.SUSPENDED, reason=reason
    )
    return _record_change(
        competence,
        kind=CompetenceEventKind.SUSPENDED,
        status=CompetenceStatus.SUSPENDED,
        actor=decided_by,
        reason=reason,
        signature=signature,
        audit_action="passport.competence_suspended",
        audit_details={"automatic": True},
    )
