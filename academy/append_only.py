"""The migration operations that make a table append-only: the database itself
refuses to change or remove a GxP record.

PostgreSQL rejects UPDATE and DELETE with a trigger calling `academy_reject_change()`
(created by academy's migration 0004, so depend on it); TRUNCATE stays with the
database owner (deployments grant the application role no TRUNCATE). SQLite, used for
the demo, rejects UPDATE with `append_only` and DELETE with `refuse_delete_on_sqlite`
(a second trigger: an SQLite trigger answers one statement). Other databases get
nothing.

The test suite and DELETE on SQLite. Transactional tests (the browser journeys, the
Celery worker tests) are cleaned up by Django's `flush`, which on PostgreSQL is a
TRUNCATE (no row trigger fires) but on SQLite is a DELETE of every table, which the
DELETE triggers would refuse. Nothing in the production database lets a DELETE
through: there is no bypass table, setting or function for the triggers to consult.
Instead, the test settings run SQLite through `academy.testing_sqlite3`, whose flush
(and only its flush) drops the DELETE triggers, empties the tables and creates the
triggers again from their stored SQL, in one transaction. Every other statement in the
test suite, as in production, meets the triggers.

SQLite and a table rebuild. Some schema changes make Django rebuild an SQLite table
(a new table, the rows copied, the old one dropped), which drops its triggers; a
migration that changes an append-only table on SQLite must add them again
(`restore_sqlite_triggers`).
"""

from functools import partial

from django.db import migrations

REJECT_FUNCTION_MIGRATION = ("academy", "0004_audit_events_append_only")
SQLITE_DELETE_TRIGGER_SUFFIX = "_append_only_delete"


def trigger_name(table: str) -> str:
    return f"{table}_append_only"


def sqlite_delete_trigger_name(table: str) -> str:
    return f"{table}{SQLITE_DELETE_TRIGGER_SUFFIX}"


def postgres_up(table: str) -> str:
    return f"""
CREATE TRIGGER {trigger_name(table)}
    BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION academy_reject_change();
"""


def postgres_down(table: str) -> str:
    return f"DROP TRIGGER IF EXISTS {trigger_name(table)} ON {table};"


def sqlite_up(table: str) -> str:
    return f"""
CREATE TRIGGER {trigger_name(table)}
BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only: UPDATE refused'); END;
"""


def sqlite_down(table: str) -> str:
    return f"DROP TRIGGER IF EXISTS {trigger_name(table)};"


def sqlite_delete_up(table: str) -> str:
    return f"""
CREATE TRIGGER {sqlite_delete_trigger_name(table)}
BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only: DELETE refused'); END;
"""


def sqlite_delete_down(table: str) -> str:
    return f"DROP TRIGGER IF EXISTS {sqlite_delete_trigger_name(table)};"


def add_triggers(table: str, apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        # No parameters: the SQL is run as written, without %-interpolation.
        schema_editor.execute(postgres_up(table), params=None)
    elif vendor == "sqlite":
        schema_editor.execute(sqlite_up(table))


def remove_triggers(table: str, apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(postgres_down(table))
    elif vendor == "sqlite":
        schema_editor.execute(sqlite_down(table))


def add_sqlite_delete_trigger(table: str, apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(sqlite_delete_up(table))


def remove_sqlite_delete_trigger(table: str, apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(sqlite_delete_down(table))


def replace_sqlite_update_trigger(table: str, apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(sqlite_down(table))
        schema_editor.execute(sqlite_up(table))


def append_only(table: str) -> migrations.RunPython:
    """The operation that adds (and on reversal removes) the append-only triggers.

    The migration must depend on `REJECT_FUNCTION_MIGRATION` and on the one that
    creates the table. On SQLite, follow it with `refuse_delete_on_sqlite(table)`.
    """
    return migrations.RunPython(
        partial(add_triggers, table), partial(remove_triggers, table)
    )


def refuse_delete_on_sqlite(table: str) -> migrations.RunPython:
    """The operation that makes SQLite refuse DELETE on an append-only table too
    (PostgreSQL's trigger already does)."""
    return migrations.RunPython(
        partial(add_sqlite_delete_trigger, table),
        partial(remove_sqlite_delete_trigger, table),
    )


def restore_sqlite_triggers(table: str) -> migrations.RunPython:
    """After a schema change that rebuilt the table on SQLite: its UPDATE trigger
    again (the DELETE trigger is added by `refuse_delete_on_sqlite`)."""
    return migrations.RunPython(
        partial(replace_sqlite_update_trigger, table), migrations.RunPython.noop
    )


def sqlite_delete_triggers(cursor) -> list[tuple[str, str]]:
    """The append-only DELETE triggers of an SQLite database, each with its SQL."""
    cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    return [
        (name, sql)
        for name, sql in cursor.fetchall()
        if name.endswith(SQLITE_DELETE_TRIGGER_SUFFIX)
    ]
