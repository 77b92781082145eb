"""The database itself refuses to change or remove an audit event.

PostgreSQL rejects UPDATE and DELETE with a trigger. TRUNCATE stays with the
database owner (deployments grant the application role no TRUNCATE). SQLite, used
for the demo, rejects UPDATE; its test runner empties tables with DELETE.
"""

from django.db import migrations

POSTGRES_UP = """
CREATE OR REPLACE FUNCTION academy_reject_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER academy_auditevent_append_only
    BEFORE UPDATE OR DELETE ON academy_auditevent
    FOR EACH ROW EXECUTE FUNCTION academy_reject_change();
"""
POSTGRES_DOWN = "DROP TRIGGER IF EXISTS academy_auditevent_append_only ON academy_auditevent;"
SQLITE_UP = """
CREATE TRIGGER academy_auditevent_append_only BEFORE UPDATE ON academy_auditevent
BEGIN SELECT RAISE(ABORT, 'academy_auditevent is append-only: UPDATE refused'); END;
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS academy_auditevent_append_only;"


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
    dependencies = [("academy", "0003_create_roles")]

    operations = [migrations.RunPython(add_triggers, remove_triggers)]
