"""The home page, the site, and the "TSET review" workflow that moderates content."""

from django.db import migrations

WORKFLOW_NAME = "TSET review"


def create_home_and_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    HomePage = apps.get_model("academy", "HomePage")

    Page.objects.filter(
        content_type__app_label="wagtailcore", content_type__model="page", depth=2
    ).delete()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="academy")
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="Technical Services Skills Academy",
        draft_title="Technical Services Skills Academy",
        slug="home",
        content_type=home_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        locale_id=root.locale_id,
        introduction=(
            "<p>Learn, be assessed and hold a portable record of your competence, "
            "aligned to the national framework for pharmacy technical services.</p>"
        ),
    )
    root.numchild = 1
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True,
        site_name="Technical Services Skills Academy",
    )

    editors = Group.objects.get(name="TSET editor")
    moderators = Group.objects.get(name="TSET moderator")
    page_permission = {
        codename: Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        for codename in ("add_page", "change_page", "publish_page", "view_page")
    }
    for group, codenames in (
        (editors, ["add_page", "change_page", "view_page"]),
        (moderators, ["add_page", "change_page", "publish_page", "view_page"]),
    ):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission=page_permission[codename]
            )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(
        name="TSET moderator approval", content_type=task_type, active=True
    )
    task.groups.add(moderators)
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=home)
    competency_type, _ = ContentType.objects.get_or_create(
        app_label="academy", model="competency"
    )
    WorkflowContentType.objects.create(workflow=workflow, content_type=competency_type)


class Migration(migrations.Migration):
    dependencies = [
        ("academy", "0004_audit_events_append_only"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_home_and_workflow, migrations.RunPython.noop)
    ]
