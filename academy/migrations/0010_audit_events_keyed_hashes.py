"""Audit events record which key hashed them (academy.audit_chain): new events are
HMAC-SHA256 under the audit key; the events already stored keep their plain SHA-256
and an empty key id.

Adding the column rebuilds the table on SQLite, which drops its UPDATE trigger: it is
added again (and again after a reversal rebuilds it once more).
"""

from django.db import migrations, models

from academy.append_only import REJECT_FUNCTION_MIGRATION, restore_sqlite_triggers

TABLE = "academy_auditevent"


def after_reversal(table):
    operation = restore_sqlite_triggers(table)
    return migrations.RunPython(migrations.RunPython.noop, operation.code)


class Migration(migrations.Migration):
    dependencies = [
        ("academy", "0009_signing_blocks"),
        REJECT_FUNCTION_MIGRATION,
    ]

    operations = [
        after_reversal(TABLE),
        migrations.AddField(
            model_name="auditevent",
            name="key_id",
            field=models.CharField(blank=True, default="", max_length=16),
        ),
        restore_sqlite_triggers(TABLE),
    ]
