"""The database refuses to change or remove a process validation result: corrections are new records."""

from django.db import migrations

POSTGRES_UP = """
CREATE TRIGGER assessments_processvalidation_append_only
    BEFORE UPDATE OR DELETE ON assessments_processvalidation
    FOR EACH ROW EXECUTE FUNCTION academy_reject_change();
"""
POSTGRES_DOWN = (
    "DROP TRIGGER IF EXISTS assessments_processvalidation_append_only "
    "ON assessments_processvalidation;"
)
SQLITE_UP = """
CREATE TRIGGER assessments_processvalidation_append_only
BEFORE UPDATE ON assessments_processvalidation
BEGIN SELECT RAISE(ABORT, 'assessments_processvalidation is append-only: UPDATE refused'); END;
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS assessments_processvalidation_append_only;"


def add_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_UP, params=None)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_UP)


def remove_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_DOWN)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_DOWN)


class Migration(migrations.Migration):
    dependencies = [("academy", "0004_audit_events_append_only"),
        ("assessments", "0005_process_validations"),
    ]

    operations = [migrations.RunPython(add_triggers, remove_triggers)]
