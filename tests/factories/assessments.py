"""Published questions and assessment settings for tests."""

from decimal import Decimal

from academy.models import Competency, User
from assessments.models import AssessmentSettings, Question, QuestionOption
from courses.models import ModulePage


def make_question(
    module: ModulePage,
    *,
    competency: Competency,
    kind: str = "single",
    topic: str = "General",
    stem: str = "",
    options: list[tuple[str, bool]] | None = None,
    answer: str | None = None,
    tolerance: str = "0",
    tolerance_percent: str | None = None,
    unit: str = "",
    feedback: str = "Because it is.",
    publish: bool = True,
    user: User | None = None,
) -> Question:
    if options is None and kind != "numeric":
        options = [
            ("Right answer", True),
            ("Wrong answer", False),
            ("Also wrong", False),
        ]
        if kind == "multiple":
            options = [("Right one", True), ("Right two", True), ("Wrong", False)]
        if kind == "true_false":
            options = [("True", True), ("False", False)]
    question = Question(
        module=module,
        competency=competency,
        topic=topic,
        kind=kind,
        stem=stem or f"A {kind} question about {topic}?",
        numeric_answer=Decimal(answer) if answer is not None else None,
        tolerance=Decimal(tolerance),
        tolerance_percent=Decimal(tolerance_percent) if tolerance_percent else None,
        unit=unit,
        feedback=feedback,
        live=False,
    )
    question.options = [
        QuestionOption(text=text, is_correct=correct, sort_order=order)
        for order, (text, correct) in enumerate(options or [])
    ]
    question.save()
    revision = question.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    question.refresh_from_db()
    return question


def make_settings(module: ModulePage, **fields) -> AssessmentSettings:
    values = {
        "questions_per_attempt": 4,
        "pass_mark": 75,
        "time_limit_minutes": 20,
        "max_attempts": 3,
        "cooldown_minutes": 60,
        "shuffle_options": True,
        **fields,
    }
    return AssessmentSettings.objects.create(module=module, **values)


def make_bank(module: ModulePage, *, competency: Competency) -> list[Question]:
    """A bank of one question of each kind (numeric: 2.5 mL ± 0.05)."""
    return [
        make_question(module, competency=competency, kind="single", topic="Rules"),
        make_question(module, competency=competency, kind="multiple", topic="Rules"),
        make_question(module, competency=competency, kind="true_false", topic="Facts"),
        make_question(
            module,
            competency=competency,
            kind="numeric",
            topic="Calculations",
            stem="Dose volume of 150 mg at 60 mg/mL?",
            answer="2.5",
            tolerance="0.05",
            unit="mL",
            feedback="150 / 60 = 2.5 mL (worked answer).",
        ),
    ]
