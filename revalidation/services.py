"""Writes of the revalidation portfolio: start a year, plan, draft and complete CPD
records, record the peer discussion and reflective account, and remind people before
the submission window closes. Every write of a portfolio is audited, its person the
actor. Nothing is submitted to the GPhC from here."""

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from academy.models import User
from academy.services import record_audit_event
from notifications.kinds import Kind
from notifications.services import notify
from revalidation import rules
from revalidation.models import (
    CPDKind,
    CPDRecord,
    PeerDiscussion,
    ReflectiveAccount,
    RevalidationStandard,
    RevalidationYear,
)
from revalidation.queries import Activity, standards_for, year_progress


class PortfolioError(ValueError):
    """Input the portfolio refuses, naming the field it is about; nothing is stored."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def _required(field: str, value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise PortfolioError(field, message)
    return value


@transaction.atomic
def start_revalidation_year(
    person: User, *, renewal_date: date, today: date
) -> RevalidationYear:
    """Open the year closed by the person's next renewal date (one a year ahead at
    most); a registration number is needed first."""
    if not person.registration_number.strip():
        raise PortfolioError(
            "renewal_date",
            "Your GPhC registration number is not recorded: ask an administrator "
            "to add it to your account",
        )
    if renewal_date < today:
        raise PortfolioError(
            "renewal_date", "The renewal date must be today or in the future"
        )
    if renewal_date > rules.next_renewal_date(today):
        raise PortfolioError(
            "renewal_date", "The renewal date must be within the next 12 months"
        )
    year, created = RevalidationYear.objects.get_or_create(
        person=person,
        renewal_date=renewal_date,
        defaults={"created_at": timezone.now()},
    )
    if created:
        record_audit_event(
            "revalidation.revalidation_year_started",
            actor=person,
            target=year,
            details={"renewal_date": renewal_date.isoformat()},
        )
    return year


def _audit_record(action: str, record: CPDRecord) -> None:
    record_audit_event(
        action,
        actor=record.year.person,
        target=record,
        details={"year_id": record.year_id, "kind": record.kind},
    )


@transaction.atomic
def plan_cpd_record(
    year: RevalidationYear, *, what: str, why_relevant: str, now: datetime
) -> CPDRecord:
    """Start a planned record before the learning: what and why, timestamped now."""
    what = _required("what", what, "Enter what you are planning to learn")
    why_relevant = _required(
        "why_relevant", why_relevant, "Enter why it is relevant to your practice"
    )
    if not year.bounds.contains(timezone.localdate(now)):
        raise PortfolioError(
            "what", "Plans are made during the revalidation year they belong to"
        )
    record = CPDRecord.objects.create(
        year=year,
        kind=CPDKind.PLANNED,
        what=what,
        why_relevant=why_relevant,
        planned_at=now,
        created_at=now,
        updated_at=now,
    )
    _audit_record("revalidation.cpd_record_created", record)
    return record


@transaction.atomic
def draft_cpd_record_from_activity(
    year: RevalidationYear, *, activity: Activity, now: datetime
) -> CPDRecord:
    """An unplanned record drafted from Academy activity: "what", the date and the
    evidence filled in; the benefit is left for the person to write. Drafting the
    same activity again returns the record already drafted."""
    record, created = CPDRecord.objects.get_or_create(
        year=year,
        source_key=activity.key,
        defaults={
            "kind": CPDKind.UNPLANNED,
            "what": activity.what,
            "learned_on": activity.on,
            "evidence": activity.evidence,
            "source": activity.source,
            "created_at": now,
            "updated_at": now,
        },
    )
    if created:
        _audit_record("revalidation.cpd_record_created", record)
    return record


@transaction.atomic
def start_unplanned_cpd_record(
    year: RevalidationYear, *, what: str, now: datetime
) -> CPDRecord:
    """An unplanned record of learning from outside the Academy, as a draft."""
    what = _required("what", what, "Enter what you learned")
    record = CPDRecord.objects.create(
        year=year,
        kind=CPDKind.UNPLANNED,
        what=what,
        created_at=now,
        updated_at=now,
    )
    _audit_record("revalidation.cpd_record_created", record)
    return record


@transaction.atomic
def save_cpd_record(
    record: CPDRecord,
    *,
    what: str,
    learned_on: date | None,
    how: str,
    benefit: str,
    evidence: str,
    complete: bool,
    now: datetime,
) -> CPDRecord:
    """Save a record after the learning. Completing it needs what, the date, how and
    the benefit; a record without its benefit is kept as a draft and does not count.
    A date in the future, outside the year or before the plan stores nothing."""
    record = CPDRecord.objects.select_for_update().get(pk=record.pk)
    what = _required("what", what, "Enter what you learned")
    today = timezone.localdate(now)
    if learned_on is not None:
        problem = rules.learning_date_problem(
            learned_on,
            bounds=record.year.bounds,
            today=today,
            planned_at=(
                timezone.localdate(record.planned_at) if record.planned_at else None
            ),
        )
        if problem:
            raise PortfolioError("learned_on", problem)
    if complete:
        if learned_on is None:
            raise PortfolioError("learned_on", "Enter the date of the learning")
        _required("how", how, "Enter how you learned")
    record.what = what
    record.learned_on = learned_on
    record.how = (how or "").strip()
    record.benefit = (benefit or "").strip()
    record.evidence = (evidence or "").strip()
    record.updated_at = now
    was_completed = record.completed_at is not None
    if complete and record.benefit:
        record.completed_at = record.completed_at or now
    elif not record.benefit:
        record.completed_at = None
    record.save()
    _audit_record(
        "revalidation.cpd_record_completed"
        if record.completed_at is not None and not was_completed
        else "revalidation.cpd_record_updated",
        record,
    )
    return record


@transaction.atomic
def delete_draft_cpd_record(record: CPDRecord) -> None:
    """Delete a record still in draft. A completed record is kept: it counts towards
    the year, and changing it is the way to correct it. A record already deleted (the
    same request sent twice at once) is left as it is."""
    record = (
        CPDRecord.objects.select_for_update()
        .select_related("year__person")
        .filter(pk=record.pk)
        .first()
    )
    if record is None:
        return
    if record.completed_at is not None:
        raise PortfolioError(
            "record",
            "This CPD record is completed, so it cannot be deleted: it counts towards "
            "your revalidation year. Change it instead if something is wrong",
        )
    _audit_record("revalidation.cpd_record_deleted", record)
    record.delete()


@transaction.atomic
def record_exceptional_circumstances(
    year: RevalidationYear, *, reduced_cpd_records: int | None, reason: str
) -> RevalidationYear:
    """Record the reduced number of CPD records the GPhC agreed for exceptional
    circumstances, with the reason; None returns the year to the usual four."""
    if reduced_cpd_records is None:
        year.reduced_cpd_records = None
        year.exceptional_circumstances = ""
    else:
        try:
            rules.requirement(reduced_cpd_records=reduced_cpd_records)
        except ValueError as error:
            raise PortfolioError("reduced_cpd_records", str(error)) from error
        year.reduced_cpd_records = reduced_cpd_records
        year.exceptional_circumstances = _required(
            "reason", reason, "Enter the exceptional circumstances the GPhC agreed"
        )
    year.save(update_fields=["reduced_cpd_records", "exceptional_circumstances"])
    record_audit_event(
        "revalidation.exceptional_circumstances_recorded",
        actor=year.person,
        target=year,
        details={"reduced_cpd_records": year.reduced_cpd_records},
    )
    return year


def _date_in_year(field: str, day: date, *, year: RevalidationYear, today: date):
    if day > today:
        raise PortfolioError(field, "The date must be today or in the past")
    if not year.bounds.contains(day):
        raise PortfolioError(
            field,
            "The date must be in this revalidation year, "
            f"{year.bounds.starts_on:%-d %B %Y} to {year.bounds.ends_on:%-d %B %Y}",
        )


@transaction.atomic
def record_peer_discussion(
    year: RevalidationYear,
    *,
    peer_name: str,
    peer_role: str,
    discussed_on: date,
    what_changed: str,
    now: datetime,
) -> PeerDiscussion:
    """Record (or correct) the year's peer discussion."""
    peer_name = _required("peer_name", peer_name, "Enter the peer's name")
    peer_role = _required("peer_role", peer_role, "Enter the peer's role")
    _date_in_year(
        "discussed_on", discussed_on, year=year, today=timezone.localdate(now)
    )
    what_changed = _required(
        "what_changed", what_changed, "Enter what changed in your practice"
    )
    discussion, created = PeerDiscussion.objects.update_or_create(
        year=year,
        defaults={
            "peer_name": peer_name,
            "peer_role": peer_role,
            "discussed_on": discussed_on,
            "what_changed": what_changed,
            "updated_at": now,
        },
    )
    record_audit_event(
        "revalidation.peer_discussion_recorded"
        if created
        else "revalidation.peer_discussion_updated",
        actor=year.person,
        target=discussion,
        details={"year_id": year.pk, "discussed_on": discussed_on.isoformat()},
    )
    return discussion


