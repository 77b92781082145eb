"""Writes of the passport app: training plans and their due-soon and overdue
notices."""

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format

from academy.models import Competency, SpecialistArea, User
from academy.pathways import competencies_for_role
from academy.services import record_audit_event
from courses.queries.catalogue import competencies_awaiting_elearning
from notifications.kinds import Kind
from notifications.services import notify
from passport.models import TrainingPlan, TrainingPlanItem
from passport.plans.policies import may_change_due_date
from trainers.permissions import can_plan_training, trainers_of


@dataclass(frozen=True)
class PlanAssignment:
    plan: TrainingPlan
    added: list[TrainingPlanItem]
    already_planned: int
    # Competencies of the pathway left out because their e-learning is coming soon.
    coming_soon: tuple[Competency, ...] = ()


def coming_soon_message(competencies: Iterable[Competency]) -> str:
    """Why competencies whose modules are all outlines cannot be planned."""
    named = sorted(competencies, key=attrgetter("code"))
    return (
        f"{', '.join(f'{c.code} {c.title}' for c in named)} cannot be planned yet: "
        f"{'its' if len(named) == 1 else 'their'} e-learning module is coming soon, "
        "so the knowledge assessment cannot be taken"
    )


@transaction.atomic
def assign_training_plan(
    *,
    trainee: User,
    assigned_by: User,
    due_on: date,
    area: SpecialistArea | None = None,
    band: int | None = None,
    competencies: Iterable[Competency] = (),
) -> PlanAssignment:
    """Add a career pathway (area and band) and/or chosen competencies to a trainee's
    plan, each due on the date given; competencies already planned keep their dates.
    Only a supervising trainer or the trainee's training lead may.

    A competency whose knowledge assessment cannot be taken yet (its modules are all
    outlines, "Coming soon") is never planned: chosen, it is refused; in the pathway,
    it is left out and named in `coming_soon`."""
    if not can_plan_training(assigned_by, trainee):
        raise ValidationError(
            "Only the trainee's trainer or training lead can do this."
        )
    if due_on < timezone.localdate():
        raise ValidationError("The due date must be today or in the future.")
    if (area is None) != (band is None):
        raise ValidationError("Choose both the pathway's specialist area and band.")
    picked = {c.pk: c for c in competencies}
    chosen = dict(picked)
    if area is not None:
        chosen.update({c.pk: c for c in competencies_for_role(area=area, band=band)})
    if not chosen:
        raise ValidationError("Choose a career pathway or at least one competency.")
    waiting = competencies_awaiting_elearning(chosen)
    if waiting & set(picked):
        raise ValidationError(
            coming_soon_message(picked[pk] for pk in waiting & set(picked)),
            code="coming_soon",
        )
    coming_soon = tuple(
        sorted((chosen.pop(pk) for pk in waiting), key=attrgetter("code"))
    )
    if not chosen:
        raise ValidationError(coming_soon_message(coming_soon), code="coming_soon")
    plan, _ = TrainingPlan.objects.select_for_update().get_or_create(trainee=trainee)
    if area is not None:
        plan.pathway_area, plan.pathway_band = area, band
        plan.save(update_fields=["pathway_area", "pathway_band"])
    planned = set(plan.items.values_list("competency_id", flat=True))
    added = TrainingPlanItem.objects.bulk_create(
        TrainingPlanItem(plan=plan, competency=c, due_on=due_on, added_by=assigned_by)
        for pk, c in chosen.items()
        if pk not in planned
    )
    record_audit_event(
        "passport.training_plan_assigned",
        actor=assigned_by,
        target=plan,
        details={
            "pathway": [area.code, band] if area is not None else None,
            "added": sorted(item.competency.code for item in added),
            "due_on": due_on,
            "coming_soon": [c.code for c in coming_soon],
        },
    )
    if added:
        codes = ", ".join(sorted(item.competency.code for item in added))
        notify(
            recipient=trainee,
            kind=Kind.PLAN_ITEM_ASSIGNED,
            title=f"{assigned_by.full_name} added {len(added)} "
            f"{'competency' if len(added) == 1 else 'competencies'} to your "
            "training plan",
            body=f"{codes}: due by {date_format(due_on, 'j F Y')}.",
            link=reverse("passport:my_plan"),
            event_key=f"plan_item_assigned:{added[0].pk}",
        )
    return PlanAssignment(
        plan=plan,
        added=added,
        already_planned=len(chosen) - len(added),
        coming_soon=coming_soon,
    )


