"""What a person sees of their notifications."""

from django.db.models import QuerySet

from academy.models import User
from notifications.kinds import OPTIONAL, delivery_for
from notifications.models import Notification, NotificationPreference


def unread_count(person: User) -> int:
    """How many of the person's notifications are unread: one query."""
    if not person.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=person, read_at=None).count()


def notifications_for(person: User) -> QuerySet[Notification]:
    """The person's own notifications, newest first."""
    return Notification.objects.filter(recipient=person).order_by("-created_at", "-id")


def deliveries_of(person: User) -> dict[str, str]:
    """How the person hears of each optional kind (each time, until they choose)."""
    chosen = dict(
        NotificationPreference.objects.filter(person=person).values_list(
            "kind", "delivery"
        )
    )
    return {kind: delivery_for(kind, chosen=chosen.get(kind)) for kind in OPTIONAL}
