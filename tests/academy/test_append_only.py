from pathlib import Path

import pytest
from django.core.management.color import no_style
from django.db import DatabaseError, connection, migrations, transaction
from django.db.backends.sqlite3 import base as sqlite_backend
from django.utils import timezone

from academy.append_only import (
    add_triggers,
    append_only,
    postgres_down,
    postgres_up,
    refuse_delete_on_sqlite,
    remove_triggers,
    sqlite_delete_down,
    sqlite_delete_trigger_name,
    sqlite_delete_triggers,
    sqlite_delete_up,
    sqlite_down,
    sqlite_up,
)
from academy.models import AuditEvent

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


def test_refusing_delete_on_sqlite_is_a_reversible_operation_of_its_own():
    operation = refuse_delete_on_sqlite("academy_auditevent")
    editor = RecordingEditor("sqlite")
    operation.code(None, editor)
    operation.reverse_code(None, editor)
    postgres = RecordingEditor("postgresql")
    operation.code(None, postgres)

    assert [sql for sql, _ in editor.executed] == [
        sqlite_delete_up("academy_auditevent"),
        sqlite_delete_down("academy_auditevent"),
    ]
    assert "BEFORE DELETE ON academy_auditevent" in sqlite_delete_up(
        "academy_auditevent"
    )
    # PostgreSQL's one trigger already refuses DELETE.
    assert postgres.executed == []


APPEND_ONLY_TABLES = [
    "academy_auditevent",
    "academy_electronicsignature",
    "academy_audittrailreview",
]


@pytest.mark.django_db
@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
def test_the_database_refuses_delete_on_the_academy_s_append_only_tables(table):
    """On SQLite as on PostgreSQL (issue 16: SQLite refused only UPDATE)."""
    _make_rows()

    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608
        assert cursor.fetchone()[0] > 0


def _make_rows():
    """An audit event, an audit-trail review and its signature."""
    from academy.audit_reviews import signed_content
    from academy.models import AuditTrailReview, SignatureMeaning
    from academy.signatures import reauthenticate, sign_record
    from tests.factories.academy import UserFactory

    admin = UserFactory(is_superuser=True, password="pw-for-signing")
    review = AuditTrailReview.objects.create(
        reviewer=admin,
        reviewed_at=timezone.now(),
        covered_from=timezone.localdate(),
        covered_to=timezone.localdate(),
        outcome="no_issues",
        events_in_period=1,
        chain_verified=True,
        chain_report="OK",
    )
    meaning = SignatureMeaning.AUDIT_TRAIL_REVIEWED
    sign_record(
        review,
        signer=admin,
        meaning=meaning,
        role="Administrator",
        content=signed_content(review),
        reauthentication=reauthenticate(
            admin, password="pw-for-signing", record=review, meaning=meaning
        ),
    )


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's flush")
def test_production_sqlite_refuses_the_flush_that_the_test_backend_may_run():
    """Django's own SQLite backend (production's) empties tables with DELETE: the
    triggers refuse it. Only the test settings' backend lifts them, for its flush."""
    from academy.services import record_audit_event

    record_audit_event("academy.user_signed_in", actor_name="(system)")
    production_flush = sqlite_backend.DatabaseOperations(connection).sql_flush(
        no_style(), ["academy_auditevent"]
    )

    with pytest.raises(DatabaseError, match="DELETE refused"), transaction.atomic():
        connection.ops.execute_sql_flush(production_flush)
    assert AuditEvent.objects.exists()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's flush")
def test_the_test_backend_flush_empties_the_table_and_puts_the_triggers_back():
    from academy.services import record_audit_event

    record_audit_event("academy.user_signed_in", actor_name="(system)")
    statements = connection.ops.sql_flush(no_style(), ["academy_auditevent"])

    with transaction.atomic():
        connection.ops.execute_sql_flush(statements)

    assert statements[0].startswith("DROP TRIGGER")
    assert statements[-1].rstrip(";").endswith("END")
    assert not AuditEvent.objects.exists()
    with connection.cursor() as cursor:
        triggers = {name for name, _ in sqlite_delete_triggers(cursor)}
    assert {sqlite_delete_trigger_name(t) for t in APPEND_ONLY_TABLES} <= triggers
    event = record_audit_event("academy.user_signed_in", actor_name="(system)")
    with pytest.raises(DatabaseError, match="DELETE refused"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_only_the_test_settings_name_the_flushing_backend():
    settings_dir = Path(__file__).resolve().parents[2] / "academy" / "settings"
    naming = sorted(
        path.name
        for path in settings_dir.glob("*.py")
        if "testing_sqlite3" in path.read_text()
    )
    assert naming == ["test.py"]
