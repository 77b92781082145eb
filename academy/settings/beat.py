"""The beat schedule: every periodic job, its task name and when it runs (UK time).
Imported by the base settings."""

from celery.schedules import crontab

CELERY_BEAT_SCHEDULE = {
    "verify-audit-chain-nightly": {
        "task": "academy.tasks.verify_audit_chain",
        "schedule": crontab(hour=2, minute=15),
    },
    "audit-checkpoint-hourly": {
        "task": "academy.tasks.write_audit_checkpoint",
        "schedule": crontab(minute=5),
    },
    "verify-signed-records-nightly": {
        "task": "assessments.tasks.verify_signed_records",
        "schedule": crontab(hour=2, minute=45),
    },
    "courses-review-reminders-daily": {
        "task": "courses.tasks.send_review_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "notify-overdue-plan-items-daily": {
        "task": "passport.tasks.notify_overdue_plan_items",
        "schedule": crontab(hour=7, minute=0),
    },
    "notify-plan-items-due-soon-daily": {
        "task": "passport.tasks.notify_plan_items_due_soon",
        "schedule": crontab(hour=7, minute=0),
    },
    "passport-expire-competences-daily": {
        "task": "passport.tasks.expire_competences",
        "schedule": crontab(hour=0, minute=30),
    },
    "passport-warn-expiring-competences-daily": {
        "task": "passport.tasks.mark_expiring_competences",
        "schedule": crontab(hour=6, minute=30),
    },
    "passport-render-pending-certificates": {
        "task": "passport.tasks.render_pending_certificates",
        "schedule": crontab(minute="*/10"),
    },
    "passport-feed-sweep": {
        "task": "passport.tasks.sweep_passport_feed",
        "schedule": crontab(minute="*/15"),
    },
    "notifications-daily-digest": {
        "task": "notifications.tasks.send_daily_digests",
        "schedule": crontab(hour=7, minute=30),
    },
    "notifications-sweep-unsent-emails": {
        "task": "notifications.tasks.requeue_unsent_emails",
        "schedule": crontab(minute="*/15"),
    },
    "revalidation-reminders-daily": {
        "task": "revalidation.tasks.send_revalidation_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "close-overdue-assessment-attempts": {
        "task": "assessments.tasks.close_overdue_attempts",
        "schedule": crontab(minute="*/5"),
    },
    "workforce-refresh-summary-nightly": {
        "task": "workforce.tasks.refresh_workforce_summary",
        "schedule": crontab(hour=3, minute=30),
    },
}
