"""Fixtures shared by every app's tests. App-specific ones live in tests/<app>/conftest.py."""

import atexit
import io
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from django.core.cache import caches
from django.db import connection
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


class DemoSnapshot:
    """The demo world as `load_demo` first left it in a test that commits: a copy of
    the database and of the private files. Later demo tests restore it in a second or
    two instead of loading the demo again (about 25 s). Every test that asks for the
    demo commits, so that it can be restored, and the database is emptied after it.

    On SQLite (in memory) the copy is taken with SQLite's backup API; on PostgreSQL it
    is a database made from the test database as a template, and restoring makes the
    test database anew from it."""

    def __init__(self) -> None:
        self.sqlite: sqlite3.Connection | None = None
        self.template: str | None = None
        self.files: Path | None = None

    def take(self, private_root: Path) -> None:
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            self.sqlite = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self.sqlite)
        else:
            template = f"{connection.settings_dict['NAME']}_demo"
            _copy_postgresql_database(connection.settings_dict["NAME"], template)
            self.template = template
        self.files = Path(tempfile.mkdtemp(prefix="academy-demo-files-"))
        atexit.register(shutil.rmtree, self.files, ignore_errors=True)
        if private_root.exists():
            shutil.copytree(private_root, self.files, dirs_exist_ok=True)

    def restore(self, private_root: Path) -> bool:
        if self.files is None:
            return False
        if self.sqlite is not None:
            connection.ensure_connection()
            self.sqlite.backup(connection.connection)
        else:
            _copy_postgresql_database(self.template, connection.settings_dict["NAME"])
        shutil.copytree(self.files, private_root, dirs_exist_ok=True)
        return True

    def drop(self) -> None:
        if self.template is not None:
            with connection._nodb_cursor() as cursor:
                cursor.execute(
                    f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)'
                )
            self.template = None


def _copy_postgresql_database(source: str, target: str) -> None:
    """Replace `target` by a copy of `source`. PostgreSQL copies only a database that
    nobody is connected to, and drops only one nobody uses: this process's
    connections are closed (Django opens them again on the next query) and any other
    session on either is ended."""
    from django.db import connections

    connections.close_all()
    with connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [source],
        )
        cursor.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):
    """One snapshot per test process, dropped before the test database is."""
    snapshot = DemoSnapshot()
    yield snapshot
    with django_db_blocker.unblock():
        snapshot.drop()


@pytest.fixture
def demo_data(
    transactional_db,
    django_db_serialized_rollback,
    demo_snapshot,
    settings,
    private_storage,
):
    """The whole `load_demo` content, as a new user of the demo would see it.

    Outside a transaction, so that the snapshot can be restored. Serialized rollback
    puts the migrations' data (roles, the home page) back for a first load, and keeps
    the emptying from making content types anew."""
    from django.core.management import call_command

    if demo_snapshot.restore(Path(private_storage)):
        return
    settings.DEBUG = True
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    settings.DEBUG = False
    demo_snapshot.take(Path(private_storage))


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    """Evidence and other private files go to a directory of the test's own."""
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"
    return settings.PRIVATE_STORAGE_ROOT


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Mark the tests that use no database: their outcome does not depend on the
    engine, so the PostgreSQL pass leaves them out (`-m "not no_database"`).
    Under pytest-xdist, keep together the tests that must share one process: those
    with real services (one private Redis and one set of workers at a time) and the
    security battery, whose world is loaded once for all its modules."""
    for item in items:
        if not _uses_database(item) and not item.get_closest_marker("engine"):
            item.add_marker(pytest.mark.no_database)
        if item.get_closest_marker("services"):
            item.add_marker(pytest.mark.xdist_group("services"))
        elif "world" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("security"))


def _uses_database(item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool(
        item.get_closest_marker("django_db")
        or fixtures & {"db", "transactional_db", "live_server", "world"}
    )


def _commits(item) -> bool:
    """Whether the test runs outside a transaction, so the database is emptied after
    it (Django's TransactionTestCase), as pytest-django decides it."""
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A test that commits leaves the database empty, and only the next such test
    puts the migrations' data (roles, the home page) back. In one process those run
    last; pytest-xdist may hand a process other tests after them, so put the data
    back for those."""
    result = yield
    if nextitem is not None and _commits(item) and not _commits(nextitem):
        from django.db import connections
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            for database in connections.all(initialized_only=True):
                contents = getattr(database, "_test_serialized_contents", None)
                if contents:
                    database.creation.deserialize_db_from_string(contents)
    return result
