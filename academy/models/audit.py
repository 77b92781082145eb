"""The append-only, hash-chained audit trail (the rules are in `academy.audit_chain`)."""

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """One thing that happened, chained to the event before it by an HMAC-SHA256
    under the audit trail's key (plain SHA-256 for events from before it had one).

    Never updated or deleted: database triggers refuse it and no view, form, admin
    or API offers it.
    """

    GENESIS_HASH = "0" * 64

    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=60, db_index=True)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=255, blank=True)
    details = models.JSONField(default=dict, blank=True)
    previous_hash = models.CharField(max_length=64, unique=True)
    hash = models.CharField(max_length=64, unique=True)
    # Which key hashed the event: a fingerprint of it, never the key. Empty for the
    # events hashed with plain SHA-256 before the audit trail had a key.
    key_id = models.CharField(max_length=16, blank=True, default="")

    # A record, not content: Wagtail's reference index (admin "Usage") skips it.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M:%S} {self.action} {self.object_repr}"
