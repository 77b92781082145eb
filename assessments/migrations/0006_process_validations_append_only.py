"""The database refuses to change or remove a process validation result: corrections are new records."""

from django.db import migrations

from academy.append_only import append_only


class Migration(migrations.Migration):
    dependencies = [
        ("academy", "0004_audit_events_append_only"),
        ("assessments", "0005_process_validations"),
    ]

    operations = [append_only("assessments_processvalidation")]
