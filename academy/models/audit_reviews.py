"""Audit-trail reviews: an administrator's signed record that they reviewed the audit
trail over a period (EU GMP Annex 11 §9, 21 CFR 11.10(e))."""

from django.conf import settings
from django.db import models


class AuditTrailReviewOutcome(models.TextChoices):
    NO_ISSUES = "no_issues", "No issues found"
    ISSUES_FOUND = "issues_found", "Issues found"


class AuditTrailReview(models.Model):
    """Who reviewed the audit trail, when, over which days, with what outcome, and
    what the chain's verification said at the time; signed by the reviewer.

    A GxP record: never updated or deleted (database triggers refuse it). A later
    review that disagrees is a new review.
    """

    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField()
    covered_from = models.DateField()
    covered_to = models.DateField()
    outcome = models.CharField(max_length=20, choices=AuditTrailReviewOutcome.choices)
    comments = models.TextField(blank=True)
    # What the reviewer saw: the events the period held, and the chain's check.
    events_in_period = models.PositiveIntegerField()
    chain_verified = models.BooleanField()
    chain_report = models.TextField()

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-reviewed_at", "-id"]

    def __str__(self) -> str:
        start, end = self.covered_from, self.covered_to
        return (
            f"Audit trail review, {start.day} {start:%b %Y} to {end.day} {end:%b %Y}: "
            f"{self.get_outcome_display()}"
        )