@transaction.atomic
def write_reflective_account(
    year: RevalidationYear,
    *,
    standards: Iterable[RevalidationStandard],
    account: str,
    now: datetime,
) -> ReflectiveAccount:
    """Write (or rewrite) the year's reflective account against one or more of the
    standards the GPhC set for the year."""
    chosen = list(standards)
    if not chosen:
        raise PortfolioError("standards", "Choose at least one standard")
    allowed = set(standards_for(year).values_list("pk", flat=True))
    if any(standard.pk not in allowed for standard in chosen):
        raise PortfolioError("standards", "Choose standards set for this year")
    account = _required("account", account, "Enter your reflective account")
    reflective, created = ReflectiveAccount.objects.update_or_create(
        year=year,
        defaults={
            "account": account,
            "written_on": timezone.localdate(now),
            "updated_at": now,
        },
    )
    reflective.standards.set(chosen)
    record_audit_event(
        "revalidation.reflective_account_written"
        if created
        else "revalidation.reflective_account_updated",
        actor=year.person,
        target=reflective,
        details={
            "year_id": year.pk,
            "standards": sorted(standard.code for standard in chosen),
        },
    )
    return reflective


def send_revalidation_reminders(*, today: date) -> int:
    """Remind each person whose year still needs records 60, 30 and 7 days before
    its submission window closes; each reminder is sent once (its event key)."""
    sent = 0
    years = RevalidationYear.objects.filter(
        renewal_date__gte=today,
        renewal_date__lte=today + timedelta(days=max(rules.REMINDER_DAYS)),
        person__is_active=True,
    ).select_related("person")
    for year in years:
        threshold = rules.reminder_due(closes_on=year.renewal_date, today=today)
        if threshold is None:
            continue
        progress = year_progress(year)
        if progress.complete:
            continue
        with transaction.atomic():
            notification = notify(
                recipient=year.person,
                kind=Kind.REVALIDATION_DUE,
                title=f"Your revalidation records are due by "
                f"{year.renewal_date:%-d %B %Y}",
                body="Still needed: " + "; ".join(progress.still_needed) + ". "
                "Submit them to the GPhC yourself before the window closes.",
                link=reverse("revalidation:portfolio"),
                event_key=f"revalidation_due:{year.pk}:{year.renewal_date}:{threshold}",
            )
        sent += notification is not None
    return sent
