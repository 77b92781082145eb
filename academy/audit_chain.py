"""How an audit event's hash is computed and how the chain is checked: pure functions."""

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any


def canonical_json(value: Any) -> str:
    """One byte-exact JSON form for a value: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def event_hash(
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
) -> str:
    """SHA-256 over the event's canonical content and the previous event's hash."""
    content = canonical_json(
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
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    broken_event_id: int | None = None
    reason: str = ""


def verify_chain(events: Iterable[Any], *, genesis_hash: str) -> ChainReport:
    """Walk events in id order; report the first whose link or content hash is wrong."""
    expected_previous = genesis_hash
    checked = 0
    for event in events:
        if event.previous_hash != expected_previous:
            return ChainReport(
                ok=False,
                checked=checked,
                broken_event_id=event.id,
                reason="its previous hash does not match the event before it",
            )
        recomputed = event_hash(
            previous_hash=event.previous_hash,
            occurred_at=event.occurred_at,
            actor_id=event.actor_id,
            actor_name=event.actor_name,
            action=event.action,
            object_type=event.object_type,
            object_id=event.object_id,
            object_repr=event.object_repr,
            details=event.details,
        )
        if recomputed != event.hash:
            return ChainReport(
                ok=False,
                checked=checked,
                broken_event_id=event.id,
                reason="its content does not match its hash",
            )
        expected_previous = event.hash
        checked += 1
    return ChainReport(ok=True, checked=checked)
