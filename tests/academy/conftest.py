"""Fixtures for the academy app's tests."""

import pytest
from django.db import connection


@pytest.fixture(autouse=True)
def audit_checkpoint_dir(settings, tmp_path):
    """Each test writes and reads audit checkpoints in a directory of its own."""
    settings.AUDIT_CHECKPOINT_DIR = tmp_path / "audit-checkpoints"
    return settings.AUDIT_CHECKPOINT_DIR


def tamper(
    sql: str, params: list | None = None, *, table: str = "academy_auditevent"
) -> None:
    """Change or remove stored audit events behind the application's back, as an
    attacker with the table owner's rights would: switch the append-only triggers off
    first (on SQLite by dropping them; the test's transaction brings them back)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A superuser session can switch triggers off; the application role cannot.
            cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute(sql, params or [])
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")
        else:
            cursor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only")
            cursor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only_delete")
            cursor.execute(sql, params or [])
