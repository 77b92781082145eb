"""A person's standing in each competency of a career pathway, for the pathway page."""

from collections.abc import Iterable
from datetime import date

from django.utils import timezone

from academy.models import Competency, User
from passport.competences.status import effective_status
from passport.models import Competence, CompetenceStatus, TrainingPlanItem

HELD_LABELS = {
    CompetenceStatus.CURRENT: "Held: current",
    CompetenceStatus.EXPIRING: "Held: expiring soon",
    CompetenceStatus.EXPIRED: "Held: expired",
    CompetenceStatus.SUSPENDED: "Held: suspended",
    CompetenceStatus.REVOKED: "Revoked",
}
NOT_STARTED = "Not started"


def pathway_status_label(
    *, held_status: str | None, plan_due_on: date | None, today: date
) -> str:
    """What the person holds wins; otherwise whether it is in their plan, and by when
    (or since when it is overdue)."""
    if held_status is not None and held_status != CompetenceStatus.REVOKED:
        return HELD_LABELS[held_status]
    if plan_due_on is not None:
        when = f"{plan_due_on.day} {plan_due_on:%B %Y}"
        if plan_due_on < today:
            return f"In your plan: overdue since {when}"
        return f"In your plan: due {when}"
    if held_status is not None:
        return HELD_LABELS[held_status]
    return NOT_STARTED


def pathway_statuses(
    person: User, competencies: Iterable[Competency], *, today: date | None = None
) -> dict[int, str]:
    """Each competency's label for the person, in two queries."""
    today = today or timezone.localdate()
    ids = [competency.pk for competency in competencies]
    held = {
        competency_id: effective_status(status, expires_on=expires_on, today=today)
        for competency_id, status, expires_on in Competence.objects.filter(
            holder=person, competency_id__in=ids
        ).values_list("competency_id", "status", "expires_on")
    }
    planned = dict(
        TrainingPlanItem.objects.filter(
            plan__trainee=person, competency_id__in=ids, completed_at__isnull=True
        ).values_list("competency_id", "due_on")
    )
    return {
        pk: pathway_status_label(
            held_status=held.get(pk), plan_due_on=planned.get(pk), today=today
        )
        for pk in ids
    }
