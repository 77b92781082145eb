"""Background work of knowledge assessments."""

from celery import shared_task

from assessments.knowledge.services import close_overdue_attempts


@shared_task(name="assessments.tasks.close_overdue_attempts")
def close_overdue_attempts_task() -> int:
    """Every few minutes: close and mark attempts left open past their deadline."""
    return close_overdue_attempts()
