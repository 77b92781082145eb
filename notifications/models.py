"""A person's notifications and how they want to hear of each kind."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from notifications.kinds import OPTIONAL, Delivery, EmailState, Kind


class Notification(models.Model):
    """One thing a person is told about, once per event: shown in their notification
    centre and e-mailed as it happens or in the daily digest."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(max_length=40, choices=Kind.choices)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    link = models.CharField(
        max_length=500, blank=True, help_text="The page where the person acts."
    )
    event_key = models.CharField(
        max_length=200,
        help_text="Names the event, so that a person is told of it once.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)
    email_state = models.CharField(
        max_length=10, choices=EmailState.choices, default=EmailState.WAITING
    )
    email_claimed_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event_key"],
                name="one_notification_per_event_per_person",
            ),
        ]
        indexes = [
            models.Index(
                fields=["recipient", "read_at"], name="notification_unread_idx"
            ),
            models.Index(
                fields=["recipient", "-created_at"], name="notification_newest_idx"
            ),
            models.Index(
                fields=["email_state", "delivery"], name="notification_email_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """How a person wants to hear of one optional kind of notification."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(
        max_length=40, choices=[(k.value, k.label) for k in OPTIONAL]
    )
    delivery = models.CharField(max_length=10, choices=Delivery.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind"], name="one_preference_per_kind_per_person"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.person}: {self.get_kind_display()} - {self.get_delivery_display()}"
        )
