import pytest
from django.db import DatabaseError, connection, migrations, transaction

from academy.append_only import (
    add_triggers,
    append_only,
    postgres_down,
    postgres_up,
    remove_triggers,
    sqlite_down,
    sqlite_up,
)

# The SQL that migrations already applied in production ran, copied from them before
# they were changed to call the helper: the helper must never drift from it.
APPLIED = {
    "passport_competenceevent": (
        """
CREATE TRIGGER passport_competenceevent_append_only
    BEFORE UPDATE OR DELETE ON passport_competenceevent
    FOR EACH ROW EXECUTE FUNCTION academy_reject_change();
""",
        "DROP TRIGGER IF EXISTS passport_competenceevent_append_only "
        "ON passport_competenceevent;",
        """
CREATE TRIGGER passport_competenceevent_append_only
BEFORE UPDATE ON passport_competenceevent
BEGIN SELECT RAISE(ABORT, 'passport_competenceevent is append-only: UPDATE refused'); END;
""",
        "DROP TRIGGER IF EXISTS passport_competenceevent_append_only;",
    ),
    "academy_electronicsignature": (
        """
CREATE TRIGGER academy_electronicsignature_append_only
    BEFORE UPDATE OR DELETE ON academy_electronicsignature
    FOR EACH ROW EXECUTE FUNCTION academy_reject_change();
""",
        "DROP TRIGGER IF EXISTS academy_electronicsignature_append_only "
        "ON academy_electronicsignature;",
        """
CREATE TRIGGER academy_electronicsignature_append_only
BEFORE UPDATE ON academy_electronicsignature
BEGIN SELECT RAISE(ABORT, 'academy_electronicsignature is append-only: UPDATE refused'); END;
""",
        "DROP TRIGGER IF EXISTS academy_electronicsignature_append_only;",
    ),
    "assessments_processvalidation": (
        """
CREATE TRIGGER assessments_processvalidation_append_only
    BEFORE UPDATE OR DELETE ON assessments_processvalidation
    FOR EACH ROW EXECUTE FUNCTION academy_reject_change();
""",
        "DROP TRIGGER IF EXISTS assessments_processvalidation_append_only "
        "ON assessments_processvalidation;",
        """
CREATE TRIGGER assessments_processvalidation_append_only
BEFORE UPDATE ON assessments_processvalidation
BEGIN SELECT RAISE(ABORT, 'assessments_processvalidation is append-only: UPDATE refused'); END;
""",
        "DROP TRIGGER IF EXISTS assessments_processvalidation_append_only;",
    ),
}


@pytest.mark.parametrize("table", sorted(APPLIED))
def test_the_helper_emits_exactly_the_sql_the_applied_migrations_ran(table):
    assert (
        postgres_up(table),
        postgres_down(table),
        sqlite_up(table),
        sqlite_down(table),
    ) == APPLIED[table]


class RecordingEditor:
    def __init__(self, vendor):
        self.connection = type("Connection", (), {"vendor": vendor})()
        self.executed = []

    def execute(self, sql, params=()):
        self.executed.append((sql, params))


@pytest.mark.parametrize(
    ("vendor", "up", "down"),
    [
        ("postgresql", [(postgres_up("t"), None)], [(postgres_down("t"), ())]),
        ("sqlite", [(sqlite_up("t"), ())], [(sqlite_down("t"), ())]),
        ("mysql", [], []),
    ],
)
def test_each_database_gets_its_own_triggers_and_postgresql_sql_is_not_interpolated(
    vendor, up, down
):
    editor = RecordingEditor(vendor)
    add_triggers("t", None, editor)
    assert editor.executed == up

    editor = RecordingEditor(vendor)
    remove_triggers("t", None, editor)
    assert editor.executed == down


def test_the_operation_is_reversible_and_runs_the_helper_for_its_table():
    operation = append_only("passport_competenceevent")
    assert isinstance(operation, migrations.RunPython)
    assert operation.reversible
    editor = RecordingEditor("sqlite")
    operation.code(None, editor)
    operation.reverse_code(None, editor)
    assert [sql for sql, _ in editor.executed] == [
        sqlite_up("passport_competenceevent"),
        sqlite_down("passport_competenceevent"),
    ]


class CursorEditor:
    """Runs the helper's SQL on the test database, inside the test's transaction."""

    def __init__(self):
        self.connection = connection

    def execute(self, sql, params=()):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite trigger")
def test_on_sqlite_the_table_refuses_updates_until_the_trigger_is_removed():
    editor = CursorEditor()
    editor.execute("CREATE TEMP TABLE append_only_probe (id integer, note text)")
    editor.execute("INSERT INTO append_only_probe VALUES (1, 'first')")
    add_triggers("append_only_probe", None, editor)

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        editor.execute("UPDATE append_only_probe SET note = 'changed'")

    remove_triggers("append_only_probe", None, editor)
    editor.execute("UPDATE append_only_probe SET note = 'changed'")
    editor.execute("DROP TABLE append_only_probe")
