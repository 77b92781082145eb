"""Query functions over training plans: items with their status in plan order, the
next step of each, the career pathway page, progress counts for lists of people, and
what is due soon."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from wagtail import hooks

from academy.models import Competency, User
from courses.models import CareerPathwayPage, SpecialistAreaIndexPage
from passport.models import TrainingPlan, TrainingPlanItem
from passport.plans.status import ItemStatus, item_status, plan_order

DUE_SOON_DAYS = 30


@dataclass(frozen=True)
class PlanLine:
    item: TrainingPlanItem
    status: ItemStatus


def plan_lines_for(trainee: User, *, today: date | None = None) -> list[PlanLine]:
    """The trainee's plan items, each with its status, overdue first and then by due
    date (`status.plan_order`)."""
    today = today or timezone.localdate()
    items = TrainingPlanItem.objects.filter(plan__trainee=trainee).select_related(
        "competency__area"
    )
    lines = [
        PlanLine(
            item=item,
            status=item_status(
                due_on=item.due_on,
                started_at=item.started_at,
                completed_at=item.completed_at,
                today=today,
            ),
        )
        for item in items
    ]
    return sorted(
        lines,
        key=lambda line: plan_order(
            status=line.status, due_on=line.item.due_on, code=line.item.competency.code
        ),
    )


@dataclass(frozen=True)
class NextStep:
    label: str
    url: str


def plan_next_steps(
    trainee: User, competencies: Iterable[Competency]
) -> dict[int, NextStep]:
    """For each competency, by id, what the trainee does next towards it (the module,
    its assessment, the workplace assessment, the validations), as the apps that
    record that work tell it through the `plan_item_next_steps` hook: called with
    (trainee, competencies), it returns {competency id: object with label and url}.
    A competency no hook answers for has no step."""
    competencies = list(competencies)
    steps: dict[int, NextStep] = {}
    if not competencies:
        return steps
    for hook in hooks.get_hooks("plan_item_next_steps"):
        for pk, step in hook(trainee, competencies).items():
            steps.setdefault(pk, NextStep(label=step.label, url=step.url))
    return steps


def pathway_page_for(plan: TrainingPlan | None) -> CareerPathwayPage | None:
    """The live career pathway page of the plan's pathway (area and band), if any."""
    if plan is None or plan.pathway_area_id is None or plan.pathway_band is None:
        return None
    index = SpecialistAreaIndexPage.objects.filter(area_id=plan.pathway_area_id).first()
    if index is None:
        return None
    return (
        CareerPathwayPage.objects.live()
        .child_of(index)
        .filter(band=plan.pathway_band)
        .first()
    )


def with_plan_progress(
    people: QuerySet[User], *, today: date | None = None
) -> QuerySet[User]:
    """People annotated with plan_total, plan_complete and plan_overdue."""
    today = today or timezone.localdate()
    complete = Q(training_plan__items__completed_at__isnull=False)
    overdue = Q(
        training_plan__items__completed_at__isnull=True,
        training_plan__items__due_on__lt=today,
    )
    return people.annotate(
        plan_total=Count("training_plan__items"),
        plan_complete=Count("training_plan__items", filter=complete),
        plan_overdue=Count("training_plan__items", filter=overdue),
    )


def items_due_soon(
    trainees: QuerySet[User], *, today: date | None = None, days: int = DUE_SOON_DAYS
) -> QuerySet[TrainingPlanItem]:
    """Unfinished items of these trainees' plans that are overdue or due within days."""
    today = today or timezone.localdate()
    return (
        TrainingPlanItem.objects.filter(
            plan__trainee__in=trainees.values("pk"),
            completed_at=None,
            due_on__lte=today + timedelta(days=days),
        )
        .select_related("plan__trainee", "competency")
        .order_by("due_on", "plan__trainee__full_name")
    )


def overdue_items_in(organisations, *, today: date | None = None) -> int:
    """How many unfinished plan items of these organisations' active staff are past
    their due date (the item status rule: overdue after the due date)."""
    today = today or timezone.localdate()
    return TrainingPlanItem.objects.filter(
        plan__trainee__organisation__in=organisations,
        plan__trainee__is_active=True,
        completed_at=None,
        due_on__lt=today,
    ).count()


def trainees_with_overdue_items(
    trainees: QuerySet[User], *, today: date | None = None
) -> QuerySet[User]:
    """These trainees with at least one overdue plan item, the most overdue first,
    annotated as `with_plan_progress` annotates them."""
    return (
        with_plan_progress(trainees, today=today)
        .filter(plan_overdue__gt=0)
        .order_by("-plan_overdue", "full_name", "pk")
    )
