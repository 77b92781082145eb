"""API tokens move from Django REST framework's plain-text keys to django-rest-knox,
which keeps only a SHA-512 digest. Keys already issued keep working: each is hashed
into a knox token that stops working a year from now, and the plain-text table is
dropped."""

import hashlib
from datetime import UTC, timedelta

from django.db import migrations
from django.utils import timezone

DRF_TOKEN_TABLE = "authtoken_token"
KNOX_KEY_LENGTH = 15


def carry_over_plain_text_keys(apps, schema_editor):
    connection = schema_editor.connection
    if DRF_TOKEN_TABLE not in connection.introspection.table_names():
        return
    ApiToken = apps.get_model("knox", "AuthToken")
    expiry = timezone.now() + timedelta(days=365)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, user_id, created FROM {DRF_TOKEN_TABLE}")  # noqa: S608
        rows = cursor.fetchall()
    for key, user_id, created in rows:
        digest = hashlib.sha512(key.encode()).hexdigest()
        ApiToken(
            digest=digest, token_key=key[:KNOX_KEY_LENGTH], user_id=user_id, expiry=expiry
        ).save(force_insert=True)
        # `created` is set on insert; keep the date the key was first issued.
        if timezone.is_naive(created):  # a column without its time zone holds UTC
            created = timezone.make_aware(created, UTC)
        ApiToken.objects.filter(digest=digest).update(created=created)
    schema_editor.execute(f"DROP TABLE {DRF_TOKEN_TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("passport", "0007_share_links"),
        ("knox", "0009_extend_authtoken_field"),
    ]

    operations = [
        migrations.CreateModel(
            name="ApiToken",
            fields=[],
            options={"verbose_name": "API token", "proxy": True, "indexes": [], "constraints": []},
            bases=("knox.authtoken",),
        ),
        migrations.RunPython(carry_over_plain_text_keys, migrations.RunPython.noop),
    ]
