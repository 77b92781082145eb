"""The database refuses to change or remove an electronic signature (as for audit events)."""

from django.db import migrations

from academy.append_only import append_only


class Migration(migrations.Migration):
    dependencies = [("academy", "0006_electronic_signatures")]

    operations = [append_only("academy_electronicsignature")]
