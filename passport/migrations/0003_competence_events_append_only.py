"""The database refuses to change or remove a competence event: history is append-only."""

from django.db import migrations

from academy.append_only import append_only


class Migration(migrations.Migration):
    dependencies = [
        ("academy", "0004_audit_events_append_only"),
        ("passport", "0002_competences_and_their_events"),
    ]

    operations = [append_only("passport_competenceevent")]
