"""Writes of knowledge assessments: start, save, submit and mark attempts; award hook."""

import datetime
import random
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

from academy.models import Competency, User
from academy.services import record_audit_event
from assessments.decision import award_if_requirements_met
from assessments.knowledge.drawing import draw_questions
from assessments.knowledge.queries import (
    assessment_overview,
    live_questions,
    overdue_attempt_ids,
    questions_seen,
)
from assessments.knowledge.scoring import mark_attempt
from assessments.models import (
    AssessmentSettings,
    Attempt,
    AttemptAnswer,
    AttemptStatus,
    FeedbackPolicy,
    KnowledgeRequirementMet,
    Question,
    QuestionKind,
)
from courses.models import ModuleCompetency, ModulePage

GRACE = datetime.timedelta(seconds=30)
"""Answers saved up to this long after the deadline still count (network latency)."""


class AttemptNotAllowed(Exception):
    """The trainee may not start an attempt now; the message says why."""


def option_values(count: int) -> list[str]:
    """Opaque, distinct form values for one question's options in one attempt.

    The page never carries an option's database id (ids follow the order the editor
    entered the options, which gives the key away); the server maps the value back.
    """
    values: set[str] = set()
    while len(values) < count:
        values.add(secrets.token_urlsafe(9))
    return list(values)


def _snapshot_question(
    question: Question, *, shuffle: bool, rng: random.Random
) -> dict:
    choices = list(question.options.all())
    options = [
        {
            "id": option.pk,
            "value": value,
            "text": option.text,
            "correct": option.is_correct,
        }
        for option, value in zip(choices, option_values(len(choices)), strict=True)
    ]
    if shuffle and question.kind != QuestionKind.TRUE_FALSE:
        rng.shuffle(options)
    return {
        "id": question.pk,
        "revision_id": question.live_revision_id,
        "kind": question.kind,
        "topic": question.topic,
        "competency_id": question.competency_id,
        "stem": question.stem,
        "options": options,
        "answer": None
        if question.numeric_answer is None
        else str(question.numeric_answer),
        "tolerance": str(question.tolerance or 0),
        "tolerance_percent": (
            None
            if question.tolerance_percent is None
            else str(question.tolerance_percent)
        ),
        "unit": question.unit,
        "feedback": question.feedback,
    }


def build_snapshot(
    settings: AssessmentSettings,
    *,
    rng: random.Random,
    seen: frozenset[int] = frozenset(),
) -> dict[str, list[dict]]:
    """Draw the questions for one attempt and freeze them, answer key included.

    Questions in `seen` (drawn in the trainee's earlier attempts) are drawn again only
    when the bank has too few others.
    """
    bank = list(live_questions(settings.module).values_list("pk", "topic"))
    drawn = draw_questions(
        bank,
        count=settings.questions_per_attempt,
        per_topic=settings.questions_per_topic,
        seen=seen,
        rng=rng,
    )
    questions = Question.objects.filter(pk__in=drawn).prefetch_related("options")
    by_id = {question.pk: question for question in questions}
    return {
        "questions": [
            _snapshot_question(
                by_id[question_id], shuffle=settings.shuffle_options, rng=rng
            )
            for question_id in drawn
        ]
    }


@transaction.atomic
def start_attempt(
    trainee: User,
    *,
    module: ModulePage,
    now: datetime.datetime | None = None,
    rng: random.Random | None = None,
) -> Attempt:
    """Start an attempt (or return the one already open) with a server deadline."""
    now = now or timezone.now()
    overview = assessment_overview(trainee, module=module, now=now)
    if overview is None:
        raise AttemptNotAllowed("This module has no knowledge assessment.")
    if overview.open_attempt is not None:
        return overview.open_attempt
    if not overview.eligibility.allowed:
        raise AttemptNotAllowed(overview.eligibility.reason)
    settings = overview.settings
    snapshot = build_snapshot(
        settings,
        rng=rng or secrets.SystemRandom(),
        seen=questions_seen(trainee, module=module),
    )
    # Frozen with the attempt: full answers only while the bank is big enough for them.
    feedback_policy = (
        FeedbackPolicy.AFTER_EACH_ATTEMPT
        if settings.shows_full_answers()
        else FeedbackPolicy.AFTER_PASS
    )
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                trainee=trainee,
                module=module,
                module_revision_id=module.live_revision_id,
                number=len(overview.attempts) + 1,
                snapshot=snapshot,
                pass_mark=settings.pass_mark,
                feedback_policy=feedback_policy,
                started_at=now,
                deadline=now + datetime.timedelta(minutes=settings.time_limit_minutes),
            )
    except IntegrityError:
        # Another request started this attempt first: resume that one.
        return Attempt.objects.get(
            trainee=trainee, module=module, status=AttemptStatus.IN_PROGRESS
        )
    record_audit_event(
        "assessments.knowledge_attempt_started",
        actor=trainee,
        target=attempt,
        details={
            "module": module.title,
            "number": attempt.number,
            "questions": [q["id"] for q in snapshot["questions"]],
            "deadline": attempt.deadline.isoformat(),
        },
    )
    return attempt


def accepts_answers(attempt: Attempt, *, now: datetime.datetime) -> bool:
    """Answers count while the attempt is open and the deadline plus grace has not passed."""
    return attempt.is_open and now <= attempt.deadline + GRACE


