"""Writes that belong to the academy app: the audit trail and its checkpoints
(electronic signatures are in `academy.signatures`, audit-trail reviews in
`academy.audit_reviews`)."""

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from academy import audit_checkpoints
from academy.audit_actions import is_registered
from academy.audit_chain import (
    AuditKey,
    ChainReport,
    ChainState,
    Finding,
    audit_key,
    audit_keys,
    checkpoint_payload,
    checkpoint_signature_findings,
    compare_with_checkpoint,
    event_hash,
    sign_checkpoint,
    verify_chain,
)
from academy.models import AuditEvent, User

logger = logging.getLogger(__name__)

# Serialises writers of the chain on PostgreSQL (SQLite already has one writer).
AUDIT_CHAIN_LOCK_KEY = 52_1997
CHAIN_APPEND_ATTEMPTS = 5
# A day of hourly checkpoints. The newest alone covers every event before it; the
# others still stand if the newest file is lost.
CHECKPOINTS_CHECKED = 24
CHAIN_FIELDS = (
    "id",
    "previous_hash",
    "occurred_at",
    "actor_id",
    "actor_name",
    "action",
    "object_type",
    "object_id",
    "object_repr",
    "details",
    "hash",
    "key_id",
)


def json_safe(details: dict[str, Any] | None) -> dict[str, Any]:
    """Details as plain JSON values (dates and decimals as strings), as stored."""
    return json.loads(json.dumps(details or {}, cls=DjangoJSONEncoder))


def current_audit_key() -> AuditKey:
    """The key new events are hashed and checkpoints signed with."""
    if not settings.AUDIT_HMAC_KEY:
        raise ImproperlyConfigured(
            "AUDIT_HMAC_KEY (environment variable ACADEMY_AUDIT_KEY) is not set: "
            "the audit trail cannot be written or checked without its key."
        )
    return audit_key(settings.AUDIT_HMAC_KEY)


def verification_keys() -> dict[str, AuditKey]:
    """The current key and the retired ones, by key id."""
    current_audit_key()
    return audit_keys(settings.AUDIT_HMAC_KEY, settings.AUDIT_HMAC_RETIRED_KEYS)


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
    key = current_audit_key()
    for attempt in range(CHAIN_APPEND_ATTEMPTS):
        try:
            with transaction.atomic():
                return _append(fields, key=key)
        except IntegrityError:
            # Another writer took the same previous hash; the unique constraint kept
            # the chain linear, so link to the new newest event and try again.
            if attempt == CHAIN_APPEND_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _append(fields: dict[str, Any], *, key: AuditKey) -> AuditEvent:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [AUDIT_CHAIN_LOCK_KEY])
    newest = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
    previous_hash = newest or AuditEvent.GENESIS_HASH
    occurred_at = timezone.now()
    return AuditEvent.objects.create(
        occurred_at=occurred_at,
        previous_hash=previous_hash,
        hash=event_hash(
            key=key, previous_hash=previous_hash, occurred_at=occurred_at, **fields
        ),
        key_id=key.key_id,
        **fields,
    )


def audit_chain_report() -> ChainReport:
    """Check every event's link and hash (HMAC, or plain SHA-256 before keys), oldest
    first."""
    # Plain rows, not model instances: the walk reads every event of the trail.
    events = (
        AuditEvent.objects.order_by("id")
        .values_list(*CHAIN_FIELDS, named=True)
        .iterator(chunk_size=2000)
    )
    return verify_chain(
        events, genesis_hash=AuditEvent.GENESIS_HASH, keys=verification_keys()
    )


# Checkpoints: the chain anchored outside the database


FINDING_HEADINGS = {
    "signature": "BAD CHECKPOINT SIGNATURE",
    "truncation": "TRUNCATED",
    "recomputation": "RECOMPUTED",
}


@dataclass(frozen=True)
class CheckpointCheck:
    name: str
    content: dict[str, Any] | None
    findings: tuple[Finding, ...]

    @property
    def written_at(self) -> str:
        return str((self.content or {}).get("written_at", ""))[:19].replace("T", " ")

    def problems(self) -> list[str]:
        where = f"checkpoint {self.name}"
        if self.written_at:
            where += f" (written {self.written_at} UTC)"
        return [
            f"{FINDING_HEADINGS[finding.kind]}: {where}: {finding.words}."
            for finding in self.findings
        ]


