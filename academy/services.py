"""Writes that belong to the academy app: the audit trail and electronic signatures."""

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from academy.audit_actions import is_registered
from academy.audit_chain import ChainReport, event_hash, verify_chain
from academy.models import AuditEvent, ElectronicSignature, User
from academy.signing import content_hash, signature_hash

# Serialises writers of the chain on PostgreSQL (SQLite already has one writer).
AUDIT_CHAIN_LOCK_KEY = 52_1997
CHAIN_APPEND_ATTEMPTS = 5


def _json_safe(details: dict[str, Any] | None) -> dict[str, Any]:
    return json.loads(json.dumps(details or {}, cls=DjangoJSONEncoder))


def record_audit_event(
    action: str,
    *,
    actor: User | None = None,
    actor_name: str = "",
    target: Any = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the audit chain, linked to the newest event by its hash.

    The action must be registered in `academy.audit_actions`, so regulators can query
    the trail by one vocabulary.
    """
    if not is_registered(action):
        raise ValueError(
            f"{action!r} is not a registered audit action (academy.audit_actions)."
        )
    if target is not None:
        object_type = target._meta.label_lower
        object_id = str(target.pk)
        object_repr = str(target)[:255]
    else:
        object_type = object_id = object_repr = ""
    if actor is not None and not actor_name:
        actor_name = actor.full_name or actor.email
    fields = {
        "actor_id": actor.pk if actor is not None else None,
        "actor_name": actor_name[:150],
        "action": action,
        "object_type": object_type,
        "object_id": object_id,
        "object_repr": object_repr,
        "details": _json_safe(details),
    }
    for attempt in range(CHAIN_APPEND_ATTEMPTS):
        try:
            with transaction.atomic():
                return _append(fields)
        except IntegrityError:
            # Another writer took the same previous hash; the unique constraint kept
            # the chain linear, so link to the new newest event and try again.
            if attempt == CHAIN_APPEND_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _append(fields: dict[str, Any]) -> AuditEvent:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [AUDIT_CHAIN_LOCK_KEY])
    newest = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
    previous_hash = newest or AuditEvent.GENESIS_HASH
    occurred_at = timezone.now()
    return AuditEvent.objects.create(
        occurred_at=occurred_at,
        previous_hash=previous_hash,
        hash=event_hash(previous_hash=previous_hash, occurred_at=occurred_at, **fields),
        **fields,
    )


def audit_chain_report() -> ChainReport:
    """Check every event's link and content hash, oldest first."""
    events = AuditEvent.objects.order_by("id").iterator(chunk_size=2000)
    return verify_chain(events, genesis_hash=AuditEvent.GENESIS_HASH)


class SignatureRejected(Exception):
    """The signer's password was wrong, so nothing was signed."""


def confirm_signer(signer: User, *, password: str, record: Any, meaning: str) -> None:
    """The signer re-enters their password before signing; a wrong one is audited.

    Call it before opening the transaction that signs, so that the audit event of a
    rejected attempt is kept when that transaction is never started.
    """
    if password and signer.is_active and signer.check_password(password):
        return
    record_audit_event(
        "academy.signature_rejected",
        actor=signer,
        target=record,
        details={"meaning": meaning, "reason": "password did not match"},
    )
    raise SignatureRejected("The password you entered is not correct.")


@transaction.atomic
def sign_record(
    record: Any,
    *,
    signer: User,
    meaning: str,
    role: str,
    content: dict[str, Any],
) -> ElectronicSignature:
    """Sign a record (after `confirm_signer`), binding the signature to its content.

    `content` is the canonical content the signer saw; its hash is stored, so any later
    change to the stored record makes `signature_matches` fail.
    """
    fields = {
        "printed_name": signer.full_name,
        "role": role,
        "organisation_name": signer.organisation.name if signer.organisation else "",
        "signed_at": timezone.now(),
        "meaning": meaning,
        "record_type": record._meta.label_lower,
        "record_id": str(record.pk),
    }
    digest = content_hash(_json_safe(content))
    signature = ElectronicSignature.objects.create(
        signer=signer,
        content_hash=digest,
        signature_hash=signature_hash(
            content_hash=digest, signer_id=signer.pk, **fields
        ),
        **fields,
    )
    record_audit_event(
        "academy.record_signed",
        actor=signer,
        target=record,
        details={
            "meaning": meaning,
            "signature_id": signature.pk,
            "content_hash": digest,
        },
    )
    return signature


def signature_matches(
    signature: ElectronicSignature, *, content: dict[str, Any]
) -> bool:
    """Whether the record's current content and the signature's own fields are unaltered."""
    digest = content_hash(_json_safe(content))
    expected = signature_hash(
        content_hash=digest,
        signer_id=signature.signer_id,
        printed_name=signature.printed_name,
        role=signature.role,
        organisation_name=signature.organisation_name,
        signed_at=signature.signed_at,
        meaning=signature.meaning,
        record_type=signature.record_type,
        record_id=signature.record_id,
    )
    return digest == signature.content_hash and expected == signature.signature_hash
