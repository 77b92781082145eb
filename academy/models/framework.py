"""The national competency framework: specialist areas, AfC bands and competencies."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from academy.revalidation import RevalidationRule


class Band(models.IntegerChoices):
    """Agenda for Change bands; the values sort in band order (8a = 81)."""

    BAND_2 = 2, "Band 2"
    BAND_3 = 3, "Band 3"
    BAND_4 = 4, "Band 4"
    BAND_5 = 5, "Band 5"
    BAND_6 = 6, "Band 6"
    BAND_7 = 7, "Band 7"
    BAND_8A = 81, "Band 8a"
    BAND_8B = 82, "Band 8b"
    BAND_8C = 83, "Band 8c"

    @classmethod
    def between(cls, low: int, high: int) -> list["Band"]:
        """Every band from low to high inclusive, in order."""
        return [band for band in cls if low <= band.value <= high]


class SpecialistArea(models.Model):
    """A specialist area of the framework, such as Aseptic preparation."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(unique=True)
    code = models.CharField(
        max_length=5, unique=True, help_text="Prefix of its competency codes, e.g. ASP."
    )
    description = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class RevalidationKind(models.TextChoices):
    NONE = "none", "No revalidation"
    EVERY = "every", "Every N months"
    INITIAL_THEN_EVERY = "initial_then_every", "N initial passes, then every M months"


class Competency(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    models.Model,
):
    """A competency of the national framework, maintained by TSET through review."""

    code = models.CharField(max_length=10, unique=True, help_text="For example ASP-08.")
    title = models.CharField(max_length=255)
    area = models.ForeignKey(
        SpecialistArea,
        verbose_name="specialist area",
        on_delete=models.PROTECT,
        related_name="competencies",
    )
    band_from = models.PositiveSmallIntegerField("lowest band", choices=Band.choices)
    band_to = models.PositiveSmallIntegerField("highest band", choices=Band.choices)
    description = models.TextField(blank=True)
    requires_knowledge = models.BooleanField(
        "knowledge assessment",
        default=False,
        help_text="Pass the knowledge assessment of the module(s) that teach it.",
    )
    requires_workplace_assessment = models.BooleanField(
        "workplace assessment",
        default=False,
        help_text="A workplace assessment signed off by an accredited assessor.",
    )
    requires_process_validation = models.BooleanField(
        "process validation",
        default=False,
        help_text="A passed process validation, such as broth transfer or gowning.",
    )
    revalidation_kind = models.CharField(
        max_length=20, choices=RevalidationKind.choices, default=RevalidationKind.NONE
    )
    revalidation_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Months between revalidations (M)."
    )
    initial_passes = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Consecutive passes needed to qualify (N)."
    )
    revalidation_note = models.CharField(
        max_length=255, blank=True, help_text="Source or local policy for the interval."
    )
    _revisions = GenericRelation(
        "wagtailcore.Revision", related_query_name="competency"
    )
    _workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="competency",
        for_concrete_model=False,
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("area")]),
        FieldPanel("title"),
        FieldRowPanel(
            [FieldPanel("band_from"), FieldPanel("band_to")], heading="Bands"
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("requires_knowledge"),
                FieldPanel("requires_workplace_assessment"),
                FieldPanel("requires_process_validation"),
            ],
            heading="Requirements (all must be met)",
        ),
        MultiFieldPanel(
            [
                FieldPanel("revalidation_kind"),
                FieldRowPanel(
                    [FieldPanel("initial_passes"), FieldPanel("revalidation_months")]
                ),
                FieldPanel("revalidation_note"),
            ],
            heading="Revalidation",
        ),
    ]

    search_fields = [
        index.SearchField("code"),
        index.SearchField("title"),
        index.SearchField("description"),
        # The admin's choosers and listings search as the editor types: by code too.
        index.AutocompleteField("code"),
        index.AutocompleteField("title"),
        index.FilterField("area"),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "competencies"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(band_from__lte=models.F("band_to")),
                name="competency_bands_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def bands(self) -> list[Band]:
        return Band.between(self.band_from, self.band_to)

    @property
    def band_range_label(self) -> str:
        first, last = Band(self.band_from).label, Band(self.band_to).label
        return first if first == last else f"{first} to {last.removeprefix('Band ')}"

    @property
    def revalidation_rule(self) -> RevalidationRule:
        return RevalidationRule(
            kind=self.revalidation_kind,
            months=self.revalidation_months,
            initial_passes=self.initial_passes,
        )

    @property
    def requirement_labels(self) -> list[str]:
        labels = []
        if self.requires_knowledge:
            labels.append("Knowledge assessment")
        if self.requires_workplace_assessment:
            labels.append("Workplace assessment")
        if self.requires_process_validation:
            labels.append("Process validation")
        return labels

    def clean(self) -> None:
        errors = {}
        if self.band_from and self.band_to and self.band_from > self.band_to:
            errors["band_to"] = "The highest band must not be below the lowest band."
        if not (
            self.requires_knowledge
            or self.requires_workplace_assessment
            or self.requires_process_validation
        ):
            errors["requires_knowledge"] = "Choose at least one requirement."
        try:
            self.revalidation_rule.validate()
        except ValueError as error:
            errors["revalidation_kind"] = str(error)
        if errors:
            raise ValidationError(errors)
