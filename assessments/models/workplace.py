"""Workplace assessments: checklist templates TSET authors, and the signed records
assessors make when they observe a trainee against them."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)


class WorkplaceAssessmentTemplate(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel
):
    """The checklist an assessor observes a competency against, moderated by TSET."""

    competency = models.OneToOneField(
        "academy.Competency",
        on_delete=models.PROTECT,
        related_name="workplace_template",
    )
    introduction = models.TextField(
        blank=True,
        help_text="What the trainee is observed doing, in a sentence or two.",
    )
    evidence_required = models.TextField(
        help_text="The evidence the trainee uploads before asking for sign-off."
    )
    countersign_required = models.BooleanField(
        "countersignature required",
        default=False,
        help_text="A second accredited assessor must countersign a competent outcome.",
    )
    _revisions = GenericRelation(
        "wagtailcore.Revision", related_query_name="workplace_template"
    )
    _workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="workplace_template",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("competency"),
        FieldPanel("introduction"),
        InlinePanel("criteria", heading="Checklist criteria", label="Criterion"),
        FieldPanel("evidence_required"),
        FieldPanel("countersign_required"),
    ]

    class Meta:
        ordering = ["competency__code"]
        verbose_name = "workplace assessment checklist"

    def __str__(self) -> str:
        return f"Workplace assessment: {self.competency}"


class TemplateCriterion(Orderable):
    """One thing the assessor must see, with guidance on what good looks like."""

    template = ParentalKey(
        WorkplaceAssessmentTemplate, on_delete=models.CASCADE, related_name="criteria"
    )
    text = models.CharField("criterion", max_length=500)
    guidance = models.TextField(
        "guidance for the assessor",
        blank=True,
        help_text="What to look for, and what would mean the criterion is not met.",
    )

    panels = [FieldPanel("text"), FieldPanel("guidance")]

    def __str__(self) -> str:
        return self.text


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", "Collecting evidence"
    REQUESTED = "requested", "Waiting for sign-off"
    AWAITING_COUNTERSIGN = "awaiting_countersign", "Waiting for countersignature"
    COMPLETE = "complete", "Signed"


SIGNED_STATUSES = (AssessmentStatus.AWAITING_COUNTERSIGN, AssessmentStatus.COMPLETE)


class Outcome(models.TextChoices):
    COMPETENT = "competent", "Competent"
    NOT_YET_COMPETENT = "not_yet_competent", "Not yet competent"


class WorkplaceAssessment(models.Model):
    """A trainee's workplace assessment of one competency: a GxP record once signed.

    The checklist is copied from the published template when it starts, so a later
    edit of the template never changes it; after signing nothing changes, and a
    correction is a new record referring to this one.
    """

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="workplace_assessments",
    )
    competency = models.ForeignKey(
        "academy.Competency", on_delete=models.PROTECT, related_name="+"
    )
    template = models.ForeignKey(
        WorkplaceAssessmentTemplate, on_delete=models.PROTECT, related_name="+"
    )
    evidence_required = models.TextField(blank=True)
    countersign_required = models.BooleanField(default=False)
    status = models.CharField(
        max_length=24, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    reflection = models.TextField(blank=True)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The assessor asked to sign off.",
    )
    created_at = models.DateTimeField()
    requested_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    action_plan = models.TextField(blank=True)
    competent_override_reason = models.TextField(
        blank=True,
        help_text="Why the assessor found the trainee competent although a criterion "
        "was not met; part of what they signed.",
    )
    signature = models.OneToOneField(
        "academy.ElectronicSignature",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    countersignature = models.OneToOneField(
        "academy.ElectronicSignature",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    corrects = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrected_by",
        help_text="The signed record this one corrects.",
    )
    correction_reason = models.TextField(blank=True)

    # A record, not content: Wagtail's reference index (admin "Usage") skips it.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["assessor", "status"]),
            models.Index(fields=["trainee", "competency", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["trainee", "competency"],
                condition=models.Q(status__in=["draft", "requested"]),
                name="one_open_workplace_assessment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.trainee} on {self.competency.code} (record {self.pk})"

    @property
    def is_signed(self) -> bool:
        return self.status in SIGNED_STATUSES

    @property
    def is_competent(self) -> bool:
        return self.outcome == Outcome.COMPETENT


class CriterionResult(models.TextChoices):
    MET = "met", "Met"
    NOT_MET = "not_met", "Not met"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class AssessedCriterion(models.Model):
    """A checklist criterion as copied into one assessment, and what the assessor saw."""

    assessment = models.ForeignKey(
        WorkplaceAssessment, on_delete=models.PROTECT, related_name="criteria"
    )
    position = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=500)
    guidance = models.TextField(blank=True)
    result = models.CharField(
        max_length=16, choices=CriterionResult.choices, blank=True
    )
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "position"], name="criterion_position_once"
            )
        ]

    def __str__(self) -> str:
        return self.text


class EvidenceFile(models.Model):
    """A file a trainee uploaded, stored outside the public media path."""

    assessment = models.ForeignKey(
        WorkplaceAssessment, on_delete=models.PROTECT, related_name="evidence"
    )
    original_name = models.CharField(max_length=255)
    stored_name = models.CharField(
        max_length=100, help_text="A correction refers to the same stored file."
    )
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
