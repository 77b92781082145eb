"""Audit-trail reviews: signed by the reviewer, append-only like every GxP record."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from academy.append_only import append_only, refuse_delete_on_sqlite


class Migration(migrations.Migration):
    dependencies = [
        ("academy", "0011_append_only_records_refuse_delete_on_sqlite"),
    ]

    operations = [
        migrations.AlterField(
            model_name="electronicsignature",
            name="meaning",
            field=models.CharField(
                choices=[
                    ("assessed_competent", "Assessed as competent"),
                    ("not_yet_competent", "Assessed as not yet competent"),
                    ("countersigned", "Countersigned: I confirm this assessment"),
                    ("result_recorded", "I recorded this result and it is accurate"),
                    ("competence_awarded", "Competence awarded"),
                    ("competence_suspended", "Competence suspended"),
                    ("competence_revoked", "Competence revoked"),
                    ("correction", "Correction of an earlier signed record"),
                    (
                        "audit_trail_reviewed",
                        "I have reviewed the audit trail for this period",
                    ),
                ],
                max_length=30,
            ),
        ),
        migrations.CreateModel(
            name="AuditTrailReview",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("reviewed_at", models.DateTimeField()),
                ("covered_from", models.DateField()),
                ("covered_to", models.DateField()),
                (
                    "outcome",
                    models.CharField(
                        choices=[
                            ("no_issues", "No issues found"),
                            ("issues_found", "Issues found"),
                        ],
                        max_length=20,
                    ),
                ),
                ("comments", models.TextField(blank=True)),
                ("events_in_period", models.PositiveIntegerField()),
                ("chain_verified", models.BooleanField()),
                ("chain_report", models.TextField()),
                (
                    "reviewer",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={"ordering": ["-reviewed_at", "-id"]},
        ),
        append_only("academy_audittrailreview"),
        refuse_delete_on_sqlite("academy_audittrailreview"),
    ]
