"""The Academy's roles, as groups, with what each may do in the Wagtail admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ["Trainee", "Trainer", "Mentor", "Training lead", "TSET editor", "TSET moderator"]

EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("academy", "add_competency"),
    ("academy", "change_competency"),
    ("academy", "view_competency"),
    ("academy", "view_specialistarea"),
]
# Images and documents are permitted per collection in Wagtail.
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
MODERATOR_PERMISSIONS = [*EDITOR_PERMISSIONS, ("academy", "publish_competency")]


def ensure_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permission(apps, app_label, codename):
    """The permission, creating Wagtail's snippet publish permission ahead of post_migrate."""
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    found = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if found:
        return found
    action, model = codename.split("_", 1)
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.create(
        content_type=content_type, codename=codename, name=f"Can {action} {model}"
    )


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = apps.get_model("wagtailcore", "Collection").objects.get(depth=1)
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    for role, wanted in (
        ("TSET editor", EDITOR_PERMISSIONS),
        ("TSET moderator", MODERATOR_PERMISSIONS),
    ):
        group = Group.objects.get(name=role)
        for app_label, codename in wanted:
            group.permissions.add(permission(apps, app_label, codename))
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=permission(apps, app_label, codename),
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("academy", "0002_competency_and_home_page"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
