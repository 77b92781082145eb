"""Writes of the workforce dashboards: appointing the two leads and refreshing the
monthly summary the dashboards read (beat runs it nightly; the demo runs it on load).

The refresh counts with plain ORM aggregates, one grouped query per measure and
month, so PostgreSQL and SQLite give the same numbers from the same code. A past
month is counted as things stood on its last day, from the dates records carry."""

from collections import Counter, defaultdict
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.utils import timezone

from academy.models import User
from academy.roles import NATIONAL_LEAD, REGIONAL_LEAD, TRAINEE
from academy.services import record_audit_event
from apprenticeships import rules as apprenticeship_rules
from apprenticeships.models import Apprenticeship, OffTheJobEntry, ProgressReview
from apprenticeships.queries import Hours
from assessments.models import Attempt, AttemptAnswer, AttemptStatus
from courses.models import Enrolment
from passport.models import Competence, TrainingPlanItem
from trainers.models import Accreditation
from workforce import rules
from workforce.models import Measure, RegionalLeadRole, WorkforceSummary

TRAINEE_ROLE = TRAINEE
MARKED = [AttemptStatus.SUBMITTED, AttemptStatus.TIMED_OUT]
NOT_HELD = ["suspended", "revoked"]


class LeadAppointmentError(ValueError):
    """An appointment that cannot be made, with the message to show."""


@transaction.atomic
def appoint_regional_lead(
    *, person: User, region: str, appointed_by: User | None = None
) -> RegionalLeadRole:
    """Make a person regional lead of a region's organisations from today; a role
    they hold for another region ends today."""
    region = region.strip()
    if not region:
        raise LeadAppointmentError("Choose the region the regional lead will lead")
    for earlier in RegionalLeadRole.objects.filter(person=person, ends_on=None).exclude(
        region=region
    ):
        _end_regional_lead_role(earlier, ended_by=appointed_by)
    role, created = RegionalLeadRole.objects.get_or_create(
        person=person,
        ends_on=None,
        defaults={"region": region, "starts_on": timezone.localdate()},
    )
    person.groups.add(Group.objects.get(name=REGIONAL_LEAD))
    if created:
        record_audit_event(
            "workforce.regional_lead_appointed",
            actor=appointed_by,
            target=role,
            details={"person": person.email, "region": region},
        )
    return role


def _end_regional_lead_role(role: RegionalLeadRole, *, ended_by: User | None) -> None:
    role.ends_on = timezone.localdate()
    role.save(update_fields=["ends_on"])
    record_audit_event(
        "workforce.regional_lead_role_ended",
        actor=ended_by,
        target=role,
        details={"person": role.person.email, "region": role.region},
    )


@transaction.atomic
def end_regional_lead_role(*, role: RegionalLeadRole, ended_by: User) -> None:
    """End a regional lead role today: the person no longer sees the dashboard."""
    role = RegionalLeadRole.objects.select_for_update().get(pk=role.pk)
    if role.ends_on is not None:
        return
    _end_regional_lead_role(role, ended_by=ended_by)
    role.person.groups.remove(Group.objects.get(name=REGIONAL_LEAD))


@transaction.atomic
def appoint_national_lead(*, person: User, appointed_by: User | None = None) -> None:
    """Make a person national TSET lead: they see every organisation."""
    if person.groups.filter(name=NATIONAL_LEAD).exists():
        return
    person.groups.add(Group.objects.get(name=NATIONAL_LEAD))
    record_audit_event(
        "workforce.national_lead_appointed",
        actor=appointed_by,
        target=person,
        details={"person": person.email},
    )


@transaction.atomic
def remove_national_lead(*, person: User, removed_by: User) -> None:
    """Take the national TSET lead role from a person."""
    if not person.groups.filter(name=NATIONAL_LEAD).exists():
        return
    person.groups.remove(Group.objects.get(name=NATIONAL_LEAD))
    record_audit_event(
        "workforce.national_lead_removed",
        actor=removed_by,
        target=person,
        details={"person": person.email},
    )


