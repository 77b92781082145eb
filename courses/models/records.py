"""Records people create while learning, and the content-review records of TSET."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from .pages import LessonPage, ModulePage


class Enrolment(models.Model):
    """A trainee enrolled on a module, from the first time they opened it."""

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrolments"
    )
    module = models.ForeignKey(
        ModulePage, on_delete=models.PROTECT, related_name="enrolments"
    )
    enrolled_at = models.DateTimeField()
    completed_at = models.DateTimeField(
        null=True, blank=True, help_text="When every lesson was first complete."
    )

    class Meta:
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["trainee", "module"], name="enrol_once_per_module"
            )
        ]

    def __str__(self) -> str:
        return f"{self.trainee} on {self.module.title}"


class LessonProgress(models.Model):
    """A trainee completed a lesson as it stood at one published revision."""

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="lesson_progress",
    )
    module = models.ForeignKey(
        ModulePage, on_delete=models.PROTECT, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(
        LessonPage, on_delete=models.PROTECT, related_name="progress"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The published revision of the lesson the trainee completed.",
    )
    completed_at = models.DateTimeField()

    # A record, not content: Wagtail's reference index (admin "Usage") skips it.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["completed_at"]
        verbose_name = "lesson completion"
        verbose_name_plural = "lesson completions"
        constraints = [
            models.UniqueConstraint(
                fields=["trainee", "lesson", "revision"],
                name="complete_lesson_revision_once",
            )
        ]
        indexes = [models.Index(fields=["trainee", "module"])]

    def __str__(self) -> str:
        return f"{self.trainee} completed {self.lesson.title} (revision {self.revision_id})"


class TrainingImpactingChange(models.Model):
    """A moderator's ruling that a lesson revision changes practice, so people retrain."""

    lesson = models.ForeignKey(
        LessonPage,
        on_delete=models.PROTECT,
        related_name="training_changes",
        limit_choices_to={"live": True},
        help_text="Its published revision is the one that changes practice.",
    )
    module = models.ForeignKey(
        ModulePage, on_delete=models.PROTECT, related_name="training_changes"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.PROTECT, related_name="+"
    )
    summary = models.TextField(help_text="What changed in practice, for trainees.")
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    marked_at = models.DateTimeField()

    # A record, not content: Wagtail's reference index (admin "Usage") skips it.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-marked_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["lesson", "revision"], name="training_change_once_per_revision"
            )
        ]

    def __str__(self) -> str:
        return f"{self.lesson.title}, revision {self.revision_id}"


class FindingSource(models.TextChoices):
    MHRA = "mhra", "MHRA inspection"
    QAAPS = "qaaps", "QAAPS audit"
    IQAAPS = "iqaaps", "iQAAPS indicator"
    INTERNAL = "internal", "Internal"


class AuditFinding(models.Model):
    """An audit or inspection finding that should drive a change in training content."""

    reference = models.CharField(max_length=50, unique=True)
    source = models.CharField(max_length=10, choices=FindingSource.choices)
    found_on = models.DateField("date of finding")
    summary = models.TextField()
    competencies = models.ManyToManyField(
        "academy.Competency",
        related_name="+",
        verbose_name="linked competencies",
        help_text="Modules that cover these competencies are flagged for review.",
    )

    panels = [
        FieldRowPanel([FieldPanel("reference"), FieldPanel("source")]),
        FieldPanel("found_on"),
        FieldPanel("summary"),
        FieldPanel("competencies"),
    ]

    class Meta:
        ordering = ["-found_on", "reference"]

    def __str__(self) -> str:
        return f"{self.reference} ({self.get_source_display()})"


class ReviewRequest(models.Model):
    """A module flagged "review requested" by a finding, until a moderator clears it."""

    module = models.ForeignKey(
        ModulePage, on_delete=models.CASCADE, related_name="review_requests"
    )
    finding = models.ForeignKey(
        AuditFinding, on_delete=models.CASCADE, related_name="review_requests"
    )
    requested_at = models.DateTimeField()
    cleared_at = models.DateTimeField(null=True, blank=True)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["module", "finding"], name="review_request_once_per_finding"
            )
        ]

    def __str__(self) -> str:
        return f"{self.module.title}: {self.finding.reference}"


class ReviewReminder(models.Model):
    """Moderators were e-mailed that a module's review date is near (once per date)."""

    module = models.ForeignKey(
        ModulePage, on_delete=models.CASCADE, related_name="review_reminders"
    )
    review_date = models.DateField()
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["module", "review_date"], name="remind_once_per_review_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.module.title} due {self.review_date}"
