"""Background work of the e-learning: content review reminders."""

from celery import shared_task

from courses.services import remind_moderators_of_due_reviews


@shared_task
def send_review_reminders() -> int:
    """Daily: e-mail moderators about modules due for review within 30 days."""
    return remind_moderators_of_due_reviews()
