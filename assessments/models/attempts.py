"""Records of knowledge assessments: attempts, marked answers and requirements met."""

from django.conf import settings
from django.db import models


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted"
    TIMED_OUT = "timed_out", "Closed at the time limit"


class Attempt(models.Model):
    """One sitting of a module's knowledge assessment, frozen when it started.

    The snapshot holds the drawn questions and their answer key as they were published
    at the start, so later edits never change a past attempt; it is never sent to the
    browser as it is.
    """

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attempts"
    )
    module = models.ForeignKey(
        "courses.ModulePage", on_delete=models.PROTECT, related_name="attempts"
    )
    module_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The published revision of the module when the attempt started.",
    )
    number = models.PositiveSmallIntegerField(help_text="1 for the first attempt.")
    status = models.CharField(
        max_length=12, choices=AttemptStatus.choices, default=AttemptStatus.IN_PROGRESS
    )
    snapshot = models.JSONField(help_text="The drawn questions and answer key.")
    responses = models.JSONField(default=dict, blank=True)
    pass_mark = models.PositiveSmallIntegerField()
    feedback_policy = models.CharField(max_length=12)
    started_at = models.DateTimeField()
    deadline = models.DateTimeField()
    last_saved_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    max_score = models.PositiveSmallIntegerField(null=True, blank=True)
    percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)

    # A record, not content: Wagtail's reference index (admin "Usage") skips it.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["trainee", "module", "number"], name="attempt_number_once"
            ),
            models.UniqueConstraint(
                fields=["trainee", "module"],
                condition=models.Q(status="in_progress"),
                name="one_open_attempt_per_module",
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        return f"{self.trainee} on {self.module.title}, attempt {self.number}"

    @property
    def is_open(self) -> bool:
        return self.status == AttemptStatus.IN_PROGRESS

    @property
    def result_label(self) -> str:
        if self.passed is None:
            return "Not marked"
        return "Passed" if self.passed else "Not passed"


class AttemptAnswer(models.Model):
    """A drawn question of a marked attempt: what the trainee answered and the mark."""

    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        "assessments.Question", on_delete=models.PROTECT, related_name="answers"
    )
    competency = models.ForeignKey(
        "academy.Competency",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The competency the question tested when it was drawn.",
    )
    topic = models.CharField(max_length=100)
    response = models.JSONField(null=True, blank=True)
    correct = models.BooleanField()
    wrong_choices = models.JSONField(
        default=list,
        blank=True,
        help_text="Texts of the wrong options chosen, or the wrong number given.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question"], name="mark_question_once_per_attempt"
            )
        ]

    def __str__(self) -> str:
        return f"{self.attempt}: question {self.question_id}"


class KnowledgeRequirementMet(models.Model):
    """A pass met the knowledge requirement of a competency the module teaches."""

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="knowledge_requirements_met",
    )
    competency = models.ForeignKey(
        "academy.Competency", on_delete=models.PROTECT, related_name="+"
    )
    attempt = models.ForeignKey(
        Attempt, on_delete=models.PROTECT, related_name="requirements_met"
    )
    module_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    met_at = models.DateTimeField()

    # A record, not content: Wagtail's reference index (admin "Usage") skips it.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-met_at"]
        verbose_name = "knowledge requirement met"
        verbose_name_plural = "knowledge requirements met"
        constraints = [
            models.UniqueConstraint(
                fields=["trainee", "competency", "attempt"],
                name="knowledge_met_once_per_attempt",
            )
        ]

    def __str__(self) -> str:
        return f"{self.trainee}: knowledge of {self.competency.code}"
