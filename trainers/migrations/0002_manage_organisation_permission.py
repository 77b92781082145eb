"""The object permission a training lead holds on their organisation.

Organisation belongs to the academy app, so its permission is created here, by the app
that grants it."""

from django.db import migrations


def create_permission(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="academy", model="organisation"
    )
    Permission.objects.get_or_create(
        content_type=content_type,
        codename="manage_organisation",
        defaults={"name": "May manage training in this organisation"},
    )


def remove_permission(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="academy", codename="manage_organisation"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0001_network_accreditation_supervision_mentorship"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_permission, remove_permission)]
