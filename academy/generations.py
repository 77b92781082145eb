"""Cached values that one kind of change makes out of date all at once.

Each kind ("sites", "pages") has a generation in the cache; an entry is used only while
the generation of each kind it depends on is current, and a change starts a new one,
both at once (for the rest of its own transaction) and again when it commits (so a
value read meanwhile from the old rows is not kept). Processes share them through the configured cache (Redis in
production), as they share Wagtail's own cache of site root paths.
"""

from collections.abc import Callable
from typing import Any
from uuid import uuid4

from django.conf import settings
from django.core.cache import cache
from django.db import transaction


def _generation_key(kind: str) -> str:
    return f"academy:{kind}:generation"


def cached(
    kinds: str | tuple[str, ...], key: str, make: Callable[[], Any], *, timeout: int
) -> Any:
    """The value cached under `key` while the generation of each of `kinds` is the
    one it was made in, or make(). The generations and the entry are read in one
    round trip.

    Always make() when the cache is not shared by every process (GENERATION_CACHE):
    a change in one process could not reach the others' caches."""
    if not settings.GENERATION_CACHE:
        return make()
    kinds = (kinds,) if isinstance(kinds, str) else kinds
    generation_keys = [_generation_key(kind) for kind in kinds]
    entry_key = f"academy:{'+'.join(kinds)}:{key}"
    found = cache.get_many([*generation_keys, entry_key])
    entry = found.get(entry_key)
    if any(generation_key not in found for generation_key in generation_keys):
        for generation_key in generation_keys:
            cache.add(generation_key, uuid4().hex, timeout=None)
        found = cache.get_many(generation_keys)
    generations = tuple(found.get(generation_key) for generation_key in generation_keys)
    if entry is not None and entry[0] == generations:
        return entry[1]
    value = make()
    cache.set(entry_key, (generations, value), timeout)
    return value


def start_new_generation(kind: str) -> None:
    """Something of this kind changed: what was cached before is out of date."""
    cache.set(_generation_key(kind), uuid4().hex, timeout=None)
    transaction.on_commit(
        lambda: cache.set(_generation_key(kind), uuid4().hex, timeout=None)
    )
