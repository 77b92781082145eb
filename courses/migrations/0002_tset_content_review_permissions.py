"""What TSET editors and moderators may do with the content-review records."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = [
    "view_auditfinding",
    "view_reviewrequest",
    "view_trainingimpactingchange",
]
MODERATOR = [
    *EDITOR,
    "add_auditfinding",
    "change_auditfinding",
    "change_reviewrequest",
    "add_trainingimpactingchange",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("courses")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in (("TSET editor", EDITOR), ("TSET moderator", MODERATOR)):
        group = Group.objects.get(name=role)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="courses", codename__in=codenames
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in ("TSET editor", "TSET moderator"):
        Group.objects.get(name=role).permissions.remove(
            *Permission.objects.filter(content_type__app_label="courses")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_elearning_pages_and_records"),
        ("academy", "0003_create_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
