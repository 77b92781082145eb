"""Demo notifications: the earlier steps' services told people as they acted; this
step runs today's due-soon scan of training plans and marks all but the newest three
of the demo trainee's and trainer's notifications read, so each notification centre
shows read and unread ones and the header an unread count."""

from django.db import transaction
from django.utils import timezone

from academy.models import User
from notifications.models import Notification
from passport.plans.services import notify_plan_items_due_soon

PEOPLE = ("trainee@academy.example", "trainer@academy.example")
LEFT_UNREAD = 3


@transaction.atomic
def load() -> str:
    due_soon = notify_plan_items_due_soon()
    now = timezone.now()
    for person in User.objects.filter(email__in=PEOPLE):
        newest = Notification.objects.filter(recipient=person).values_list(
            "pk", flat=True
        )[:LEFT_UNREAD]
        Notification.objects.filter(recipient=person, read_at=None).exclude(
            pk__in=list(newest)
        ).update(read_at=now)
    unread = Notification.objects.filter(
        recipient__email__in=PEOPLE, read_at=None
    ).count()
    return (
        f"Notifications: {due_soon} plan items due soon; {unread} unread for the "
        "demo trainee and trainer."
    )
