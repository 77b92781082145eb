"""What a person holds: a competence of the framework, and its append-only history."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from academy.models import Competency, ElectronicSignature
from passport.competences.status import HELD, LAPSING, StatusWords, status_words


class CompetenceStatus(models.TextChoices):
    CURRENT = "current", "Valid"
    EXPIRING = "expiring", "Expiring soon"
    EXPIRED = "expired", "Expired"
    SUSPENDED = "suspended", "Suspended"
    REVOKED = "revoked", "Revoked"


class Competence(models.Model):
    """A person's competence in one competency: its current state.

    Services change the state; every change is also written as a `CompetenceEvent`,
    which is never edited or deleted, so the history stays provable.
    """

    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="competences"
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.PROTECT, related_name="competences"
    )
    status = models.CharField(
        max_length=10,
        choices=CompetenceStatus.choices,
        default=CompetenceStatus.CURRENT,
    )
    first_achieved_on = models.DateField()
    achieved_on = models.DateField(help_text="Date of the latest award or renewal.")
    expires_on = models.DateField(
        null=True,
        blank=True,
        help_text="Last day it is current; empty if it never lapses.",
    )
    evidence = models.JSONField(
        default=dict,
        help_text="Summary of what met the requirements at the latest award.",
    )
    updated_at = models.DateTimeField()
    under_review = models.BooleanField(
        default=False,
        help_text="A signed record it rests on changed after signing and an "
        "administrator has not yet resolved the finding. Nothing is suspended.",
    )

    # A record, not content: Wagtail's reference index (admin "Usage") skips it.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["competency__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["holder", "competency"], name="one_competence_per_competency"
            )
        ]
        indexes = [models.Index(fields=["status", "expires_on"])]

    def __str__(self) -> str:
        return f"{self.competency.code} held by {self.holder}"

    @property
    def status_words(self) -> StatusWords:
        """Its status today, in the words every surface uses."""
        return status_words(
            self.status,
            expires_on=self.expires_on,
            today=timezone.localdate(),
            under_review=self.under_review,
        )

    @property
    def is_valid(self) -> bool:
        """Valid or expiring soon today, so it may be relied on."""
        return self.status_words.status in LAPSING

    @property
    def is_held(self) -> bool:
        """Valid, expiring soon or under review today: held, so a failed validation
        or a withdrawn record still suspends it."""
        return self.status_words.status in HELD


class CompetenceEventKind(models.TextChoices):
    AWARDED = "awarded", "Awarded"
    RENEWED = "renewed", "Renewed"
    SUSPENDED = "suspended", "Suspended"
    REVOKED = "revoked", "Revoked"
    EXPIRING = "expiring", "Marked as expiring"
    EXPIRED = "expired", "Expired"


AWARD_KINDS = (CompetenceEventKind.AWARDED, CompetenceEventKind.RENEWED)


class CompetenceEvent(models.Model):
    """One change to a competence: an award, renewal, suspension, revocation or
    expiry, with who made it, why, and the signature where a person decided it.

    Append-only: corrections are new events.
    """

    competence = models.ForeignKey(
        Competence, on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField(max_length=10, choices=CompetenceEventKind.choices)
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty when the system made the change (for example, expiry).",
    )
    reason = models.TextField(blank=True)
    status_after = models.CharField(max_length=10, choices=CompetenceStatus.choices)
    achieved_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True)
    evidence = models.JSONField(default=dict, blank=True)
    signature = models.ForeignKey(
        ElectronicSignature,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["occurred_at", "id"]
        indexes = [models.Index(fields=["kind", "occurred_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.competence}"

    @property
    def is_award(self) -> bool:
        return self.kind in AWARD_KINDS
