"""Background work of the passport app."""

from celery import shared_task

from passport.services import notify_overdue_plan_items


@shared_task(name="passport.tasks.notify_overdue_plan_items")
def send_overdue_plan_notices() -> int:
    """Daily: notify trainees and their trainers of overdue plan items, once each."""
    return notify_overdue_plan_items()
