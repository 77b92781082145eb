"""The daily beat entry runs the reminder task by the name a worker registers."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from academy.celery import app as celery_app
from notifications.models import Notification
from revalidation.services import start_revalidation_year


def test_the_beat_entry_names_the_reminder_task_which_reminds(registrant):
    today = timezone.localdate()
    start_revalidation_year(
        registrant, renewal_date=today + timedelta(days=7), today=today
    )
    name = settings.CELERY_BEAT_SCHEDULE["revalidation-reminders-daily"]["task"]
    celery_app.loader.import_default_modules()  # what a worker does as it starts
    task = celery_app.tasks[name]
    assert task.apply().get() == 1
    assert Notification.objects.filter(recipient=registrant).count() == 1
