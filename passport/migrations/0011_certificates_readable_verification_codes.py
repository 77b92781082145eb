"""Certificates get verification codes people can read and type (7KQ4-MWX9-C2HT).

Each certificate issued before keeps its URL-safe code as `legacy_verification_code`,
so the address and QR code printed on its PDF keep verifying, and is given a readable
code that the passport shows and the check accepts.
"""

import secrets

from django.db import migrations, models

import passport.models.certificates

# As in passport.certificates.codes when this migration was written.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 12


def _readable(code: str) -> bool:
    return len(code) == LENGTH and all(character in ALPHABET for character in code)


def give_readable_codes(apps, schema_editor):
    Certificate = apps.get_model("passport", "Certificate")
    taken = set(Certificate.objects.values_list("verification_code", flat=True))
    for certificate in Certificate.objects.only("pk", "verification_code").iterator():
        if _readable(certificate.verification_code):
            continue
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        while code in taken:
            code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        taken.add(code)
        Certificate.objects.filter(pk=certificate.pk).update(
            legacy_verification_code=certificate.verification_code,
            verification_code=code,
        )


def restore_legacy_codes(apps, schema_editor):
    Certificate = apps.get_model("passport", "Certificate")
    for certificate in Certificate.objects.filter(
        legacy_verification_code__isnull=False
    ).only("pk", "legacy_verification_code"):
        Certificate.objects.filter(pk=certificate.pk).update(
            verification_code=certificate.legacy_verification_code,
            legacy_verification_code=None,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("passport", "0010_signature_findings_and_competences_under_review"),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="legacy_verification_code",
            field=models.CharField(
                blank=True, editable=False, max_length=32, null=True, unique=True
            ),
        ),
        migrations.AlterField(
            model_name="certificate",
            name="verification_code",
            field=models.CharField(
                default=passport.models.certificates.new_verification_code,
                editable=False,
                help_text="Printed under the QR code in groups of four; stored "
                "without hyphens.",
                max_length=32,
                unique=True,
            ),
        ),
        migrations.RunPython(give_readable_codes, restore_legacy_codes),
    ]
