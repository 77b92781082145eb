"""Reads of the revalidation portfolio: a person's current year, where it stands, the
Academy activity a CPD record may be drafted from, and the portfolio as plain text."""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from academy.models import User
from assessments.models import Attempt, WorkplaceAssessment
from assessments.models.workplace import SIGNED_STATUSES
from courses.models import Enrolment
from revalidation import rules
from revalidation.models import (
    ActivitySource,
    CPDRecord,
    RevalidationStandard,
    RevalidationYear,
)


def current_year_for(person: User) -> RevalidationYear | None:
    """The year the person is working on: the one with the latest renewal date."""
    return RevalidationYear.objects.filter(person=person).first()


def year_progress(year: RevalidationYear) -> rules.Progress:
    """What counts in the year and what is still needed."""
    return rules.progress(
        [record.facts for record in year.cpd_records.all()],
        peer_discussions=int(_has(year, "peer_discussion")),
        reflective_accounts=int(_has(year, "reflective_account")),
        requirement=year.requirement,
    )


def _has(year: RevalidationYear, related: str) -> bool:
    """Whether the year holds its one peer discussion or reflective account (a
    missing one-to-one record raises an AttributeError, which `hasattr` answers)."""
    return hasattr(year, related)


def standards_for(year: RevalidationYear):
    """The standards reflective accounts address in the year of a renewal date."""
    return RevalidationStandard.objects.filter(
        applies_from__lte=year.renewal_date
    ).exclude(applies_until__lt=year.renewal_date)


@dataclass(frozen=True)
class Activity:
    """Academy activity a CPD record may be drafted from, with "what" and evidence."""

    key: str
    source: str
    on: date
    what: str
    evidence: str

    @property
    def source_label(self) -> str:
        return ActivitySource(self.source).label


def _day(moment: datetime) -> date:
    return timezone.localdate(moment)


def academy_activity(person: User, *, year: RevalidationYear) -> list[Activity]:
    """The person's completed modules, passed knowledge assessments and signed
    workplace assessments within the year, not already drafted into a record,
    newest first."""
    bounds = year.bounds
    found: list[Activity] = []
    for enrolment in Enrolment.objects.filter(
        trainee=person, completed_at__isnull=False
    ).select_related("module"):
        found.append(
            Activity(
                key=f"module:{enrolment.pk}",
                source=ActivitySource.MODULE,
                on=_day(enrolment.completed_at),
                what=f"Completed the e-learning module '{enrolment.module.title}'.",
                evidence=f"Academy record: module '{enrolment.module.title}' "
                f"completed on {_day(enrolment.completed_at):%-d %B %Y}.",
            )
        )
    for attempt in Attempt.objects.filter(
        trainee=person, passed=True, submitted_at__isnull=False
    ).select_related("module"):
        found.append(
            Activity(
                key=f"knowledge:{attempt.pk}",
                source=ActivitySource.KNOWLEDGE,
                on=_day(attempt.submitted_at),
                what="Passed the knowledge assessment of the module "
                f"'{attempt.module.title}'.",
                evidence=f"Academy record: knowledge assessment attempt "
                f"{attempt.number} passed on {_day(attempt.submitted_at):%-d %B %Y}"
                f" with {attempt.percent:.0f}%.",
            )
        )
    for assessment in WorkplaceAssessment.objects.filter(
        trainee=person, status__in=SIGNED_STATUSES, signature__isnull=False
    ).select_related("competency", "signature"):
        signed = assessment.signature
        found.append(
            Activity(
                key=f"workplace:{assessment.pk}",
                source=ActivitySource.WORKPLACE,
                on=_day(signed.signed_at),
                what="Workplace assessment of "
                f"{assessment.competency.code} {assessment.competency.title}, "
                f"assessed as {assessment.get_outcome_display().lower()}.",
                evidence=f"Academy record: workplace assessment signed by "
                f"{signed.printed_name} on {_day(signed.signed_at):%-d %B %Y}.",
            )
        )
    used = set(
        CPDRecord.objects.filter(year=year)
        .exclude(source_key="")
        .values_list("source_key", flat=True)
    )
    return sorted(
        (
            activity
            for activity in found
            if activity.key not in used and bounds.contains(activity.on)
        ),
        key=lambda activity: (activity.on, activity.key),
        reverse=True,
    )


def activity_by_key(
    person: User, *, year: RevalidationYear, key: str
) -> Activity | None:
    """One of the person's activities not yet drafted, or None."""
    return next(
        (
            activity
            for activity in academy_activity(person, year=year)
            if activity.key == key
        ),
        None,
    )


def portfolio_text(year: RevalidationYear) -> str:
    """The year's records as plain text, in the order the regulator's portal asks
    for them, ready to copy across. Drafts are left out: they do not count."""
    person = year.person
    bounds = year.bounds
    lines = [
        "GPhC revalidation records",
        f"Name: {person.full_name}",
        f"GPhC registration number: {person.registration_number}",
        f"Revalidation year: {bounds.starts_on:%-d %B %Y} to "
        f"{bounds.ends_on:%-d %B %Y}",
        "",
    ]
    counted = [record for record in year.cpd_records.all() if record.counts]
    for number, record in enumerate(counted, start=1):
        lines += [
            f"CPD record {number} ({record.get_kind_display().lower()})",
            f"What: {record.what}",
        ]
        if record.why_relevant:
            lines.append(f"Why relevant: {record.why_relevant}")
        if record.planned_at:
            lines.append(f"Planned on: {_day(record.planned_at):%-d %B %Y}")
        if record.learned_on:
            lines.append(f"Learning date: {record.learned_on:%-d %B %Y}")
        if record.how:
            lines.append(f"How: {record.how}")
        lines.append(f"Benefit to people using services: {record.benefit}")
        if record.evidence:
            lines.append(f"Evidence: {record.evidence}")
        lines.append("")
    if _has(year, "peer_discussion"):
        discussion = year.peer_discussion
        lines += [
            "Peer discussion",
            f"Peer: {discussion.peer_name}, {discussion.peer_role}",
            f"Date: {discussion.discussed_on:%-d %B %Y}",
            f"What changed: {discussion.what_changed}",
            "",
        ]
    if _has(year, "reflective_account"):
        account = year.reflective_account
        standards = "; ".join(str(standard) for standard in account.standards.all())
        lines += [
            "Reflective account",
            f"Standards: {standards}",
            f"Written on: {account.written_on:%-d %B %Y}",
            account.account,
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"
