"""The national passport feed: an outbox of competence changes to deliver."""

import uuid

from django.db import models

from passport.models.competences import CompetenceEvent


class FeedDeliveryStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be delivered"
    DELIVERED = "delivered", "Delivered"


class FeedEvent(models.Model):
    """One award, renewal, suspension, revocation or expiry, queued for the national
    passport in the same transaction as the change itself.

    Its `uuid` is the idempotency key the receiver sees on every attempt, so a
    repeated delivery can never count twice. The payload carries no patient data:
    no evidence and no free-text reasons.
    """

    uuid = models.UUIDField("idempotency key", default=uuid.uuid4, unique=True)
    event_type = models.CharField(max_length=40)
    competence_event = models.OneToOneField(
        CompetenceEvent, on_delete=models.PROTECT, related_name="feed_event"
    )
    payload = models.JSONField()
    created_at = models.DateTimeField()
    status = models.CharField(
        max_length=10,
        choices=FeedDeliveryStatus.choices,
        default=FeedDeliveryStatus.PENDING,
    )
    attempts = models.PositiveIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.event_type} {self.uuid}"
