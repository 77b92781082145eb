"""Where the audit chain's signed checkpoints are kept: one small JSON file per
checkpoint, outside the database, through Django's storage API.

The storage is `STORAGES["audit_checkpoints"]` when a deployment configures one (object
storage with a retention lock keeps them from everyone who can reach the database),
otherwise a directory, `settings.AUDIT_CHECKPOINT_DIR`. Files are only ever added:
`<year>/<month>/<time>-event-<id>.json`, so the newest sort last.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, storages

from academy.audit_chain import canonical_json

STORAGE_ALIAS = "audit_checkpoints"


def checkpoint_storage() -> Storage:
    if STORAGE_ALIAS in settings.STORAGES:
        return storages[STORAGE_ALIAS]
    return FileSystemStorage(location=settings.AUDIT_CHECKPOINT_DIR)


def where() -> str:
    """Where checkpoints are kept, in words for a report."""
    if STORAGE_ALIAS in settings.STORAGES:
        return f'the "{STORAGE_ALIAS}" storage'
    return str(settings.AUDIT_CHECKPOINT_DIR)


def save_checkpoint(checkpoint: dict[str, Any], *, written_at: datetime) -> str:
    """Store a signed checkpoint as a new file; its name."""
    name = (
        f"{written_at:%Y/%m}/{written_at:%Y%m%dT%H%M%S%fZ}"
        f"-event-{checkpoint['event_id']}.json"
    )
    content = canonical_json(checkpoint).encode("utf-8") + b"\n"
    return checkpoint_storage().save(name, ContentFile(content))


@dataclass(frozen=True)
class StoredCheckpoint:
    name: str
    # None when the file is not a JSON object: reported, never trusted.
    content: dict[str, Any] | None


def _listdir(storage: Storage, path: str) -> tuple[list[str], list[str]]:
    try:
        directories, files = storage.listdir(path)
    except (FileNotFoundError, NotADirectoryError):
        return [], []
    return sorted(directories, reverse=True), sorted(files, reverse=True)


def latest_checkpoints(limit: int) -> list[StoredCheckpoint]:
    """The newest `limit` checkpoints, newest first."""
    storage = checkpoint_storage()
    names: list[str] = []
    years, _ = _listdir(storage, "")
    for year in years:
        months, _ = _listdir(storage, year)
        for month in months:
            _, files = _listdir(storage, f"{year}/{month}")
            names.extend(
                f"{year}/{month}/{file}" for file in files if file.endswith(".json")
            )
            if len(names) >= limit:
                return [_read(storage, name) for name in names[:limit]]
    return [_read(storage, name) for name in names[:limit]]


def _read(storage: Storage, name: str) -> StoredCheckpoint:
    try:
        with storage.open(name) as file:
            content = json.loads(file.read().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return StoredCheckpoint(name, None)
    return StoredCheckpoint(name, content if isinstance(content, dict) else None)
