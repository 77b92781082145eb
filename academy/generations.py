"""Cached values that one kind of change makes out of date all at once.

Each kind ("sites", "pages") has a generation in the cache; an entry is used only while
its generation is current, and a change starts a new one, both at once (for the rest
of its own transaction) and again when it commits (so a value read meanwhile from the
old rows is not kept). Processes share them through the configured cache (Redis in
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


def cached(kind: str, key: str, make: Callable[[], Any], *, timeout: int) -> Any:
    """The value cached under `key` in the current generation of `kind`, or make().

    Always make() when the cache is not shared by every process (GENERATION_CACHE):
    a change in one process could not reach the others' caches."""
    if not settings.GENERATION_CACHE:
        return make()
    generation_key, entry_key = _generation_key(kind), f"academy:{kind}:{key}"
    found = cache.get_many([generation_key, entry_key])
    generation, entry = found.get(generation_key), found.get(entry_key)
    if generation is None:
        cache.add(generation_key, uuid4().hex, timeout=None)
        generation = cache.get(generation_key)
    elif entry is not None and entry[0] == generation:
        return entry[1]
    value = make()
    cache.set(entry_key, (generation, value), timeout)
    return value


def start_new_generation(kind: str) -> None:
    """Something of this kind changed: what was cached before is out of date."""
    cache.set(_generation_key(kind), uuid4().hex, timeout=None)
    transaction.on_commit(
        lambda: cache.set(_generation_key(kind), uuid4().hex, timeout=None)
    )