@transaction.atomic
def change_plan_item_due_date(
    *, item: TrainingPlanItem, changed_by: User, due_on: date, reason: str
) -> TrainingPlanItem:
    """Move an unfinished plan item to a new due date, today or later, with a written
    reason: only a current trainer of the trainee or their training lead may. The
    change is audited and the trainee is told the new date and the reason."""
    # Lock the item's row only: a trainee without an organisation is an outer join,
    # which PostgreSQL cannot lock.
    item = (
        TrainingPlanItem.objects.select_for_update(of=("self",))
        .select_related("plan__trainee__organisation", "competency")
        .get(pk=item.pk)
    )
    if not may_change_due_date(changed_by, item):
        raise ValidationError(
            "Only the trainee's trainer or training lead can change a due date."
        )
    reason = reason.strip()
    errors = []
    if item.completed_at is not None:
        errors.append("This item is complete: its due date can no longer change.")
    if due_on < timezone.localdate():
        errors.append("The new due date must be today or in the future.")
    elif due_on == item.due_on:
        errors.append("The new due date is the same as the current one.")
    if not reason:
        errors.append("Give the reason for the new due date.")
    if errors:
        raise ValidationError(errors)
    previous = item.due_on
    item.due_on = due_on
    item.save(update_fields=["due_on"])
    trainee, competency = item.plan.trainee, item.competency
    event = record_audit_event(
        "passport.plan_item_due_date_changed",
        actor=changed_by,
        target=item,
        details={
            "trainee": trainee.email,
            "competency": competency.code,
            "from": previous,
            "to": due_on,
            "reason": reason,
        },
    )
    notify(
        recipient=trainee,
        kind=Kind.PLAN_DUE_DATE_CHANGED,
        title=f"{competency.code} {competency.title} is now due on "
        f"{date_format(due_on, 'j F Y')}",
        body=f"{changed_by.full_name} changed the due date of this item of your "
        f"training plan from {date_format(previous, 'j F Y')} to "
        f"{date_format(due_on, 'j F Y')}.\nReason: {reason}",
        link=reverse("passport:my_plan"),
        event_key=f"plan_due_date_changed:{event.pk}",
    )
    return item


@transaction.atomic
def start_plan_item(*, trainee: User, competency: Competency) -> int:
    """Mark the trainee's plan item for a competency as in progress (for example when
    they start its module); returns how many items changed."""
    return TrainingPlanItem.objects.filter(
        plan__trainee=trainee, competency=competency, started_at=None
    ).update(started_at=timezone.now())


@transaction.atomic
def complete_plan_items(*, trainee: User, competency: Competency) -> int:
    """Mark the plan item complete when the trainee is awarded the competence; the
    decision that a competency's requirements are met calls this."""
    now = timezone.now()
    items = TrainingPlanItem.objects.filter(
        plan__trainee=trainee, competency=competency, completed_at=None
    )
    items.filter(started_at=None).update(started_at=now)
    return items.update(completed_at=now)


def reopen_plan_items(*, trainee: User, competency: Competency) -> int:
    """A suspended or revoked competence no longer completes its plan item: the item
    is open again (still started), so the plan shows the work left to do."""
    return (
        TrainingPlanItem.objects.filter(plan__trainee=trainee, competency=competency)
        .exclude(completed_at=None)
        .update(completed_at=None)
    )


def _claim_overdue_notice(item: TrainingPlanItem) -> bool:
    """Record that the notice for this due date is sent; False if it already was.
    The conditional update makes a repeated or concurrent run send nothing twice."""
    return bool(
        TrainingPlanItem.objects.filter(pk=item.pk, completed_at=None)
        .filter(Q(overdue_notice_for=None) | ~Q(overdue_notice_for=item.due_on))
        .update(overdue_notice_for=item.due_on)
    )


