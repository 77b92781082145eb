"""The migration operation that makes a table append-only: the database itself
refuses to change or remove a GxP record.

PostgreSQL rejects UPDATE and DELETE with a trigger calling `academy_reject_change()`
(created by academy's migration 0004, so depend on it). SQLite, used for the demo,
rejects UPDATE; its test runner empties tables with DELETE. Other databases get
nothing.
"""

from functools import partial

from django.db import migrations

REJECT_FUNCTION_MIGRATION = ("academy", "0004_audit_events_append_only")


def trigger_name(table: str) -> str:
    return f"{table}_append_only"


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


def append_only(table: str) -> migrations.RunPython:
    """The operation that adds (and on reversal removes) the append-only triggers.

    The migration must depend on `REJECT_FUNCTION_MIGRATION` and on the one that
    creates the table.
    """
    return migrations.RunPython(
        partial(add_triggers, table), partial(remove_triggers, table)
    )
