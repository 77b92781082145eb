"""Revalidation: warn holders and their trainers before a competence expires, put
its revalidation in their training plan, and mark it expired when it lapses."""

from collections import defaultdict
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateformat import format as date_format

from academy.services import record_audit_event
from notifications.kinds import Kind
from passport.competences.services import notify_holder_and_trainers
from passport.competences.status import LAPSING, warning_due, warning_window_end
from passport.feed.services import record_feed_event
from passport.models import (
    Competence,
    CompetenceEvent,
    CompetenceEventKind,
    CompetenceStatus,
    RevalidationNotice,
    TrainingPlan,
    TrainingPlanItem,
)


def _record_event(competence: Competence, *, kind: str, reason: str, now):
    return CompetenceEvent.objects.create(
        competence=competence,
        kind=kind,
        occurred_at=now,
        actor=None,
        reason=reason,
        status_after=competence.status,
        achieved_on=competence.achieved_on,
        expires_on=competence.expires_on,
        evidence=competence.evidence,
    )


def plan_revalidation(competence: Competence) -> TrainingPlanItem:
    """Put the competence's revalidation in the holder's training plan, due on its
    expiry date: the plan's item for the competency is reopened, or added."""
    plan, _ = TrainingPlan.objects.get_or_create(trainee=competence.holder)
    item, created = TrainingPlanItem.objects.get_or_create(
        plan=plan,
        competency=competence.competency,
        defaults={"due_on": competence.expires_on, "is_revalidation": True},
    )
    if not created:
        item.due_on = competence.expires_on
        item.completed_at = None
        item.started_at = None
        item.is_revalidation = True
        item.save(
            update_fields=["due_on", "completed_at", "started_at", "is_revalidation"]
        )
    return item


def _send_warning(competence: Competence, *, threshold: int, today: date) -> None:
    expires = date_format(competence.expires_on, "j F Y")
    notify_holder_and_trainers(
        competence,
        kind=Kind.COMPETENCE_EXPIRING,
        what=f"due for revalidation by {expires}",
        body=f"It expires on {expires}, in {threshold} days or fewer. Its "
        "revalidation is in the training plan, due on that date.",
        event_key=f"competence_expiring:{competence.pk}:{competence.expires_on}:"
        f"{threshold}",
        today=today,
    )


def _warn(competence: Competence, *, threshold: int, today: date) -> bool:
    """Claim, record and send one warning in one transaction: a failed e-mail is
    retried by the next run, and a second run finds the claim and sends nothing."""
    now = timezone.now()
    try:
        with transaction.atomic():
            competence = (
                Competence.objects.select_for_update()
                .select_related("holder", "competency")
                .filter(
                    pk=competence.pk,
                    status__in=LAPSING,
                    expires_on=competence.expires_on,
                )
                .first()
            )
            if competence is None:
                return False
            competence.status = CompetenceStatus.EXPIRING
            competence.updated_at = now
            competence.save(update_fields=["status", "updated_at"])
            event = _record_event(
                competence,
                kind=CompetenceEventKind.EXPIRING,
                reason=f"Expires within {threshold} days.",
                now=now,
            )
            RevalidationNotice.objects.create(
                competence=competence,
                expires_on=competence.expires_on,
                threshold_days=threshold,
                event=event,
                sent_at=now,
            )
            plan_revalidation(competence)
            record_audit_event(
                "passport.competence_expiry_flagged",
                actor=None,
                actor_name="Academy",
                target=competence,
                details={"event_id": event.pk, "threshold_days": threshold},
            )
            _send_warning(competence, threshold=threshold, today=today)
    except IntegrityError:
        # Another run claimed this warning first.
        return False
    return True


def mark_expiring_competences(*, today: date) -> int:
    """Daily: mark competences expiring 60, 30 and 7 days before their expiry date,
    e-mail the holder and their trainers once per threshold and expiry date, and add
    the revalidation to the holder's plan. Returns how many warnings were sent."""
    candidates = list(
        Competence.objects.filter(
            status__in=LAPSING,
            expires_on__gte=today,
            expires_on__lte=warning_window_end(today=today),
        ).select_related("holder", "competency")
    )
    sent: dict[tuple[int, date], set[int]] = defaultdict(set)
    for competence_id, expires_on, threshold in RevalidationNotice.objects.filter(
        competence__in=[c.pk for c in candidates]
    ).values_list("competence_id", "expires_on", "threshold_days"):
        sent[(competence_id, expires_on)].add(threshold)
    warned = 0
    for competence in candidates:
        threshold = warning_due(
            competence.expires_on,
            today=today,
            already_sent=sent[(competence.pk, competence.expires_on)],
        )
        if threshold is not None:
            warned += _warn(competence, threshold=threshold, today=today)
    return warned


@transaction.atomic
def _expire(competence: Competence, *, today: date) -> bool:
    competence = (
        Competence.objects.select_for_update()
        .filter(pk=competence.pk, status__in=LAPSING, expires_on__lt=today)
        .first()
    )
    if competence is None:
        return False
    now = timezone.now()
    competence.status = CompetenceStatus.EXPIRED
    competence.updated_at = now
    competence.save(update_fields=["status", "updated_at"])
    event = _record_event(
        competence,
        kind=CompetenceEventKind.EXPIRED,
        reason=f"Not revalidated by {competence.expires_on:%d %B %Y}.",
        now=now,
    )
    record_feed_event(event)
    plan_revalidation(competence)
    record_audit_event(
        "passport.competence_expired",
        actor=None,
        actor_name="Academy",
        target=competence,
        details={"event_id": event.pk, "expires_on": competence.expires_on},
    )
    notify_holder_and_trainers(
        competence,
        kind=Kind.COMPETENCE_EXPIRED,
        what="expired",
        body=f"It was not revalidated by {date_format(competence.expires_on, 'j F Y')}"
        ". Its revalidation is in the training plan.",
        event_key=f"competence_expired:{event.pk}",
        today=today,
    )
    return True


def expire_competences(*, today: date) -> int:
    """Daily: a current or expiring competence not revalidated by its expiry date is
    expired from the next day (suspended and revoked ones keep their status).
    Returns how many expired."""
    lapsed = Competence.objects.filter(
        status__in=LAPSING, expires_on__lt=today
    ).select_related("holder", "competency")
    return sum(_expire(competence, today=today) for competence in lapsed)
