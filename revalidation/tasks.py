"""Background work of the revalidation portfolio."""

from celery import shared_task
from django.utils import timezone

from revalidation.services import send_revalidation_reminders


@shared_task(name="revalidation.tasks.send_revalidation_reminders")
def remind_revalidation_due() -> int:
    """Daily: remind registrants 60, 30 and 7 days before their records are due."""
    return send_revalidation_reminders(today=timezone.localdate())
