"""The check of one signature: against its own hash, the record it signs and the
`academy.record_signed` audit event written when it was made."""

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from academy.audit_actions import stored_names
from academy.audit_chain import canonical_json
from academy.models import AuditEvent, ElectronicSignature
from academy.services import json_safe
from academy.signing import content_hash, signature_hash
from passport.models import SignatureProblem

# (holder id, competency id): the competence a record supports, if it is held.
Support = tuple[int, int]


@dataclass(frozen=True)
class SignedRecord:
    """What one signature signs, as stored now: its content (None when the record
    is missing or no longer refers to the signature) and who it supports."""

    description: str
    content: dict[str, Any] | None
    supports: tuple[Support, ...] = ()


def _signature_fields(signature: ElectronicSignature) -> dict[str, Any]:
    return {
        "signer_id": signature.signer_id,
        "printed_name": signature.printed_name,
        "role": signature.role,
        "organisation_name": signature.organisation_name,
        "signed_at": signature.signed_at,
        "meaning": signature.meaning,
        "record_type": signature.record_type,
        "record_id": signature.record_id,
    }


def signature_problem(
    signature: ElectronicSignature,
    *,
    content: dict[str, Any] | None,
    record_known: bool,
    audited_hash: str | None,
) -> str | None:
    """What is wrong with a signature, or None. `content` is the signed record's
    content now (None if `record_known` and the record is gone); `audited_hash` the
    content hash its `academy.record_signed` audit event recorded (None: no event).

    The record is checked first, then the signature row against its own hash, then
    the content, then the audit trail, which catches a row whose hashes were all
    recomputed."""
    if record_known and content is None:
        return SignatureProblem.RECORD_MISSING
    fields = _signature_fields(signature)
    if (
        signature_hash(content_hash=signature.content_hash, **fields)
        != signature.signature_hash
    ):
        return SignatureProblem.SIGNATURE_CHANGED
    if content is not None and (
        content_hash(json_safe(content)) != signature.content_hash
    ):
        return SignatureProblem.CONTENT_CHANGED
    if audited_hash != signature.content_hash:
        return SignatureProblem.NOT_AS_AUDITED
    return None


def observed_hash(signature: ElectronicSignature | None, content: Any) -> str:
    """SHA-256 of the signature row and the record's content as found: the state an
    administrator accepts when they resolve a finding."""
    state = {"content": json_safe({"content": content})}
    if signature is not None:
        state["signature"] = json_safe(
            {
                **_signature_fields(signature),
                "id": signature.pk,
                "content_hash": signature.content_hash,
                "signature_hash": signature.signature_hash,
            }
        )
    return hashlib.sha256(canonical_json(state).encode("utf-8")).hexdigest()


def audited_hashes(signatures: list[ElectronicSignature]) -> dict[int, str]:
    """The content hash the audit trail recorded for each signature when it was made
    (one query for the chunk, on the audit trail's object index)."""
    recorded: dict[int, str] = {}
    events = (
        AuditEvent.objects.filter(
            action__in=stored_names("academy.record_signed"),
            object_type__in={s.record_type for s in signatures},
            object_id__in={s.record_id for s in signatures},
        )
        .order_by("id")
        .values_list("details", flat=True)
    )
    for details in events:
        if isinstance(details, dict) and isinstance(details.get("signature_id"), int):
            recorded.setdefault(details["signature_id"], details.get("content_hash"))
    return recorded


def record_pk(signature: ElectronicSignature) -> int | None:
    """The signed record's primary key, if the signature names one that could be."""
    record_id = signature.record_id
    return int(record_id) if record_id.isdigit() and len(record_id) < 19 else None


def written_day(day: date) -> str:
    """A day as the Academy writes it: 3 December 2026."""
    return f"{day.day} {day:%B %Y}"
