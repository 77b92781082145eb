"""Background work of notifications: e-mails, the daily digest and the sweep."""

from celery import shared_task

from notifications.services import (
    requeue_unsent_emails,
    send_daily_digests,
)
from notifications.services import (
    send_notification_email as send_email,
)


@shared_task(
    name="notifications.tasks.send_notification_email",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_notification_email(notification_id: int) -> bool:
    """E-mail one notification; a repeated run finds it sent and sends nothing."""
    return send_email(notification_id=notification_id)


@shared_task(name="notifications.tasks.send_daily_digests")
def send_notification_digests() -> int:
    """Daily: each person's digest of the notifications they chose to hear of daily."""
    return send_daily_digests()


@shared_task(name="notifications.tasks.requeue_unsent_emails")
def sweep_unsent_notification_emails() -> int:
    """Every 15 minutes: queue again e-mails that are still not sent."""
    return requeue_unsent_emails()
