"""The demo runs today's scheduled jobs before its last step, so nothing it stored is
stale: a competence past its last day is expired (and its revalidation back in the
plan) rather than "current" until a night's job runs, one nearing expiry is marked and
warned about, overdue plan items and modules due for review are notified, and attempts
left open past their deadline are closed. The jobs are the beat schedule's own tasks,
run here in this process."""

from django.conf import settings

from assessments.tasks import close_overdue_attempts_task
from courses.tasks import send_review_reminders
from passport.tasks import (
    expire_lapsed_competences,
    send_due_soon_plan_notices,
    send_overdue_plan_notices,
    warn_of_expiring_competences,
)
from revalidation.tasks import remind_revalidation_due
from workforce.tasks import refresh_workforce_summary_task

# The beat schedule's jobs that bring what is stored up to today, in the order a night
# runs them.
JOBS = (
    close_overdue_attempts_task,
    expire_lapsed_competences,
    warn_of_expiring_competences,
    send_overdue_plan_notices,
    send_due_soon_plan_notices,
    send_review_reminders,
    remind_revalidation_due,
    refresh_workforce_summary_task,
)
# The others change nothing a page reads as stale: why the demo leaves them out.
NOT_NEEDED = {
    "academy.tasks.verify_audit_chain": "checks the audit trail; changes nothing",
    "academy.tasks.write_audit_checkpoint": "writes the chain's checkpoint file",
    "assessments.tasks.verify_signed_records": "finds records changed after signing",
    "passport.tasks.render_pending_certificates": "certificates render as awarded",
    "passport.tasks.sweep_passport_feed": "the demo has no national feed",
    "notifications.tasks.send_daily_digests": "e-mail only, for tomorrow morning",
    "notifications.tasks.requeue_unsent_emails": "e-mail only, sent as they happen",
}


def scheduled_task_names() -> set[str]:
    return {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}


def load() -> str:
    done = {job.name: job.apply(throw=True).get() for job in JOBS}
    return (
        "Scheduled jobs run for today: "
        f"{done[expire_lapsed_competences.name]} competences expired, "
        f"{done[warn_of_expiring_competences.name]} expiry warnings, "
        f"{done[send_overdue_plan_notices.name]} overdue plan items, "
        f"{done[send_review_reminders.name]} modules due for review, "
        f"{done[close_overdue_attempts_task.name]} attempts closed, "
        f"{done[remind_revalidation_due.name]} revalidation reminders, "
        f"{done[refresh_workforce_summary_task.name]} workforce dashboard figures."
    )
