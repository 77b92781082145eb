"""Query functions over training plans: items with their status, progress counts for
lists of people, and what is due soon."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from academy.models import User
from passport.models import TrainingPlanItem
from passport.plans.status import ItemStatus, item_status

DUE_SOON_DAYS = 30


@dataclass(frozen=True)
class PlanLine:
    item: TrainingPlanItem
    status: ItemStatus


def plan_lines_for(trainee: User, *, today: date | None = None) -> list[PlanLine]:
    """The trainee's plan items in due-date order, each with its status."""
    today = today or timezone.localdate()
    items = TrainingPlanItem.objects.filter(plan__trainee=trainee).select_related(
        "competency__area"
    )
    return [
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
