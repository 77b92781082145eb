"""What a trainee does next towards a competency: the first requirement not yet met,
as a link to act on it (the module to learn from, its knowledge assessment, the
workplace assessment, the process validations), in a fixed number of queries."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse

from academy.models import Competency, User
from assessments.models import (
    AssessmentSettings,
    AssessmentStatus,
    KnowledgeRequirementMet,
    WorkplaceAssessment,
)
from courses.models import ModuleCompetency
from courses.queries.cards import ModuleCard, module_cards


@dataclass(frozen=True)
class NextStep:
    label: str
    url: str


@dataclass
class _Progress:
    """What the trainee has done towards the competencies asked about."""

    knowledge_met: set[int]
    modules: dict[int, list[ModuleCard]]
    with_assessment: set[int]
    workplace: dict[int, WorkplaceAssessment]


def _progress(trainee: User, ids: list[int]) -> _Progress:
    links = list(
        ModuleCompetency.objects.filter(competency_id__in=ids, module__live=True)
        .select_related("module")
        .order_by("sort_order", "pk")
    )
    cards = (
        {
            card.module.pk: card
            for card in module_cards(
                {link.module_id: link.module for link in links}.values(),
                trainee=trainee,
            )
        }
        if links
        else {}
    )
    modules: dict[int, list[ModuleCard]] = {}
    for link in links:
        modules.setdefault(link.competency_id, []).append(cards[link.module_id])
    workplace: dict[int, WorkplaceAssessment] = {}
    # Oldest first, so the newest assessment of each competency is the one kept.
    for assessment in WorkplaceAssessment.objects.filter(
        trainee=trainee, competency_id__in=ids
    ).order_by("created_at", "id"):
        workplace[assessment.competency_id] = assessment
    return _Progress(
        knowledge_met=set(
            KnowledgeRequirementMet.objects.filter(
                trainee=trainee, competency_id__in=ids
            ).values_list("competency_id", flat=True)
        ),
        modules=modules,
        with_assessment=set(
            AssessmentSettings.objects.filter(module_id__in=cards).values_list(
                "module_id", flat=True
            )
        ),
        workplace=workplace,
    )


def _knowledge_step(cards: list[ModuleCard], with_assessment: set[int]):
    """The first module teaching the competency with lessons to do, or whose
    assessment is left; outline modules (no lessons yet) are skipped."""
    for card in cards:
        module = card.module
        if not card.lessons_total:
            continue
        if card.lessons_done < card.lessons_total:
            verb = "Continue" if card.started else "Start"
            return NextStep(f"{verb} {module.title}", module.url)
        if module.pk in with_assessment:
            return NextStep(
                f"Take the assessment: {module.title}",
                reverse("assessments:module_assessment", args=[module.pk]),
            )
    return None


def _workplace_step(assessment: WorkplaceAssessment | None):
    if assessment is None or (
        assessment.status == AssessmentStatus.COMPLETE and not assessment.is_competent
    ):
        return NextStep(
            "Start a workplace assessment", reverse("assessments:workplace")
        )
    url = reverse("assessments:workplace_assessment", args=[assessment.pk])
    if assessment.status == AssessmentStatus.DRAFT:
        return NextStep("Add evidence and request sign-off", url)
    if assessment.status != AssessmentStatus.COMPLETE:
        return NextStep("See your sign-off request", url)
    return None


def next_steps(
    trainee: User, competencies: Iterable[Competency]
) -> dict[int, NextStep]:
    """For each competency, by id, the trainee's next step: knowledge first, then the
    workplace assessment, then process validations; the training plan when every
    requirement the Academy can link to is done or waiting on someone else."""
    competencies = list(competencies)
    if not competencies:
        return {}
    progress = _progress(trainee, [competency.pk for competency in competencies])
    plan = NextStep("See it in your training plan", reverse("passport:my_plan"))
    steps = {}
    for competency in competencies:
        step = None
        if (
            competency.requires_knowledge
            and competency.pk not in progress.knowledge_met
        ):
            step = _knowledge_step(
                progress.modules.get(competency.pk, []), progress.with_assessment
            )
        if step is None and competency.requires_workplace_assessment:
            step = _workplace_step(progress.workplace.get(competency.pk))
        if step is None and competency.requires_process_validation:
            step = NextStep(
                "See your process validations", reverse("assessments:my_validations")
            )
        steps[competency.pk] = step or plan
    return steps