def _held_on(day: date) -> Q:
    return (
        Q(first_achieved_on__lte=day, holder__organisation__isnull=False)
        & (Q(expires_on__isnull=True) | Q(expires_on__gte=day))
        & ~Q(status__in=NOT_HELD)
    )


def _month_rows(month: date, day: date) -> list[dict]:
    """Every summary row of one month, counted as things stood on `day`."""
    rows: list[dict] = []

    def add(
        measure, queryset, *, org, area=None, band=None, competency=None, total=None
    ):
        for found in queryset:
            rows.append(
                {
                    "measure": measure,
                    "organisation_id": found[org],
                    "area_id": found[area] if area else None,
                    "band": found[band] if band else None,
                    "competency_id": found[competency] if competency else None,
                    "count": found["n"],
                    "total": found[total] if total else None,
                }
            )

    people = User.objects.filter(
        is_active=True, organisation__isnull=False, date_joined__date__lte=day
    )
    add(
        Measure.STAFF,
        people.values("organisation", "band").annotate(n=Count("id")),
        org="organisation",
        band="band",
    )
    add(
        Measure.TRAINEES,
        people.filter(groups__name=TRAINEE_ROLE)
        .values("organisation", "band")
        .annotate(n=Count("id", distinct=True)),
        org="organisation",
        band="band",
    )
    held = Competence.objects.filter(_held_on(day))
    by_holder = ("holder__organisation", "competency__area", "holder__band")
    add(
        Measure.COVERAGE,
        held.values(*by_holder).annotate(n=Count("id")),
        org=by_holder[0],
        area=by_holder[1],
        band=by_holder[2],
    )
    window_end = day + timedelta(days=rules.EXPIRY_WINDOW_DAYS)
    add(
        Measure.EXPIRING,
        held.filter(expires_on__lte=window_end)
        .values(*by_holder)
        .annotate(n=Count("id")),
        org=by_holder[0],
        area=by_holder[1],
        band=by_holder[2],
    )
    by_trainee = (
        "plan__trainee__organisation",
        "competency__area",
        "plan__trainee__band",
    )
    add(
        Measure.OVERDUE,
        TrainingPlanItem.objects.filter(
            Q(completed_at__isnull=True) | Q(completed_at__date__gt=day),
            due_on__lt=day,
            added_at__date__lte=day,
            plan__trainee__organisation__isnull=False,
        )
        .values(*by_trainee)
        .annotate(n=Count("id")),
        org=by_trainee[0],
        area=by_trainee[1],
        band=by_trainee[2],
    )
    in_month = Q(submitted_at__date__gte=month, submitted_at__date__lte=day)
    by_attempt = ("trainee__organisation", "module__area", "trainee__band")
    add(
        Measure.ATTEMPTS,
        Attempt.objects.filter(
            in_month, status__in=MARKED, trainee__organisation__isnull=False
        )
        .values(*by_attempt)
        .annotate(n=Count("id", filter=Q(passed=True)), attempts=Count("id")),
        org=by_attempt[0],
        area=by_attempt[1],
        band=by_attempt[2],
        total="attempts",
    )
    by_answer = (
        "attempt__trainee__organisation",
        "competency__area",
        "attempt__trainee__band",
        "competency",
    )
    add(
        Measure.GAPS,
        AttemptAnswer.objects.filter(
            attempt__submitted_at__date__gte=month,
            attempt__submitted_at__date__lte=day,
            attempt__status__in=MARKED,
            attempt__trainee__organisation__isnull=False,
        )
        .values(*by_answer)
        .annotate(n=Count("id", filter=Q(correct=True)), answered=Count("id")),
        org=by_answer[0],
        area=by_answer[1],
        band=by_answer[2],
        competency=by_answer[3],
        total="answered",
    )
    current = Accreditation.objects.filter(
        starts_on__lte=day, expires_on__gte=day, person__organisation__isnull=False
    )
    add(
        Measure.ASSESSORS,
        current.values("person__organisation").annotate(
            n=Count("person", distinct=True)
        ),
        org="person__organisation",
    )
    add(
        Measure.ACCREDITATIONS_EXPIRING,
        current.filter(expires_on__lte=window_end)
        .values("person__organisation")
        .annotate(n=Count("id")),
        org="person__organisation",
    )
    rows.extend(_apprentice_rows(day))
    return rows