@transaction.atomic
def save_responses(
    attempt: Attempt,
    *,
    responses: dict,
    keep: set[str] = frozenset(),
    now: datetime.datetime | None = None,
) -> bool:
    """Save the trainee's answers so far; False (and nothing saved) once answers closed.

    `responses` replaces what was saved, except for the question ids in `keep` (answers
    the trainee mistyped this time), whose previously saved answer stays.
    """
    now = now or timezone.now()
    drawn = {str(q["id"]) for q in attempt.snapshot["questions"]}
    current = Attempt.objects.filter(pk=attempt.pk).values_list("responses", flat=True)
    previous = current.first() or {}
    merged = {key: value for key, value in previous.items() if key in keep}
    merged.update({key: value for key, value in responses.items() if key in drawn})
    saved = Attempt.objects.filter(
        pk=attempt.pk,
        status=AttemptStatus.IN_PROGRESS,
        deadline__gte=now - GRACE,
    ).update(responses=merged, last_saved_at=now)
    if saved:
        attempt.responses, attempt.last_saved_at = merged, now
    return bool(saved)


def _close_and_mark(attempt_id: int, *, status: str, now: datetime.datetime) -> Attempt:
    """Close an open attempt exactly once and mark it; a closed one is returned as it is."""
    closed = Attempt.objects.filter(
        pk=attempt_id, status=AttemptStatus.IN_PROGRESS
    ).update(status=status, submitted_at=now)
    attempt = Attempt.objects.select_for_update().get(pk=attempt_id)
    if not closed:
        return attempt
    questions = attempt.snapshot["questions"]
    result = mark_attempt(questions, attempt.responses, pass_mark=attempt.pass_mark)
    attempt.score, attempt.max_score = result.score, result.max_score
    attempt.percent, attempt.passed = result.percent, result.passed
    attempt.save(update_fields=["score", "max_score", "percent", "passed"])
    AttemptAnswer.objects.bulk_create(
        AttemptAnswer(
            attempt=attempt,
            question_id=question["id"],
            competency_id=question["competency_id"],
            topic=question["topic"],
            response=attempt.responses.get(str(question["id"])),
            correct=result.marks[str(question["id"])].correct,
            wrong_choices=result.marks[str(question["id"])].wrong_choices,
        )
        for question in questions
    )
    record_audit_event(
        "assessments.knowledge_attempt_marked",
        actor=attempt.trainee if status == AttemptStatus.SUBMITTED else None,
        actor_name="" if status == AttemptStatus.SUBMITTED else "Time limit",
        target=attempt,
        details={
            "module_id": attempt.module_id,
            "number": attempt.number,
            "closed": status,
            "score": result.score,
            "max_score": result.max_score,
            "percent": str(result.percent),
            "passed": result.passed,
        },
    )
    if result.passed:
        record_knowledge_requirement_met(attempt)
    return attempt


@transaction.atomic
def submit_attempt(
    attempt: Attempt,
    *,
    responses: dict | None = None,
    keep: set[str] = frozenset(),
    now: datetime.datetime | None = None,
) -> Attempt:
    """Submit once and mark on the server; submitting again or replaying changes nothing.

    Final answers sent with the submission count only within the deadline plus grace.
    """
    now = now or timezone.now()
    if responses is not None:
        save_responses(attempt, responses=responses, keep=keep, now=now)
    return _close_and_mark(attempt.pk, status=AttemptStatus.SUBMITTED, now=now)


@transaction.atomic
def close_attempt_at_deadline(
    attempt_id: int, *, now: datetime.datetime | None = None
) -> Attempt:
    """Close an attempt left open past its deadline plus grace, marking what was saved."""
    now = now or timezone.now()
    attempt = Attempt.objects.get(pk=attempt_id)
    if attempt.is_open and now > attempt.deadline + GRACE:
        return _close_and_mark(attempt_id, status=AttemptStatus.TIMED_OUT, now=now)
    return attempt


def close_overdue_attempts(*, now: datetime.datetime | None = None) -> int:
    """Close and mark every attempt left open past its deadline plus grace."""
    now = now or timezone.now()
    closed = 0
    for attempt_id in overdue_attempt_ids(before=now - GRACE):
        attempt = close_attempt_at_deadline(attempt_id, now=now)
        closed += attempt.status == AttemptStatus.TIMED_OUT
    return closed


@transaction.atomic
def record_knowledge_requirement_met(attempt: Attempt) -> list[KnowledgeRequirementMet]:
    """A passed attempt meets the knowledge requirement of every competency the module teaches.

    The workplace-assessment decision reads these rows when it decides whether all of a
    competency's requirements are met.
    """
    if not attempt.passed:
        return []
    competency_ids = ModuleCompetency.objects.filter(
        module_id=attempt.module_id
    ).values_list("competency_id", flat=True)
    met = []
    for competency in Competency.objects.filter(pk__in=competency_ids):
        row, created = KnowledgeRequirementMet.objects.get_or_create(
            trainee_id=attempt.trainee_id,
            competency=competency,
            attempt=attempt,
            defaults={
                "module_revision_id": attempt.module_revision_id,
                "met_at": attempt.submitted_at or timezone.now(),
            },
        )
        if created:
            record_audit_event(
                "assessments.knowledge_requirement_met",
                actor=None,
                actor_name="Knowledge assessment",
                target=row,
                details={"competency": competency.code, "attempt_id": attempt.pk},
            )
            award_if_requirements_met(
                trainee=attempt.trainee, competency=competency, decided_by=None
            )
        met.append(row)
    return met
