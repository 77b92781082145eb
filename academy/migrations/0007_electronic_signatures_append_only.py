"""The database refuses to change or remove an electronic signature (as for audit events)."""

from django.db import migrations

POSTGRES_UP = """
CREATE TRIGGER academy_electronicsignature_append_only
    BEFORE UPDATE OR DELETE ON academy_electronicsignature
    FOR EACH ROW EXECUTE FUNCTION academy_reject_change();
"""
POSTGRES_DOWN = (
    "DROP TRIGGER IF EXISTS academy_electronicsignature_append_only "
    "ON academy_electronicsignature;"
)
SQLITE_UP = """
CREATE TRIGGER academy_electronicsignature_append_only
BEFORE UPDATE ON academy_electronicsignature
BEGIN SELECT RAISE(ABORT, 'academy_electronicsignature is append-only: UPDATE refused'); END;
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS academy_electronicsignature_append_only;"


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
    dependencies = [("academy", "0006_electronic_signatures")]

    operations = [migrations.RunPython(add_triggers, remove_triggers)]
