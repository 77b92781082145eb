"""Cached values last until their kind starts a new generation, and only where every
process shares the cache."""

import pytest

from academy.generations import cached, start_new_generation

pytestmark = pytest.mark.django_db  # a new generation is also started on commit


def make_counter():
    calls = []

    def make():
        calls.append(1)
        return len(calls)

    return calls, make


def test_a_value_is_made_once_per_generation():
    calls, make = make_counter()
    assert cached("things", "a", make, timeout=60) == 1
    assert cached("things", "a", make, timeout=60) == 1
    start_new_generation("things")
    assert cached("things", "a", make, timeout=60) == 2
    assert len(calls) == 2


def test_without_a_shared_cache_the_value_is_made_every_time(settings):
    settings.GENERATION_CACHE = False
    calls, make = make_counter()
    cached("things", "a", make, timeout=60)
    cached("things", "a", make, timeout=60)
    assert len(calls) == 2
