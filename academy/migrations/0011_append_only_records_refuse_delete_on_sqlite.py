"""SQLite refuses DELETE on audit events and electronic signatures as well as UPDATE,
as PostgreSQL already does (academy.append_only explains how the test suite's flush
still empties them)."""

from django.db import migrations

from academy.append_only import refuse_delete_on_sqlite


class Migration(migrations.Migration):
    dependencies = [
        ("academy", "0010_audit_events_keyed_hashes"),
        ("academy", "0007_electronic_signatures_append_only"),
    ]

    operations = [
        refuse_delete_on_sqlite("academy_auditevent"),
        refuse_delete_on_sqlite("academy_electronicsignature"),
    ]
