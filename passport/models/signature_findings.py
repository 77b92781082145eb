"""Findings of the nightly re-verification of signed records: a record (or its
signature) that no longer matches what was signed, and the competences it supports,
which are under review until an administrator resolves the finding."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

from academy.models import ElectronicSignature
from passport.models.competences import Competence


class SignatureProblem(models.TextChoices):
    CONTENT_CHANGED = (
        "content_changed",
        "The record no longer matches the content that was signed",
    )
    SIGNATURE_CHANGED = (
        "signature_changed",
        "The signature was altered after it was made",
    )
    NOT_AS_AUDITED = (
        "not_as_audited",
        "The signature differs from the one the audit trail recorded when it was made",
    )
    RECORD_MISSING = (
        "record_missing",
        "The signed record is missing or no longer refers to this signature",
    )
    SIGNATURE_MISSING = (
        "signature_missing",
        "The record is marked signed but has no signature",
    )


class SignatureFinding(models.Model):
    """A signed record found changed after signing, by the nightly check.

    It suspends nothing: the competences the record supports read "under review"
    everywhere while the finding is open, and administrators are told. An
    administrator resolves it with a written reason. `subject` names what was checked
    (a signature, or a record with none), and `observed_hash` the state found, so the
    check never opens a second finding while one is open, nor reopens one an
    administrator resolved unless the record changes again.
    """

    subject = models.CharField(max_length=150)
    problem = models.CharField(max_length=20, choices=SignatureProblem.choices)
    record_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    record_id = models.CharField(max_length=64)
    record_description = models.CharField(max_length=300)
    signature = models.ForeignKey(
        ElectronicSignature,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    observed_hash = models.CharField(
        max_length=64, help_text="SHA-256 of the record and signature as found."
    )
    competences = models.ManyToManyField(
        Competence,
        blank=True,
        related_name="signature_findings",
        help_text="The competences the record supports, under review while open.",
    )
    found_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    resolution_reason = models.TextField(blank=True)

    # A record, not content: Wagtail's reference index (admin "Usage") skips it.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-found_at", "-id"]
        verbose_name = "signature finding"
        constraints = [
            models.UniqueConstraint(
                fields=["subject"],
                condition=models.Q(resolved_at__isnull=True),
                name="one_open_signature_finding_per_subject",
            ),
            models.UniqueConstraint(
                fields=["subject", "observed_hash"],
                name="one_signature_finding_per_state_found",
            ),
            models.CheckConstraint(
                condition=models.Q(resolved_at__isnull=True)
                | (
                    models.Q(resolved_by__isnull=False)
                    & ~models.Q(resolution_reason="")
                ),
                name="signature_finding_resolved_with_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.record_description}: {self.get_problem_display().lower()}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
