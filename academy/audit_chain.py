"""How an audit event's hash is computed, how the chain is checked, and how a
checkpoint of the chain is signed and compared with it: pure functions.

Keyed hashes. Every event's hash is an HMAC-SHA256, with a key held outside the
database (`settings.AUDIT_HMAC_KEY`, from the environment), over the event's canonical
content and the previous event's hash. Someone who can write to the database but does
not hold the key can still delete or edit events, but cannot recompute a chain that
verifies: the edit, and every later event they rehash, fail the check.

Each event stores the id of the key that hashed it (`AuditEvent.key_id`, a fingerprint
derived from the key, never the key). Events written before keys were introduced
carry an empty key id and keep their plain SHA-256: they still verify as they are
(stored events are never rewritten), but only before the first keyed event. A plain
event after a keyed one is refused, so a forger cannot fall back to the public hash
function for the newest events; a chain recomputed with plain SHA-256 from the very
start is caught by the checkpoints (below), which were signed with the key.

Rotation: a new key hashes new events from the moment it is configured; the old key
goes to `settings.AUDIT_HMAC_RETIRED_KEYS` so that the events (and checkpoints) it
signed still verify. An event whose key this server does not hold is reported.

Checkpoints. A periodic task writes, outside the database, a checkpoint of the chain
as it stands (the newest event's id, hash and time, and how many events there are),
signed with an HMAC under the same key. Comparing the chain with its checkpoints
finds truncation (events at or before a checkpoint gone, fewer of them, the newest
older than the checkpoint's) and recomputation (the checkpointed event's hash
changed), which the chain alone cannot show.

Each use of the key gets its own derived key (event hashes, checkpoint signatures,
the key id), so a value made for one purpose is never valid for another.
"""

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# The key id of events hashed with plain SHA-256, before the audit trail had a key.
PLAIN_SHA256 = ""
CHECKPOINT_FORMAT = "academy.audit_checkpoint/1"


def canonical_json(value: Any) -> str:
    """One byte-exact JSON form for a value: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _derive(secret: bytes, purpose: str) -> bytes:
    return hmac.new(secret, purpose.encode("ascii"), hashlib.sha256).digest()


@dataclass(frozen=True)
class AuditKey:
    """The audit trail's key, as the keys derived from it for each purpose."""

    key_id: str
    event_key: bytes = field(repr=False)
    checkpoint_key: bytes = field(repr=False)


def audit_key(secret: str) -> AuditKey:
    """The derived keys and the public id (a fingerprint) of one configured secret."""
    if not secret:
        raise ValueError("The audit trail's key is empty.")
    raw = secret.encode("utf-8")
    return AuditKey(
        key_id=_derive(raw, "academy.audit.key_id").hex()[:16],
        event_key=_derive(raw, "academy.audit.event"),
        checkpoint_key=_derive(raw, "academy.audit.checkpoint"),
    )


def audit_keys(current: str, retired: Sequence[str] = ()) -> dict[str, AuditKey]:
    """Every key this server may verify with, by key id; the current key included."""
    keys = [audit_key(secret) for secret in retired if secret]
    keys.append(audit_key(current))
    return {key.key_id: key for key in keys}


def event_content(
    *,
    previous_hash: str,
    occurred_at: datetime,
    actor_id: int | None,
    actor_name: str,
    action: str,
    object_type: str,
    object_id: str,
    object_repr: str,
    details: Mapping[str, Any],
) -> bytes:
    """The bytes an event's hash covers: its canonical content and the previous hash."""
    return canonical_json(
        {
            "previous_hash": previous_hash,
            "occurred_at": occurred_at.isoformat(timespec="microseconds"),
            "actor_id": actor_id,
            "actor_name": actor_name,
            "action": action,
            "object_type": object_type,
            "object_id": object_id,
            "object_repr": object_repr,
            "details": details,
        }
    ).encode("utf-8")


