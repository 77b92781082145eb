"""Writes of the passport app: training plans and their overdue notices."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone

from academy.models import Competency, SpecialistArea, User
from academy.pathways import competencies_for_role
from academy.services import record_audit_event
from passport.models import TrainingPlan, TrainingPlanItem
from trainers.permissions import can_plan_training, trainers_of


@dataclass(frozen=True)
class PlanAssignment:
    plan: TrainingPlan
    added: list[TrainingPlanItem]
    already_planned: int


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
    Only a supervising trainer or the trainee's training lead may."""
    if not can_plan_training(assigned_by, trainee):
        raise ValidationError(
            "Only the trainee's trainer or training lead can do this."
        )
    if due_on < timezone.localdate():
        raise ValidationError("The due date must be today or in the future.")
    if (area is None) != (band is None):
        raise ValidationError("Choose both the pathway's specialist area and band.")
    chosen = {c.pk: c for c in competencies}
    if area is not None:
        chosen.update({c.pk: c for c in competencies_for_role(area=area, band=band)})
    if not chosen:
        raise ValidationError("Choose a career pathway or at least one competency.")
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
        },
    )
    return PlanAssignment(
        plan=plan, added=added, already_planned=len(chosen) - len(added)
    )


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
    """E-mail each trainee, and their current trainers, about plan items that have
    passed their due date; each item is notified once per due date. Returns how many
    items were notified.

    Each trainee's notices are claimed and sent in one transaction, so a failed send
    is retried by the next run and a repeated run sends nothing twice."""
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
                _send_overdue_notices(claimed[0].plan.trainee, claimed, today=today)
                notified += len(claimed)
    return notified


def _send_overdue_notices(
    trainee: User, items: list[TrainingPlanItem], *, today: date
) -> None:
    context = {"trainee": trainee, "items": items}
    subject = "Training plan items overdue"
    messages = [
        (
            subject,
            render_to_string("passport/email/overdue_trainee.txt", context),
            None,
            [trainee.email],
        )
    ]
    for trainer in trainers_of(trainee, today=today):
        messages.append(
            (
                f"{subject}: {trainee}",
                render_to_string(
                    "passport/email/overdue_trainer.txt",
                    {**context, "trainer": trainer},
                ),
                None,
                [trainer.email],
            )
        )
    send_mass_mail(messages, fail_silently=False)
