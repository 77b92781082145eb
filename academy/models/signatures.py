"""Electronic signatures: who signed which record, meaning what, over which content."""

from django.conf import settings
from django.db import models


class SignatureMeaning(models.TextChoices):
    ASSESSED_COMPETENT = "assessed_competent", "Assessed as competent"
    ASSESSED_NOT_YET_COMPETENT = "not_yet_competent", "Assessed as not yet competent"
    COUNTERSIGNED = "countersigned", "Countersigned: I confirm this assessment"
    RESULT_RECORDED = "result_recorded", "I recorded this result and it is accurate"
    COMPETENCE_AWARDED = "competence_awarded", "Competence awarded"
    COMPETENCE_SUSPENDED = "competence_suspended", "Competence suspended"
    COMPETENCE_REVOKED = "competence_revoked", "Competence revoked"
    CORRECTION = "correction", "Correction of an earlier signed record"
    AUDIT_TRAIL_REVIEWED = (
        "audit_trail_reviewed",
        "I have reviewed the audit trail for this period",
    )
    PROGRESS_REVIEW_AGREED = (
        "progress_review_agreed",
        "I agree this apprenticeship progress review",
    )


class ElectronicSignature(models.Model):
    """A signature bound to the SHA-256 of the signed record's canonical content.

    Stores the signer's printed name, role and organisation as they were at signing,
    so the record stays attributable if the person later changes job. Never updated
    or deleted: database triggers refuse it.
    """

    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    printed_name = models.CharField(max_length=150)
    role = models.CharField(max_length=150)
    organisation_name = models.CharField(max_length=200, blank=True)
    signed_at = models.DateTimeField()
    meaning = models.CharField(max_length=30, choices=SignatureMeaning.choices)
    record_type = models.CharField(max_length=100)
    record_id = models.CharField(max_length=64)
    content_hash = models.CharField(max_length=64)
    signature_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["signed_at", "id"]
        indexes = [models.Index(fields=["record_type", "record_id"])]

    def __str__(self) -> str:
        return f"{self.printed_name}, {self.get_meaning_display()}, {self.signed_at:%Y-%m-%d %H:%M}"
