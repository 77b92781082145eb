"""Demo knowledge assessments: a bank of questions and settings for every complete module,
and the demo trainee's failed then passed attempts on the module they completed.

Each bank holds three times the questions an attempt draws, so a retake meets new
questions. Questions are published by the demo moderator so they can be drawn. Running
it twice creates nothing new: questions are found by module and wording, settings by
module.
"""

import datetime
import hashlib
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from academy.models import Competency, User
from assessments.knowledge.services import start_attempt, submit_attempt
from assessments.models import (
    AssessmentSettings,
    Attempt,
    FeedbackPolicy,
    Question,
    QuestionOption,
)
from courses.models import LessonPage, ModuleCompetency, ModulePage

from . import (
    banks_core,
    banks_core_extra,
    banks_specialist,
    banks_specialist_extra,
)

MODERATOR = "moderator@academy.example"
TRAINEE = "trainee@academy.example"
GMP_SLUG = "gmp-and-the-pharmaceutical-quality-system"

BANKS = {
    GMP_SLUG: banks_core.GMP + banks_core_extra.GMP,
    "good-documentation-practice-and-data-integrity": banks_core.DOCUMENTATION
    + banks_core_extra.DOCUMENTATION,
    "cleanroom-entry-and-aseptic-gowning": banks_core.GOWNING
    + banks_core_extra.GOWNING,
    "operator-broth-transfer-validation": banks_core.BROTH + banks_core_extra.BROTH,
    "non-sterile-manufacturing-line-clearance-and-reconciliation": (
        banks_specialist.MANUFACTURING + banks_specialist_extra.MANUFACTURING
    ),
    "radiation-protection-and-local-rules": banks_specialist.RADIATION
    + banks_specialist_extra.RADIATION,
    "environmental-monitoring": banks_specialist.MONITORING
    + banks_specialist_extra.MONITORING,
    "deviations-oos-and-capa": banks_specialist.DEVIATIONS
    + banks_specialist_extra.DEVIATIONS,
    "train-the-trainer": banks_specialist.EDUCATION + banks_specialist_extra.EDUCATION,
}
QUESTIONS_PER_ATTEMPT = 5
"""A third of each 15-question bank is drawn per attempt."""


def complete_modules() -> list[ModulePage]:
    """Live modules that have published lessons: the ones a trainee can complete."""
    lesson_parents = {
        lesson.path[: -LessonPage.steplen] for lesson in LessonPage.objects.live()
    }
    return list(
        ModulePage.objects.live().filter(path__in=lesson_parents).order_by("path")
    )


def _publish_question(module, data, *, competencies, default, moderator) -> bool:
    if Question.objects.filter(module=module, stem=data["stem"]).exists():
        return False
    question = Question(
        module=module,
        competency=competencies.get(data["competency"], default),
        topic=data["topic"],
        kind=data["kind"],
        stem=data["stem"],
        numeric_answer=Decimal(data["answer"]) if "answer" in data else None,
        tolerance=Decimal(data.get("tolerance", "0")),
        unit=data.get("unit", ""),
        feedback=data["feedback"],
        live=False,
    )
    options = data["options"]
    if data["kind"] != "true_false":
        # The banks list the right answer first; authored order must not give it away.
        options = sorted(
            options, key=lambda option: hashlib.sha256(option[0].encode()).digest()
        )
    question.options = [
        QuestionOption(text=text, is_correct=correct, sort_order=order)
        for order, (text, correct) in enumerate(options)
    ]
    question.save()
    question.save_revision(user=moderator).publish(user=moderator)
    return True


def correct_responses(attempt: Attempt) -> dict:
    """The right answer to every drawn question, as the answer sheet would post it."""
    responses = {}
    for question in attempt.snapshot["questions"]:
        if question["kind"] == "numeric":
            responses[str(question["id"])] = question["answer"]
        else:
            responses[str(question["id"])] = sorted(
                option["id"] for option in question["options"] if option["correct"]
            )
    return responses


def _demo_attempts(trainee: User, module: ModulePage) -> int:
    """One failed attempt three days ago and a pass two days ago, if none exist yet."""
    if Attempt.objects.filter(trainee=trainee, module=module).exists():
        return 0
    now = timezone.now()
    failed_at = now - datetime.timedelta(days=3)
    attempt = start_attempt(trainee, module=module, now=failed_at, rng=random.Random(3))  # noqa: S311 (a repeatable demo)
    right = correct_responses(attempt)
    half = dict(list(right.items())[: len(right) // 2])
    submit_attempt(
        attempt, responses=half, now=failed_at + datetime.timedelta(minutes=14)
    )
    passed_at = now - datetime.timedelta(days=2)
    attempt = start_attempt(trainee, module=module, now=passed_at, rng=random.Random(4))  # noqa: S311
    submit_attempt(
        attempt,
        responses=correct_responses(attempt),
        now=passed_at + datetime.timedelta(minutes=11),
    )
    return 2


@transaction.atomic
def load() -> str:
    """Build the demo banks; returns a one-line summary for `load_demo`."""
    moderator = User.objects.get(email=MODERATOR)
    competencies = {c.code: c for c in Competency.objects.filter(live=True)}
    published = banks = 0
    for module in complete_modules():
        bank = BANKS.get(module.slug)
        if bank is None:
            continue
        banks += 1
        first = (
            ModuleCompetency.objects.filter(module=module)
            .order_by("sort_order")
            .select_related("competency")
            .first()
        )
        for data in bank:
            published += _publish_question(
                module,
                data,
                competencies=competencies,
                default=first.competency,
                moderator=moderator,
            )
        AssessmentSettings.objects.get_or_create(
            module=module,
            defaults={
                "questions_per_attempt": QUESTIONS_PER_ATTEMPT,
                "pass_mark": 80,
                "time_limit_minutes": 20,
                "max_attempts": 3,
                "cooldown_minutes": 60,
                "feedback_policy": FeedbackPolicy.AFTER_PASS,
            },
        )
    trainee = User.objects.get(email=TRAINEE)
    gmp = ModulePage.objects.get(slug=GMP_SLUG)
    attempts = _demo_attempts(trainee, gmp)
    return (
        f"Assessments: {banks} question banks, {published} questions published; "
        f"demo trainee has {attempts} new attempts (1 failed, 1 passed)."
        if attempts
        else f"Assessments: {banks} question banks, {published} questions published."
    )
