"""Reads of knowledge assessments: what a trainee may do, and their attempt history."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from academy.models import Competency
from assessments.knowledge.eligibility import Eligibility, attempt_eligibility
from assessments.models import (
    AssessmentSettings,
    Attempt,
    AttemptAnswer,
    AttemptStatus,
    KnowledgeRequirementMet,
    Question,
)
from courses.models import ModulePage
from courses.queries.cards import module_cards
from passport.models import Certificate
from passport.models.competences import AWARD_KINDS


@dataclass
class AssessmentOverview:
    """A module's assessment as one trainee sees it: rules, eligibility and history."""

    module: ModulePage
    settings: AssessmentSettings
    question_count: int
    lessons_complete: bool
    eligibility: Eligibility
    attempts: list[Attempt] = field(default_factory=list)

    @property
    def open_attempt(self) -> Attempt | None:
        return next((a for a in self.attempts if a.is_open), None)

    @property
    def passed(self) -> bool:
        return any(a.passed for a in self.attempts)

    @property
    def questions_drawn(self) -> int:
        return min(self.settings.questions_per_attempt, self.question_count)

    @property
    def status(self) -> str:
        if self.passed:
            return "Passed"
        if self.open_attempt:
            return "In progress"
        if not self.lessons_complete:
            return "Locked"
        if self.eligibility.allowed:
            return "Ready to start"
        if self.attempts:
            return "Not passed"
        return "Not available"


def live_questions(module: ModulePage):
    """The published questions of the module's bank: the only ones an attempt draws."""
    return Question.objects.filter(module=module, live=True)


def questions_seen(trainee, *, module: ModulePage) -> frozenset[int]:
    """Ids of the questions drawn in the trainee's marked attempts at the module."""
    return frozenset(
        AttemptAnswer.objects.filter(
            attempt__trainee=trainee, attempt__module=module
        ).values_list("question_id", flat=True)
    )


def trainee_attempts(trainee, *, module: ModulePage) -> list[Attempt]:
    """The trainee's attempts at the module's assessment, newest first (snapshot deferred)."""
    return list(
        Attempt.objects.filter(trainee=trainee, module=module)
        .defer("snapshot", "responses")
        .order_by("-number")
    )


def _eligibility(settings, *, attempts, lessons_complete, question_count, now):
    finished = [a.submitted_at for a in attempts if a.submitted_at is not None]
    return attempt_eligibility(
        now=now,
        lessons_complete=lessons_complete,
        has_questions=question_count > 0,
        attempts_used=len(attempts),
        passed_before=any(a.passed for a in attempts),
        last_finished_at=max(finished, default=None),
        max_attempts=settings.max_attempts,
        cooldown=datetime.timedelta(minutes=settings.cooldown_minutes),
    )


def assessment_overview(
    trainee, *, module: ModulePage, now: datetime.datetime | None = None
) -> AssessmentOverview | None:
    """The module's assessment for the trainee, or None when it has no assessment."""
    settings = AssessmentSettings.objects.filter(module=module).first()
    if settings is None:
        return None
    now = now or timezone.now()
    attempts = trainee_attempts(trainee, module=module)
    question_count = live_questions(module).count()
    lessons_complete = module_cards([module], trainee=trainee)[0].lessons_complete
    return AssessmentOverview(
        module=module,
        settings=settings,
        question_count=question_count,
        lessons_complete=lessons_complete,
        eligibility=_eligibility(
            settings,
            attempts=[a for a in attempts if not a.is_open],
            lessons_complete=lessons_complete,
            question_count=question_count,
            now=now,
        ),
        attempts=attempts,
    )


def my_assessments(trainee, *, now: datetime.datetime | None = None):
    """Assessments of the live modules the trainee is enrolled on, in a fixed number of queries."""
    now = now or timezone.now()
    all_settings = list(
        AssessmentSettings.objects.filter(
            module__live=True, module__enrolments__trainee=trainee
        )
        .select_related("module")
        .annotate(
            live_count=Count(
                "module__questions", filter=Q(module__questions__live=True)
            )
        )
        .order_by("module__title")
    )
    modules = [s.module for s in all_settings]
    cards = {card.module.pk: card for card in module_cards(modules, trainee=trainee)}
    attempts_by_module: dict[int, list[Attempt]] = {}
    for attempt in (
        Attempt.objects.filter(trainee=trainee, module__in=modules)
        .defer("snapshot", "responses")
        .order_by("-number")
    ):
        attempts_by_module.setdefault(attempt.module_id, []).append(attempt)
    overviews = []
    for settings in all_settings:
        attempts = attempts_by_module.get(settings.module_id, [])
        complete = cards[settings.module_id].lessons_complete
        overviews.append(
            AssessmentOverview(
                module=settings.module,
                settings=settings,
                question_count=settings.live_count,
                lessons_complete=complete,
                eligibility=_eligibility(
                    settings,
                    attempts=[a for a in attempts if not a.is_open],
                    lessons_complete=complete,
                    question_count=settings.live_count,
                    now=now,
                ),
                attempts=attempts,
            )
        )
    return overviews


def assessment_passes(trainee, module_ids) -> dict[int, bool]:
    """For each of the modules that has a knowledge assessment, whether the trainee
    has passed it, in one query."""
    passed = Attempt.objects.filter(
        trainee_id=trainee.pk, module_id=OuterRef("module_id"), passed=True
    )
    return dict(
        AssessmentSettings.objects.filter(module_id__in=module_ids)
        .annotate(passed=Exists(passed))
        .values_list("module_id", "passed")
    )


# What else a competency asks for, in the words a trainee reads after a pass.
STILL_NEEDED = {
    "requires_workplace_assessment": "a workplace assessment signed off as competent",
    "requires_process_validation": "a passed process validation",
}


@dataclass
class PassCountsTowards:
    """A competency whose knowledge requirement a pass met, and what came of it: the
    certificate of the award it completed, or what the competency still needs."""

    competency: Competency
    certificate: Certificate | None = None

    @property
    def still_needed(self) -> list[str]:
        if self.certificate is not None:
            return []
        return [
            words
            for requirement, words in STILL_NEEDED.items()
            if getattr(self.competency, requirement)
        ]


def what_the_pass_counts_towards(attempt: Attempt) -> list[PassCountsTowards]:
    """The competencies needing a knowledge assessment whose requirement a passed
    attempt met, each with the certificate of the competence it awarded (the award's
    evidence names the attempt), in two queries."""
    if not attempt.passed:
        return []
    met = {
        row.competency_id: PassCountsTowards(competency=row.competency)
        for row in KnowledgeRequirementMet.objects.filter(
            attempt=attempt, competency__requires_knowledge=True
        )
        .select_related("competency")
        .order_by("competency__code")
    }
    if not met:
        return []
    certificates = Certificate.objects.filter(
        event__competence__holder_id=attempt.trainee_id,
        event__competence__competency_id__in=met,
        event__kind__in=AWARD_KINDS,
        event__evidence__knowledge__attempt_id=attempt.pk,
        number__isnull=False,
    ).select_related("event__competence")
    for certificate in certificates.order_by("issued_at", "id"):
        met[certificate.event.competence.competency_id].certificate = certificate
    return list(met.values())


def overdue_attempt_ids(*, before: datetime.datetime) -> list[int]:
    """Open attempts whose deadline (grace included) passed before the given time."""
    return list(
        Attempt.objects.filter(
            status=AttemptStatus.IN_PROGRESS, deadline__lt=before
        ).values_list("pk", flat=True)
    )