def event_hash(*, key: AuditKey | None, **content: Any) -> str:
    """HMAC-SHA256 of the event's content under the key; plain SHA-256 without one
    (only events from before the audit trail had a key were hashed so)."""
    message = event_content(**content)
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(key.event_key, message, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    broken_event_id: int | None = None
    reason: str = ""
    # Events from before the audit trail had a key, verified by plain SHA-256.
    plain: int = 0
    key_ids: tuple[str, ...] = ()


def _content_of(event: Any) -> dict[str, Any]:
    return {
        "previous_hash": event.previous_hash,
        "occurred_at": event.occurred_at,
        "actor_id": event.actor_id,
        "actor_name": event.actor_name,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "object_repr": event.object_repr,
        "details": event.details,
    }


def verify_chain(
    events: Iterable[Any], *, genesis_hash: str, keys: Mapping[str, AuditKey]
) -> ChainReport:
    """Walk events in id order; report the first whose link or hash is wrong."""
    expected_previous = genesis_hash
    checked = plain = 0
    keyed_seen = False
    key_ids: list[str] = []

    def broken(event: Any, reason: str) -> ChainReport:
        return ChainReport(
            ok=False,
            checked=checked,
            broken_event_id=event.id,
            reason=reason,
            plain=plain,
            key_ids=tuple(key_ids),
        )

    for event in events:
        if event.previous_hash != expected_previous:
            return broken(event, "its previous hash does not match the event before it")
        if event.key_id == PLAIN_SHA256:
            if keyed_seen:
                return broken(
                    event,
                    "it has a plain SHA-256 hash after keyed hashes began: it was "
                    "written or recomputed without the audit key",
                )
            key = None
            plain += 1
        else:
            key = keys.get(event.key_id)
            if key is None:
                return broken(
                    event,
                    f"it was hashed with audit key {event.key_id}, which this server "
                    "does not hold (a retired key belongs in ACADEMY_AUDIT_RETIRED_KEYS)",
                )
            keyed_seen = True
            if event.key_id not in key_ids:
                key_ids.append(event.key_id)
        recomputed = event_hash(key=key, **_content_of(event))
        if not hmac.compare_digest(recomputed, event.hash):
            return broken(
                event,
                "its content does not match its hash: it was edited, or its hash "
                "recomputed without the audit key",
            )
        expected_previous = event.hash
        checked += 1
    return ChainReport(ok=True, checked=checked, plain=plain, key_ids=tuple(key_ids))


# Checkpoints


def checkpoint_payload(
    *,
    event_id: int,
    event_hash: str,
    event_occurred_at: datetime,
    event_count: int,
    written_at: datetime,
    key_id: str,
) -> dict[str, Any]:
    """What a checkpoint states about the chain, before it is signed."""
    return {
        "format": CHECKPOINT_FORMAT,
        "event_id": event_id,
        "event_hash": event_hash,
        "event_occurred_at": event_occurred_at.isoformat(timespec="microseconds"),
        "event_count": event_count,
        "written_at": written_at.isoformat(timespec="microseconds"),
        "key_id": key_id,
    }


def checkpoint_signature(payload: Mapping[str, Any], key: AuditKey) -> str:
    """HMAC-SHA256, under the checkpoint key, of everything the checkpoint states."""
    unsigned = {name: value for name, value in payload.items() if name != "signature"}
    message = canonical_json(unsigned).encode("utf-8")
    return hmac.new(key.checkpoint_key, message, hashlib.sha256).hexdigest()


def sign_checkpoint(payload: Mapping[str, Any], key: AuditKey) -> dict[str, Any]:
    return {**payload, "signature": checkpoint_signature(payload, key)}


@dataclass(frozen=True)
class ChainState:
    """What the database holds now, as far as a checkpoint is concerned."""

    total: int
    newest_id: int | None
    newest_occurred_at: datetime | None
    # The checkpointed event's stored hash (None when the event is gone) and how many
    # events have an id up to and including it.
    checkpointed_hash: str | None
    count_up_to_checkpoint: int


@dataclass(frozen=True)
class Finding:
    """One disagreement between a checkpoint and the chain: `kind` is "signature",
    "truncation" or "recomputation"."""

    kind: str
    words: str


def checkpoint_signature_findings(
    checkpoint: Mapping[str, Any], *, keys: Mapping[str, AuditKey]
) -> list[Finding]:
    """Whether the checkpoint is as it was written, by a holder of the key."""
    if checkpoint.get("format") != CHECKPOINT_FORMAT:
        return [Finding("signature", "it is not an audit checkpoint this server reads")]
    key = keys.get(str(checkpoint.get("key_id", "")))
    if key is None:
        return [
            Finding(
                "signature",
                f"it was signed with audit key {checkpoint.get('key_id')!s}, which "
                "this server does not hold, so its signature cannot be checked",
            )
        ]
    expected = checkpoint_signature(checkpoint, key)
    if not hmac.compare_digest(expected, str(checkpoint.get("signature", ""))):
        return [
            Finding(
                "signature",
                "its signature does not match its content: the checkpoint was altered "
                "or written without the audit key",
            )
        ]
    return []


def compare_with_checkpoint(
    checkpoint: Mapping[str, Any], state: ChainState
) -> list[Finding]:
    """How the chain disagrees with a (genuine) checkpoint of it."""
    findings: list[Finding] = []
    event_id = checkpoint["event_id"]
    count = checkpoint["event_count"]
    occurred_at = datetime.fromisoformat(checkpoint["event_occurred_at"])
    if state.checkpointed_hash is None:
        findings.append(
            Finding(
                "truncation",
                f"event {event_id}, the newest when the checkpoint was written, is "
                "missing",
            )
        )
    elif not hmac.compare_digest(state.checkpointed_hash, checkpoint["event_hash"]):
        findings.append(
            Finding(
                "recomputation",
                f"event {event_id}'s hash is not the one the checkpoint recorded: the "
                "chain up to it was rewritten and its hashes recomputed",
            )
        )
    if state.count_up_to_checkpoint < count:
        findings.append(
            Finding(
                "truncation",
                f"{count - state.count_up_to_checkpoint} of the {count} events at or "
                f"before event {event_id} are missing",
            )
        )
    elif state.count_up_to_checkpoint > count:
        findings.append(
            Finding(
                "recomputation",
                f"{state.count_up_to_checkpoint - count} events at or before event "
                f"{event_id} were not there when the checkpoint was written",
            )
        )
    if state.total < count:
        findings.append(
            Finding(
                "truncation",
                f"the trail holds {state.total} events, fewer than the {count} it "
                "held at the checkpoint",
            )
        )
    # By position in the chain, not by clock: servers' clocks may differ slightly, so
    # a later event may carry an earlier time than the one before it.
    if state.newest_id is None or state.newest_id < event_id:
        newest = (
            "the trail holds no event"
            if state.newest_id is None or state.newest_occurred_at is None
            else f"the newest event is #{state.newest_id}, of "
            f"{state.newest_occurred_at.isoformat(timespec='seconds')}"
        )
        findings.append(
            Finding(
                "truncation",
                f"{newest}: older than the checkpoint's newest event, #{event_id} of "
                f"{occurred_at.isoformat(timespec='seconds')}",
            )
        )
    return findings
