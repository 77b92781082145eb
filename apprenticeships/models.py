"""Apprenticeships: the standard (a programme) with its knowledge, skills and
behaviours mapped to framework competencies, each apprentice's apprenticeship, the
off-the-job training log and the signed progress reviews."""

from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable


class ApprenticeshipStandard(ClusterableModel):
    """An apprenticeship standard at one version, e.g. ST1406 v1.1, aseptic option.

    `otj_minimum_hours` is the off-the-job minimum for the whole programme that
    applies to apprentices starting on or after 1 August 2025; earlier starts keep
    the weekly rule (`apprenticeships.rules.RULE_SETS`)."""

    code = models.CharField(max_length=10, help_text="For example ST1406.")
    version = models.CharField(max_length=10, help_text="For example 1.1.")
    title = models.CharField(max_length=200)
    option = models.CharField(
        max_length=100, blank=True, help_text="For example Aseptic (optional)."
    )
    level = models.PositiveSmallIntegerField(default=3)
    otj_minimum_hours = models.PositiveIntegerField(
        "off-the-job minimum (hours)",
        help_text="The minimum off-the-job training hours for the whole programme, "
        "for apprentices starting on or after 1 August 2025.",
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("version"),
        FieldPanel("title"),
        FieldPanel("option"),
        FieldPanel("level"),
        FieldPanel("otj_minimum_hours"),
        InlinePanel("ksbs", label="Knowledge, skills and behaviours"),
    ]

    class Meta:
        ordering = ["code", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "version", "option"], name="unique_standard_version"
            )
        ]

    def __str__(self) -> str:
        option = f", {self.option.lower()} option" if self.option else ""
        return f"{self.code} v{self.version} {self.title}{option}"


class KSBKind(models.TextChoices):
    KNOWLEDGE = "K", "Knowledge"
    SKILL = "S", "Skill"
    BEHAVIOUR = "B", "Behaviour"


class StandardKSB(Orderable, ClusterableModel):
    """One knowledge, skill or behaviour of a standard, and the framework
    competencies whose current competences show it."""

    standard = ParentalKey(
        ApprenticeshipStandard, on_delete=models.CASCADE, related_name="ksbs"
    )
    code = models.CharField(max_length=10, help_text="For example K1, S3 or B2.")
    kind = models.CharField(max_length=1, choices=KSBKind.choices)
    text = models.TextField()
    competencies = ParentalManyToManyField(
        "academy.Competency", blank=True, related_name="apprenticeship_ksbs"
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("competencies"),
    ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}"


class Apprenticeship(models.Model):
    """One apprentice on one standard, with the people named on it: the employer's
    representative and the training provider's representative sign progress reviews
    with the apprentice."""

    # A record, not content: Wagtail's reference index (admin "Usage") skips it.
    wagtail_reference_index_ignore = True

    apprentice = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="apprenticeships",
    )
    standard = models.ForeignKey(
        ApprenticeshipStandard, on_delete=models.PROTECT, related_name="+"
    )
    employer = models.ForeignKey(
        "academy.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    training_provider = models.CharField(max_length=200)
    employer_representative = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    provider_representative = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    start_date = models.DateField()
    planned_end_date = models.DateField()
    gateway_date = models.DateField("end-point assessment gateway", null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["apprentice__full_name", "start_date"]

    def __str__(self) -> str:
        return f"{self.apprentice.full_name}: {self.standard.code}"


class OffTheJobEntry(models.Model):
    """One activity in the training log: its day, hours and whether it was off the
    job (only those count towards the minimum). Academy modules completed are counted
    from the enrolment records themselves, not copied here."""

    wagtail_reference_index_ignore = True

    apprenticeship = models.ForeignKey(
        Apprenticeship, on_delete=models.CASCADE, related_name="log_entries"
    )
    activity = models.CharField(max_length=200)
    on_date = models.DateField()
    hours = models.DecimalField(max_digits=4, decimal_places=2)
    off_the_job = models.BooleanField(default=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on_date", "-pk"]

    def __str__(self) -> str:
        return f"{self.on_date}: {self.activity} ({self.hours} hours)"


class ProgressReview(models.Model):
    """A progress review, signed by the apprentice, the employer's representative and
    the provider's representative, each with their re-entered password."""

    wagtail_reference_index_ignore = True

    apprenticeship = models.ForeignKey(
        Apprenticeship, on_delete=models.PROTECT, related_name="reviews"
    )
    held_on = models.DateField()
    progress = models.TextField()
    next_steps = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    apprentice_signature = models.ForeignKey(
        "academy.ElectronicSignature",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    employer_signature = models.ForeignKey(
        "academy.ElectronicSignature",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    provider_signature = models.ForeignKey(
        "academy.ElectronicSignature",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Progress review of {self.held_on}"

    @property
    def fully_signed(self) -> bool:
        return all(
            (
                self.apprentice_signature_id,
                self.employer_signature_id,
                self.provider_signature_id,
            )
        )
