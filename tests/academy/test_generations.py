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


def test_a_value_of_two_kinds_is_made_again_when_either_changes():
    calls, make = make_counter()
    both = ("things", "places")
    assert cached(both, "a", make, timeout=60) == 1
    assert cached(both, "a", make, timeout=60) == 1
    start_new_generation("places")
    assert cached(both, "a", make, timeout=60) == 2
    start_new_generation("things")
    assert cached(both, "a", make, timeout=60) == 3
    assert cached(both, "a", make, timeout=60) == 3
    assert len(calls) == 3


def test_a_cached_value_is_read_in_one_round_trip(cache_calls):
    cached(("things", "places"), "a", lambda: "value", timeout=60)
    cache_calls.clear()
    assert cached(("things", "places"), "a", lambda: "other", timeout=60) == "value"
    assert cache_calls == ["get_many"]
