"""Process validation results: broth transfer tests, gowning qualifications and
finger-dab sessions, each a signed GxP record that is never edited."""

from django.conf import settings
from django.db import models


class ValidationKind(models.TextChoices):
    BROTH_TRANSFER = "broth_transfer", "Broth transfer validation"
    GOWNING = "gowning", "Gowning qualification"
    FINGER_DAB = "finger_dab", "Finger dabs"


class ProcessValidation(models.Model):
    """One operator's result of one kind of process validation, recorded and signed by
    a trainer who may assess them.

    Broth transfer results keep the kit and lot, the manipulations and the incubation
    dates; gowning results the visual check and each plate's count; finger dabs each
    hand's count. Its `ElectronicSignature` names it by type and id (the record is
    written before it is signed and is never updated). Nobody edits a result: a correction is a new record that names the
    one it corrects and gives the reason, and the corrected one stops counting.
    """

    kind = models.CharField(max_length=20, choices=ValidationKind.choices)
    operator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="process_validations",
    )
    performed_on = models.DateField(help_text="Date of the test or session.")
    passed = models.BooleanField(
        help_text="For finger dabs: no plate above the Grade A limit."
    )
    read_on = models.DateField(help_text="Date the result was read.")
    read_by = models.CharField(
        max_length=150, help_text="Printed name of the person who read the result."
    )
    kit = models.CharField(max_length=100, blank=True)
    lot_number = models.CharField(max_length=50, blank=True)
    manipulations = models.TextField(blank=True)
    incubation_started_on = models.DateField(null=True, blank=True)
    visual_passed = models.BooleanField(null=True, blank=True)
    left_glove_cfu = models.PositiveSmallIntegerField(null=True, blank=True)
    right_glove_cfu = models.PositiveSmallIntegerField(null=True, blank=True)
    gown_cfu = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Highest count of the gown contact plates."
    )
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(help_text="Server time (UTC).")
    corrects = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrected_by",
    )
    correction_reason = models.TextField(blank=True)

    # A record, not content: Wagtail's reference index (admin "Usage") skips it.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["performed_on", "recorded_at", "id"]
        indexes = [models.Index(fields=["operator", "kind", "performed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(corrects__isnull=True)
                | ~models.Q(correction_reason=""),
                name="correction_needs_reason",
            )
        ]

    def __str__(self) -> str:
        outcome = "pass" if self.passed else "fail"
        return (
            f"{self.get_kind_display()} of {self.operator}, "
            f"{self.performed_on:%Y-%m-%d}: {outcome}"
        )

    @property
    def outcome_label(self) -> str:
        if self.kind == ValidationKind.FINGER_DAB:
            return "Within limit" if self.passed else "Excursion"
        return "Pass" if self.passed else "Fail"
