"""Fixtures shared by every app's tests. App-specific ones live in tests/<app>/conftest.py."""

import io

import pytest
from django.core.cache import caches
from wagtail.models import Page, Site

from tests.factories.academy import UserFactory

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches: what earlier tests cached (sites, lesson
    bodies, rate-limit counts, the catalogue's URL) names rows of their rolled-back
    data."""
    for cache in caches.all():
        cache.clear()


CACHE_METHODS = ("get", "get_many", "set", "set_many", "add", "incr", "delete", "touch")


@pytest.fixture
def cache_calls(monkeypatch) -> list[str]:
    """The calls made to the shared (default) cache: each one a round trip to Redis
    in production. A call the backend makes to itself is not counted again."""
    backend, calls, depth = caches["default"], [], [0]

    def recorded(name, method):
        def call(*args, **kwargs):
            if not depth[0]:
                calls.append(name)
            depth[0] += 1
            try:
                return method(*args, **kwargs)
            finally:
                depth[0] -= 1

        return call

    for name in CACHE_METHODS:
        monkeypatch.setattr(backend, name, recorded(name, getattr(backend, name)))
    return calls


@pytest.fixture
def site_root(db) -> Page:
    """The home page that the migrations create; tests add pages under it."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def make_user(db):
    """make_user("Trainee", organisation=...) -> a user with that role (or none)."""

    def make(*roles: str, **fields):
        return UserFactory(roles=list(roles), **fields)

    return make


@pytest.fixture
def trainee(make_user):
    return make_user("Trainee", band=3)


@pytest.fixture
def demo_data(db, settings):
    """The whole `load_demo` content, as a new user of the demo would see it."""
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    settings.DEBUG = False


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    """Evidence and other private files go to a directory of the test's own."""
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"
    return settings.PRIVATE_STORAGE_ROOT
