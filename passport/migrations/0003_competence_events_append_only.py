"""The database refuses to change or remove a competence event: history is append-only."""

from django.db import migrations

POSTGRES_UP = """
CREATE TRIGGER passport_competenceevent_append_only
    BEFORE UPDATE OR DELETE ON passport_competenceevent
    FOR EACH ROW EXECUTE FUNCTION academy_reject_change();
"""
POSTGRES_DOWN = (
    "DROP TRIGGER IF EXISTS passport_competenceevent_append_only "
    "ON passport_competenceevent;"
)
SQLITE_UP = """
CREATE TRIGGER passport_competenceevent_append_only
BEFORE UPDATE ON passport_competenceevent
BEGIN SELECT RAISE(ABORT, 'passport_competenceevent is append-only: UPDATE refused'); END;
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS passport_competenceevent_append_only;"


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
        ("passport", "0002_competences_and_their_events"),
    ]

    operations = [migrations.RunPython(add_triggers, remove_triggers)]