def _academy_hours(apprenticeships: list[dict], day: date) -> dict[int, Decimal]:
    """Each apprenticeship's Academy modules completed from its start to `day`, at
    each module's estimated time, as `apprenticeships.queries.academy_learning`
    counts them."""
    completed = defaultdict(list)
    for trainee, completed_at, minutes in Enrolment.objects.filter(
        trainee__in={a["apprentice"] for a in apprenticeships},
        completed_at__date__lte=day,
    ).values_list("trainee", "completed_at", "module__estimated_minutes"):
        completed[trainee].append((timezone.localdate(completed_at), minutes))
    return {
        a["pk"]: sum(
            (
                apprenticeship_rules.module_hours(minutes)
                for on, minutes in completed[a["apprentice"]]
                if on >= a["start_date"]
            ),
            Decimal(0),
        )
        for a in apprenticeships
    }


def _apprentice_rows(day: date) -> list[dict]:
    """Apprentices in learning on `day` by employer and band (`total`), and those on
    track (`count`): off-the-job hours at or above the minimum expected by then
    (`apprenticeships.queries.Hours.on_track`) and no progress review overdue, that
    is past 12 weeks from the last review held by then (or from the start)."""
    logged = (
        OffTheJobEntry.objects.filter(
            apprenticeship=OuterRef("pk"), off_the_job=True, on_date__lte=day
        )
        .order_by()
        .values("apprenticeship")
        .annotate(hours=Sum("hours"))
        .values("hours")
    )
    last_review = (
        ProgressReview.objects.filter(apprenticeship=OuterRef("pk"), held_on__lte=day)
        .order_by("-held_on")
        .values("held_on")[:1]
    )
    apprenticeships = list(
        Apprenticeship.objects.filter(
            start_date__lte=day, planned_end_date__gte=day
        ).values(
            "pk",
            "apprentice",
            "employer",
            "start_date",
            "planned_end_date",
            band=F("apprentice__band"),
            standard_minimum=F("standard__otj_minimum_hours"),
            logged=Subquery(logged),
            last_review=Subquery(last_review),
        )
    )
    academy = _academy_hours(apprenticeships, day)
    apprentices, on_track = Counter(), Counter()
    for a in apprenticeships:
        start, end = a["start_date"], a["planned_end_date"]
        minimum = apprenticeship_rules.minimum_hours(
            start=start, planned_end=end, standard_minimum=a["standard_minimum"]
        )
        hours = Hours(
            logged_off_the_job=a["logged"] or Decimal(0),
            academy=academy[a["pk"]],
            minimum=minimum,
            expected_now=apprenticeship_rules.expected_by(
                start=start, planned_end=end, total_minimum=minimum, today=day
            ),
            rule=apprenticeship_rules.rule_set_for(start).name,
        )
        _, review_due_by = apprenticeship_rules.next_review_window(
            start=start, last_review=a["last_review"]
        )
        group = (a["employer"], a["band"])
        apprentices[group] += 1
        on_track[group] += hours.on_track and day <= review_due_by
    return [
        {
            "measure": Measure.APPRENTICES,
            "organisation_id": employer,
            "area_id": None,
            "band": band,
            "competency_id": None,
            "count": on_track[employer, band],
            "total": total,
        }
        for (employer, band), total in apprentices.items()
    ]


@transaction.atomic
def refresh_workforce_summary(*, today: date | None = None) -> int:
    """Recount the last 12 months (this month as of today) and replace their rows;
    returns how many rows the dashboards now read. Running it twice changes nothing."""
    today = today or timezone.localdate()
    refreshed_at = timezone.now()
    months = rules.trend_months(today)
    WorkforceSummary.objects.all().delete()
    summaries = [
        WorkforceSummary(month=month, as_of=day, refreshed_at=refreshed_at, **row)
        for month in months
        for day in [rules.as_of_day(month, today)]
        for row in _month_rows(month, day)
    ]
    WorkforceSummary.objects.bulk_create(summaries, batch_size=1000)
    return len(summaries)