def notify_overdue_plan_items(*, today: date | None = None) -> int:
    """Tell each trainee, and their current trainers, about plan items that have
    passed their due date; each item is notified once per due date. Returns how many
    items were notified.

    Each trainee's items are claimed and notified in one transaction, so a repeated
    run tells nobody twice; the e-mails are sent after commit."""
    today = today or timezone.localdate()
    overdue = (
        TrainingPlanItem.objects.filter(completed_at=None, due_on__lt=today)
        .filter(Q(overdue_notice_for=None) | ~Q(overdue_notice_for=F("due_on")))
        .select_related("plan__trainee", "competency")
        .order_by("plan__trainee_id", "due_on")
    )
    by_trainee: dict[int, list[TrainingPlanItem]] = defaultdict(list)
    for item in overdue:
        by_trainee[item.plan.trainee_id].append(item)
    notified = 0
    for items in by_trainee.values():
        with transaction.atomic():
            claimed = [item for item in items if _claim_overdue_notice(item)]
            if claimed:
                _notify_overdue(claimed[0].plan.trainee, claimed, today=today)
                notified += len(claimed)
    return notified


def _item_lines(items: list[TrainingPlanItem]) -> str:
    return "\n".join(
        f"{item.competency.code} {item.competency.title}: due "
        f"{date_format(item.due_on, 'j F Y')}"
        for item in items
    )


def _notify_overdue(
    trainee: User, items: list[TrainingPlanItem], *, today: date
) -> None:
    """One notification to the trainee and one to each of their trainers, naming the
    items claimed in this run (the key names each item and its due date)."""
    claimed = ",".join(f"{item.pk}@{item.due_on}" for item in items)
    key = f"plan_items_overdue:{hashlib.sha256(claimed.encode()).hexdigest()[:40]}"
    count = (
        f"{len(items)} training plan {'item is' if len(items) == 1 else 'items are'}"
    )
    notify(
        recipient=trainee,
        kind=Kind.PLAN_ITEM_OVERDUE,
        title=f"{count} overdue",
        body=f"These items of your training plan have passed their due date:\n"
        f"{_item_lines(items)}",
        link=reverse("passport:my_plan"),
        event_key=key,
    )
    for trainer in trainers_of(trainee, today=today):
        notify(
            recipient=trainer,
            kind=Kind.PLAN_ITEM_OVERDUE,
            title=f"{count} overdue for {trainee.full_name}",
            body=f"These items of the training plan of {trainee.full_name}, whom you "
            f"supervise, have passed their due date:\n{_item_lines(items)}",
            link=reverse("trainers:trainee_record", args=[trainee.pk]),
            event_key=key,
        )


DUE_SOON_DAYS = 7


def notify_plan_items_due_soon(
    *, today: date | None = None, within_days: int = DUE_SOON_DAYS
) -> int:
    """Tell each trainee once about each open plan item due within the next week
    (again if its due date changes). Returns how many notifications were made."""
    today = today or timezone.localdate()
    due_soon = (
        TrainingPlanItem.objects.filter(
            completed_at=None,
            due_on__gte=today,
            due_on__lte=today + timedelta(days=within_days),
        )
        .select_related("plan__trainee", "competency")
        .order_by("due_on", "id")
    )
    made = 0
    for item in due_soon:
        days = (item.due_on - today).days
        when = "today" if days == 0 else f"in {days} day{'s' if days > 1 else ''}"
        made += (
            notify(
                recipient=item.plan.trainee,
                kind=Kind.PLAN_ITEM_DUE_SOON,
                title=f"{item.competency.code} {item.competency.title} is due {when}",
                body=f"This item of your training plan is due on "
                f"{date_format(item.due_on, 'j F Y')}.",
                link=reverse("passport:my_plan"),
                event_key=f"plan_item_due_soon:{item.pk}:{item.due_on}",
            )
            is not None
        )
    return made
