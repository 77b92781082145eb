"""Question banks and assessment settings: the content TSET editors author for a module."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from assessments.knowledge.admin_forms import QuestionForm
from assessments.knowledge.feedback import FULL_ANSWERS_BANK_RATIO, full_answers_allowed


class QuestionKind(models.TextChoices):
    SINGLE_CHOICE = "single", "Single choice"
    MULTIPLE_RESPONSE = "multiple", "Multiple response"
    TRUE_FALSE = "true_false", "True or false"
    NUMERIC = "numeric", "Numeric answer (calculation)"


CHOICE_KINDS = {
    QuestionKind.SINGLE_CHOICE,
    QuestionKind.MULTIPLE_RESPONSE,
    QuestionKind.TRUE_FALSE,
}


class Question(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    """A question in a module's bank; only its published version is ever drawn."""

    module = models.ForeignKey(
        "courses.ModulePage",
        on_delete=models.PROTECT,
        related_name="questions",
        help_text="The module whose knowledge assessment draws this question.",
    )
    competency = models.ForeignKey(
        "academy.Competency",
        on_delete=models.PROTECT,
        related_name="questions",
        help_text="The competency whose knowledge this question tests.",
    )
    topic = models.CharField(
        max_length=100,
        help_text="Questions can be drawn per topic, e.g. 'Dilutions'.",
    )
    kind = models.CharField(
        "question type",
        max_length=12,
        choices=QuestionKind.choices,
        default=QuestionKind.SINGLE_CHOICE,
    )
    stem = models.TextField(
        "question", help_text="The question as the trainee sees it."
    )
    numeric_answer = models.DecimalField(
        "correct answer",
        max_digits=16,
        decimal_places=6,
        null=True,
        blank=True,
        help_text="For numeric questions only.",
    )
    tolerance = models.DecimalField(
        "tolerance (±, absolute)",
        max_digits=16,
        decimal_places=6,
        default=0,
        help_text="An answer this far either side of the correct answer is marked correct.",
    )
    tolerance_percent = models.DecimalField(
        "tolerance (±, % of the answer)",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Optional: also accept answers within this percentage.",
    )
    unit = models.CharField(
        max_length=20, blank=True, help_text="Shown next to the answer box, e.g. mL."
    )
    feedback = models.TextField(
        "explanatory feedback",
        help_text="Why the answer is right; for calculations, the worked answer.",
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="question")
    _workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="question",
        for_concrete_model=False,
    )

    base_form_class = QuestionForm
    panels = [
        FieldRowPanel([FieldPanel("module"), FieldPanel("competency")]),
        FieldRowPanel([FieldPanel("topic"), FieldPanel("kind")]),
        FieldPanel("stem"),
        InlinePanel(
            "options",
            heading="Answer options",
            label="Option",
            help_text="For single choice, multiple response and true or false.",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("numeric_answer"), FieldPanel("unit")]),
                FieldRowPanel(
                    [FieldPanel("tolerance"), FieldPanel("tolerance_percent")]
                ),
            ],
            heading="Numeric answer",
        ),
        FieldPanel("feedback"),
    ]

    search_fields = [
        index.SearchField("stem"),
        index.SearchField("topic"),
        index.AutocompleteField("stem"),
        index.FilterField("module"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["module", "topic", "pk"]
        indexes = [models.Index(fields=["module", "live"])]

    def __str__(self) -> str:
        text = " ".join(self.stem.split())
        return text if len(text) <= 80 else f"{text[:79]}…"

    @property
    def is_numeric(self) -> bool:
        return self.kind == QuestionKind.NUMERIC

    def clean(self) -> None:
        super().clean()
        if self.kind == QuestionKind.NUMERIC and self.numeric_answer is None:
            raise ValidationError(
                {"numeric_answer": "Enter the correct answer for a numeric question."}
            )
        if self.tolerance is not None and self.tolerance < 0:
            raise ValidationError({"tolerance": "The tolerance cannot be negative."})
        if self.tolerance_percent is not None and self.tolerance_percent < 0:
            raise ValidationError(
                {"tolerance_percent": "The tolerance cannot be negative."}
            )


class QuestionOption(Orderable):
    """An answer option of a choice question; is_correct never leaves the server."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(max_length=500)
    is_correct = models.BooleanField("correct", default=False)

    panels = [FieldRowPanel([FieldPanel("text"), FieldPanel("is_correct")])]

    def __str__(self) -> str:
        return self.text


class FeedbackPolicy(models.TextChoices):
    """What a failed attempt shows; the right answers always show after a pass."""

    AFTER_EACH_ATTEMPT = (
        "each_attempt",
        "Full answers after each attempt (needs a bank three times the draw)",
    )
    AFTER_PASS = (
        "after_pass",
        "Topics to revise and the questions got wrong; answers only after a pass",
    )


class AssessmentSettings(models.Model):
    """How a module's knowledge assessment is drawn, timed, marked and retaken."""

    module = models.OneToOneField(
        "courses.ModulePage",
        on_delete=models.CASCADE,
        related_name="assessment_settings",
    )
    questions_per_attempt = models.PositiveSmallIntegerField(
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="Drawn at random from the published questions of the bank.",
    )
    questions_per_topic = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text="Optional: draw this many from each topic instead.",
    )
    shuffle_options = models.BooleanField(default=True)
    pass_mark = models.PositiveSmallIntegerField(
        "pass mark (%)",
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        "time limit (minutes)",
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        "maximum attempts",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Leave blank for no limit.",
    )
    cooldown_minutes = models.PositiveIntegerField(
        "cool-down between attempts (minutes)",
        default=60,
        help_text="How long after a failed attempt the next may start.",
    )
    feedback_policy = models.CharField(
        "show feedback",
        max_length=12,
        choices=FeedbackPolicy.choices,
        default=FeedbackPolicy.AFTER_PASS,
        help_text=(
            "Until a trainee passes, a failed attempt names the topics to revise and "
            "the questions they got wrong. Full answers after each attempt are "
            "allowed only when the bank holds at least three times the questions "
            "drawn per attempt."
        ),
    )

    panels = [
        FieldPanel("module"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("questions_per_attempt"),
                        FieldPanel("questions_per_topic"),
                    ]
                ),
                FieldPanel("shuffle_options"),
            ],
            heading="Drawing questions",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("pass_mark"), FieldPanel("time_limit_minutes")]
                ),
                FieldRowPanel(
                    [FieldPanel("max_attempts"), FieldPanel("cooldown_minutes")]
                ),
                FieldPanel("feedback_policy"),
            ],
            heading="Marking and retakes",
        ),
    ]

    class Meta:
        verbose_name = "assessment settings"
        verbose_name_plural = "assessment settings"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pass_mark__gte=1, pass_mark__lte=100),
                name="assessment_pass_mark_is_a_percentage",
            )
        ]

    def __str__(self) -> str:
        return f"Knowledge assessment of {self.module.title}"

    def bank_topic_sizes(self) -> list[int]:
        """How many published questions each topic of the module's bank holds."""
        return list(
            Question.objects.filter(module_id=self.module_id, live=True)
            .values("topic")
            .annotate(size=models.Count("pk"))
            .values_list("size", flat=True)
        )

    def shows_full_answers(self) -> bool:
        """Full answers after a failed attempt: chosen, and the bank is big enough."""
        return (
            self.feedback_policy == FeedbackPolicy.AFTER_EACH_ATTEMPT
            and full_answers_allowed(
                self.bank_topic_sizes(),
                count=self.questions_per_attempt,
                per_topic=self.questions_per_topic,
            )
        )

    def clean(self) -> None:
        super().clean()
        if (
            self.feedback_policy == FeedbackPolicy.AFTER_EACH_ATTEMPT
            and self.module_id is not None
            and self.questions_per_attempt
            and not self.shows_full_answers()
        ):
            sizes = self.bank_topic_sizes()
            drawn = (
                f"{self.questions_per_topic} per topic"
                if self.questions_per_topic
                else f"{self.questions_per_attempt} per attempt"
            )
            raise ValidationError(
                {
                    "feedback_policy": (
                        "Full answers after each attempt would let trainees learn "
                        "the answers instead of the subject: the bank must hold at "
                        f"least {FULL_ANSWERS_BANK_RATIO} times the questions drawn "
                        f"({drawn}), in every topic when drawn per topic. It holds "
                        f"{sum(sizes)} published questions. Publish more questions, "
                        "draw fewer, or show answers only after a pass."
                    )
                }
            )