@dataclass(frozen=True)
class AuditTrailReport:
    """The chain checked event by event, and against its latest checkpoints."""

    chain: ChainReport
    checkpoints: tuple[CheckpointCheck, ...]
    checkpoints_kept_in: str

    @property
    def ok(self) -> bool:
        return self.chain.ok and not any(check.findings for check in self.checkpoints)

    def problems(self) -> list[str]:
        """Each problem in plain words, the chain's first."""
        problems = []
        if not self.chain.ok:
            problems.append(
                f"BROKEN at event {self.chain.broken_event_id}: {self.chain.reason} "
                f"({self.chain.checked} events before it verified)."
            )
        for check in self.checkpoints:
            problems.extend(check.problems())
        return problems

    def summary(self) -> list[str]:
        """What was verified, in plain words, when nothing is wrong."""
        chain = self.chain
        hashes = "every hash verified"
        if chain.key_ids:
            hashes += f" (HMAC-SHA256, key {', '.join(chain.key_ids)}"
            hashes += (
                f"; the first {chain.plain} plain SHA-256, from before keyed hashes)"
                if chain.plain
                else ")"
            )
        elif chain.plain:
            hashes += " (plain SHA-256 only, from before keyed hashes)"
        lines = [f"OK {chain.checked} events: {hashes}."]
        if not self.checkpoints:
            lines.append(
                f"No checkpoint yet in {self.checkpoints_kept_in}: the removal of "
                "the newest events cannot be detected until one is written (hourly, "
                "or manage.py write_audit_checkpoint)."
            )
        else:
            latest = self.checkpoints[0]
            lines.append(
                f"Checkpoints checked: {len(self.checkpoints)}, each signed with the "
                "audit key and matched by the trail. The newest, written "
                f"{latest.written_at} UTC, records event {latest.content['event_id']} "
                f"as the newest of {latest.content['event_count']} events."
            )
        return lines


def _chain_state(checkpointed_id: int) -> ChainState:
    newest = AuditEvent.objects.order_by("-id").values("id", "occurred_at").first()
    return ChainState(
        total=AuditEvent.objects.count(),
        newest_id=newest["id"] if newest else None,
        newest_occurred_at=newest["occurred_at"] if newest else None,
        checkpointed_hash=AuditEvent.objects.filter(pk=checkpointed_id)
        .values_list("hash", flat=True)
        .first(),
        count_up_to_checkpoint=AuditEvent.objects.filter(
            pk__lte=checkpointed_id
        ).count(),
    )


def _check_checkpoint(
    stored: audit_checkpoints.StoredCheckpoint, *, keys: dict[str, AuditKey]
) -> CheckpointCheck:
    if stored.content is None:
        findings = [Finding("signature", "it cannot be read as a checkpoint")]
    else:
        findings = checkpoint_signature_findings(stored.content, keys=keys)
        if not findings:
            state = _chain_state(int(stored.content["event_id"]))
            findings = compare_with_checkpoint(stored.content, state)
    return CheckpointCheck(stored.name, stored.content, tuple(findings))


def audit_trail_report(*, checkpoints: int = CHECKPOINTS_CHECKED) -> AuditTrailReport:
    """Check every event's hash and link, then the chain against its latest signed
    checkpoints: truncation and recomputation are named, as is a bad signature."""
    keys = verification_keys()
    chain = audit_chain_report()
    checks = tuple(
        _check_checkpoint(stored, keys=keys)
        for stored in audit_checkpoints.latest_checkpoints(checkpoints)
    )
    return AuditTrailReport(chain, checks, audit_checkpoints.where())


class CheckpointRefused(Exception):
    """The chain disagrees with its latest checkpoint: no new checkpoint is written,
    so that the disagreement is never buried under newer ones."""


def write_audit_checkpoint(*, now: datetime | None = None) -> str | None:
    """Sign and store, outside the database, a checkpoint of the chain as it stands:
    the newest event's id, hash and time, and how many events there are. Its name;
    None when there is no event yet."""
    key = current_audit_key()
    newest = (
        AuditEvent.objects.order_by("-id").values("id", "hash", "occurred_at").first()
    )
    if newest is None:
        return None
    # Counted up to the newest event read, so that an event appended meanwhile is not
    # counted without being named.
    count = AuditEvent.objects.filter(pk__lte=newest["id"]).count()
    for stored in audit_checkpoints.latest_checkpoints(1):
        check = _check_checkpoint(stored, keys=verification_keys())
        if check.findings:
            raise CheckpointRefused(" ".join(check.problems()))
    written_at = now or timezone.now()
    checkpoint = sign_checkpoint(
        checkpoint_payload(
            event_id=newest["id"],
            event_hash=newest["hash"],
            event_occurred_at=newest["occurred_at"],
            event_count=count,
            written_at=written_at,
            key_id=key.key_id,
        ),
        key,
    )
    name = audit_checkpoints.save_checkpoint(checkpoint, written_at=written_at)
    logger.info("Audit checkpoint %s: event %s, %s events", name, newest["id"], count)
    return name
