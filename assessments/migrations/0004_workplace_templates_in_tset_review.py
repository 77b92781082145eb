"""Workplace assessment checklists go through the "TSET review" workflow; TSET editors
author them, moderators publish them, and both may view the signed records."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW_NAME = "TSET review"
EDITOR = [
    "add_workplaceassessmenttemplate",
    "change_workplaceassessmenttemplate",
    "view_workplaceassessmenttemplate",
    "view_workplaceassessment",
]
MODERATOR = [*EDITOR, "publish_workplaceassessmenttemplate"]


def permission(apps, codename):
    """The permission, creating Wagtail's publish permission ahead of post_migrate."""
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    found = Permission.objects.filter(
        content_type__app_label="assessments", codename=codename
    ).first()
    if found:
        return found
    action, model = codename.split("_", 1)
    content_type, _ = ContentType.objects.get_or_create(
        app_label="assessments", model=model
    )
    return Permission.objects.create(
        content_type=content_type, codename=codename, name=f"Can {action} {model}"
    )


def attach_review_and_grant(apps, schema_editor):
    app_config = apps.get_app_config("assessments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    template_type, _ = ContentType.objects.get_or_create(
        app_label="assessments", model="workplaceassessmenttemplate"
    )
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowContentType.objects.get_or_create(
            content_type=template_type, defaults={"workflow": workflow}
        )
    for role, codenames in (("TSET editor", EDITOR), ("TSET moderator", MODERATOR)):
        group = Group.objects.get(name=role)
        group.permissions.add(*(permission(apps, codename) for codename in codenames))


def detach_and_revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(
        content_type__app_label="assessments",
        content_type__model="workplaceassessmenttemplate",
    ).delete()
    for role in ("TSET editor", "TSET moderator"):
        Group.objects.get(name=role).permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="assessments",
                codename__in=MODERATOR,
            )
        )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0003_workplace_assessments")]

    operations = [migrations.RunPython(attach_review_and_grant, detach_and_revoke)]
