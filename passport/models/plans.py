"""Training plans: the competencies a trainee is working towards, each with a due date."""

from django.conf import settings
from django.db import models

from academy.models import Band, Competency, SpecialistArea


class TrainingPlan(models.Model):
    """A trainee's personal training plan, built from a career pathway (specialist
    area and band) and hand-picked competencies."""

    trainee = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_plan"
    )
    pathway_area = models.ForeignKey(
        SpecialistArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="career pathway area",
    )
    pathway_band = models.PositiveSmallIntegerField(
        "career pathway band", choices=Band.choices, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Training plan of {self.trainee}"


class TrainingPlanItem(models.Model):
    """One competency of a plan, with its due date and how far the trainee has got.

    `started_at` and `completed_at` are set by services (completion when the
    competence is awarded); the status shown is derived from them and the due date.
    """

    plan = models.ForeignKey(
        TrainingPlan, on_delete=models.CASCADE, related_name="items"
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField()
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty when the Academy added it (a revalidation before expiry).",
    )
    added_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    is_revalidation = models.BooleanField(
        default=False,
        help_text="Added or reopened because the competence is due for revalidation.",
    )
    overdue_notice_for = models.DateField(
        null=True,
        blank=True,
        help_text="The due date the overdue notice was sent for; one notice per date.",
    )

    class Meta:
        ordering = ["due_on", "competency__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "competency"], name="one_item_per_competency_in_plan"
            )
        ]
        indexes = [models.Index(fields=["completed_at", "due_on"])]

    def __str__(self) -> str:
        return f"{self.competency.code} due {self.due_on:%d %B %Y}"
