"""Electronic signature rules as pure functions: what a signature's hash binds together."""

import hashlib
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from academy.audit_chain import canonical_json


def content_hash(content: Mapping[str, Any]) -> str:
    """SHA-256 of a record's canonical content (the fields the signer saw)."""
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def signature_hash(
    *,
    content_hash: str,
    signer_id: int,
    printed_name: str,
    role: str,
    organisation_name: str,
    signed_at: datetime,
    meaning: str,
    record_type: str,
    record_id: str,
) -> str:
    """SHA-256 binding the content to who signed, as what, when, and meaning what."""
    return hashlib.sha256(
        canonical_json(
            {
                "content_hash": content_hash,
                "signer_id": signer_id,
                "printed_name": printed_name,
                "role": role,
                "organisation_name": organisation_name,
                "signed_at": signed_at.isoformat(timespec="microseconds"),
                "meaning": meaning,
                "record_type": record_type,
                "record_id": record_id,
            }
        ).encode("utf-8")
    ).hexdigest()
