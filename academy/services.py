"""Writes that belong to the academy app: the audit trail (electronic signatures are
in `academy.signatures`)."""

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from academy.audit_actions import is_registered
from academy.audit_chain import ChainReport, event_hash, verify_chain
from academy.models import AuditEvent, User

# Serialises writers of the chain on PostgreSQL (SQLite already has one writer).
AUDIT_CHAIN_LOCK_KEY = 52_1997
CHAIN_APPEND_ATTEMPTS = 5


def json_safe(details: dict[str, Any] | None) -> dict[str, Any]:
    """Details as plain JSON values (dates and decimals as strings), as stored."""
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
        "details": json_safe(details),
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
