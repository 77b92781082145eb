"""After `load_demo` nothing stored is stale: the demo runs today's scheduled jobs, so
no competence's stored status disagrees with the status rule and a plan says what the
passport says (an expired competence's item is open again; an expiring one's is done
or back as its revalidation). The demo's own e-mails stay out of the terminal."""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from demo import scheduled
from demo.management.commands.load_demo import demo_emails_kept
from passport.competences.status import HELD, Status, competence_status
from passport.models import Competence, TrainingPlanItem
from passport.plans.status import ItemStatus, item_status

CONSOLE = "django.core.mail.backends.console.EmailBackend"


def test_each_scheduled_job_is_run_by_the_demo_or_changes_nothing_it_shows():
    run = {job.name for job in scheduled.JOBS}
    assert run | set(scheduled.NOT_NEEDED) == scheduled.scheduled_task_names()
    assert not run & set(scheduled.NOT_NEEDED)


def test_the_demos_emails_are_kept_out_of_the_terminal(settings, capsys, mailoutbox):
    settings.EMAIL_BACKEND = CONSOLE
    with demo_emails_kept() as kept:
        mail.send_mail("Demo notification", "Body", None, ["trainee@academy.example"])
    mail.send_mail("After the demo", "Body", None, ["someone@academy.example"])

    assert [message.subject for message in kept] == ["Demo notification"]
    printed = capsys.readouterr().out
    assert "Demo notification" not in printed
    assert "After the demo" in printed  # the console backend is back
    assert mailoutbox == []  # and the test's own outbox untouched


@pytest.mark.django_db
def test_after_load_demo_nothing_stored_is_stale_and_no_email_is_printed(
    settings, private_storage, mailoutbox
):
    settings.DEBUG = True
    output = io.StringIO()
    call_command("load_demo", stdout=output)

    summary = re.search(r"^(\d+) demo e-mails not sent\.$", output.getvalue(), re.M)
    assert summary is not None
    assert int(summary[1]) > 0
    assert "Scheduled jobs run for today" in output.getvalue()
    assert mailoutbox == []

    today = timezone.localdate()
    stale = [
        (competence.holder.email, competence.competency.code, competence.status)
        for competence in Competence.objects.select_related("holder", "competency")
        if competence.status
        != competence_status(
            competence.status, expires_on=competence.expires_on, today=today
        )
    ]
    assert stale == []

    held = {
        (competence.holder_id, competence.competency_id): competence_status(
            competence.status, expires_on=competence.expires_on, today=today
        )
        for competence in Competence.objects.all()
    }
    disagree = []
    for item in TrainingPlanItem.objects.select_related("plan", "competency"):
        status = held.get((item.plan.trainee_id, item.competency_id))
        if status is None:
            continue
        complete = (
            item_status(
                due_on=item.due_on,
                started_at=item.started_at,
                completed_at=item.completed_at,
                today=today,
            )
            == ItemStatus.COMPLETE
        )
        if status == Status.EXPIRING:
            # Held, with its revalidation back in the plan once it is marked expiring.
            agrees = complete or item.is_revalidation
        else:
            agrees = complete == (status in HELD)
        if not agrees:
            disagree.append((item.plan.trainee.email, item.competency.code, status))
    assert disagree == []
