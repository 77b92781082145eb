"""Scale step: competences held, 5 a trainee, each with its award event."""

from datetime import UTC, date, datetime, time, timedelta

from django.utils import timezone

from academy.models import Competency
from passport.models import (
    Competence,
    CompetenceEvent,
    CompetenceEventKind,
    CompetenceStatus,
)

from .bulk import insert_rows
from .people import scale_people, scale_trainees, scale_trainers
from .plan import ScalePlan

EXPIRING_WITHIN = timedelta(days=60)


def status_on(today: date, expires_on: date | None) -> CompetenceStatus:
    """Current, expiring (within 60 days of its last day) or expired."""
    if expires_on is None or expires_on - today > EXPIRING_WITHIN:
        return CompetenceStatus.CURRENT
    return (
        CompetenceStatus.EXPIRING if expires_on >= today else CompetenceStatus.EXPIRED
    )


def create_competences(plan: ScalePlan) -> int:
    """Competences awarded over the last three years, expiring by each competency's
    revalidation rule, and the "awarded" event of each (current when it was made),
    by one of the trainers."""
    today = timezone.localdate()
    now = timezone.now()
    competencies = list(Competency.objects.order_by("code"))
    trainers = list(scale_trainers().values_list("pk", flat=True))
    per_trainee = min(plan.competences_per_trainee, len(competencies))
    evidence = {"summary": "Requirements met (scale data)."}

    def competences():
        trainees = scale_trainees().values_list("pk", flat=True)
        for position, trainee in enumerate(trainees):
            for held in range(per_trainee):
                competency = competencies[(position + held * 7) % len(competencies)]
                achieved = today - timedelta(days=(position * 13 + held * 101) % 1095)
                expires = competency.revalidation_rule.expiry_after(achieved)
                yield (trainee, competency.pk, status_on(today, expires), achieved,
                       achieved, expires, evidence, now, False)  # fmt: skip

    created = insert_rows(
        Competence,
        fields=("holder_id", "competency_id", "status", "first_achieved_on",
                "achieved_on", "expires_on", "evidence", "updated_at",
                "under_review"),
        rows=competences(),
    )  # fmt: skip
    held = Competence.objects.filter(holder__in=scale_people()).values_list(
        "pk", "achieved_on", "expires_on", "evidence"
    )
    insert_rows(
        CompetenceEvent,
        fields=("competence_id", "kind", "occurred_at", "actor_id", "reason",
                "status_after", "achieved_on", "expires_on", "evidence"),
        rows=(
            (pk, CompetenceEventKind.AWARDED,
             datetime.combine(achieved, time(12), tzinfo=UTC),
             trainers[pk % len(trainers)], "", CompetenceStatus.CURRENT, achieved,
             expires, evidence)
            for pk, achieved, expires, evidence in held.iterator()
        ),
    )  # fmt: skip
    return created
