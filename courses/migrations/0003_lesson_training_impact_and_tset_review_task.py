"""Lessons carry the training impact of each change (whether it affects practice and
what changed), and the "TSET review" workflow's moderator step becomes a TSET review
task, which asks it of a lesson on approval. The group approval task it replaces is
kept, inactive, for its history; reviews in progress move to the new task."""

import django.db.models.deletion
from django.db import migrations, models

WORKFLOW_NAME = "TSET review"
IN_PROGRESS = "in_progress"


def use_tset_review_task(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("wagtailcore", "Task")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    TSETReviewTask = apps.get_model("courses", "TSETReviewTask")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        return
    task_type, _ = ContentType.objects.get_or_create(
        app_label="courses", model="tsetreviewtask"
    )
    for step in WorkflowTask.objects.filter(workflow=workflow):
        old = GroupApprovalTask.objects.filter(pk=step.task_id).first()
        if old is None:
            continue
        new = TSETReviewTask.objects.create(
            name=old.name, content_type=task_type, active=True
        )
        new.groups.set(old.groups.all())
        step.task_id = new.pk
        step.save(update_fields=["task"])
        TaskState.objects.filter(task_id=old.pk, status=IN_PROGRESS).update(
            task_id=new.pk
        )
        Task.objects.filter(pk=old.pk).update(active=False)


def use_group_approval_task(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("wagtailcore", "Task")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    TSETReviewTask = apps.get_model("courses", "TSETReviewTask")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        return
    for step in WorkflowTask.objects.filter(workflow=workflow):
        new = TSETReviewTask.objects.filter(pk=step.task_id).first()
        if new is None:
            continue
        old = (
            GroupApprovalTask.objects.filter(name=new.name, active=False)
            .order_by("-pk")
            .first()
        )
        if old is None:
            continue
        Task.objects.filter(pk=old.pk).update(active=True)
        step.task_id = old.pk
        step.save(update_fields=["task"])
        TaskState.objects.filter(task_id=new.pk).update(task_id=old.pk)
        Task.objects.filter(pk=new.pk).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('courses', '0002_tset_content_review_permissions'),
        ('wagtailcore', '0098_apitoken'),
        ('academy', '0005_home_page_and_tset_review'),
    ]

    operations = [
        migrations.AddField(
            model_name='lessonpage',
            name='changes_practice',
            field=models.BooleanField(default=False, help_text='People who completed the lesson before this change must read it again; they see what changed in practice.', verbose_name='this change affects practice'),
        ),
        migrations.AddField(
            model_name='lessonpage',
            name='practice_change_summary',
            field=models.TextField(blank=True, help_text="One or two sentences for trainees, e.g. 'Wipe each vial septum with a new sterile wipe for 30 seconds.'", verbose_name='what changed in practice'),
        ),
        migrations.CreateModel(
            name='TSETReviewTask',
            fields=[
                ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
            ],
            options={
                'verbose_name': 'TSET review task',
                'verbose_name_plural': 'TSET review tasks',
            },
            bases=('wagtailcore.task',),
        ),
        migrations.RunPython(use_tset_review_task, use_group_approval_task),
    ]
