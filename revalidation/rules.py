"""GPhC revalidation rules as pure functions of dates and records: the revalidation
year a renewal date closes, what a year requires (four CPD records, at least two of
them planned, one peer discussion, one reflective account; fewer CPD records where
exceptional circumstances are agreed), what is still needed, and when to remind."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from academy.revalidation import add_months

CPD_RECORDS = 4
PLANNED_MINIMUM = 2
PEER_DISCUSSIONS = 1
REFLECTIVE_ACCOUNTS = 1
REMINDER_DAYS: tuple[int, ...] = (60, 30, 7)

PLANNED = "planned"
UNPLANNED = "unplanned"


@dataclass(frozen=True)
class YearBounds:
    """The first and last day of a revalidation year; records are due on the last
    day, the renewal date, when the submission window closes."""

    starts_on: date
    ends_on: date

    def contains(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


def year_ending(renewal_date: date) -> YearBounds:
    """The revalidation year closed by a renewal date: the day after the previous
    renewal date up to and including this one."""
    return YearBounds(
        starts_on=add_months(renewal_date, -12) + timedelta(days=1),
        ends_on=renewal_date,
    )


def next_renewal_date(renewal_date: date) -> date:
    """The renewal date a year later, which closes the next revalidation year."""
    return add_months(renewal_date, 12)


@dataclass(frozen=True)
class Requirement:
    """What one revalidation year asks for."""

    cpd_records: int = CPD_RECORDS
    planned: int = PLANNED_MINIMUM
    peer_discussions: int = PEER_DISCUSSIONS
    reflective_accounts: int = REFLECTIVE_ACCOUNTS


def requirement(*, reduced_cpd_records: int | None = None) -> Requirement:
    """Four CPD records, two planned; with exceptional circumstances agreed with the
    GPhC, the reduced number of CPD records, as many of them planned as the minimum
    allows (two, or all of them when fewer than two are asked for)."""
    if reduced_cpd_records is None:
        return Requirement()
    if not 0 <= reduced_cpd_records < CPD_RECORDS:
        raise ValueError(
            f"A reduced requirement is between 0 and {CPD_RECORDS - 1} CPD records."
        )
    return Requirement(
        cpd_records=reduced_cpd_records,
        planned=min(PLANNED_MINIMUM, reduced_cpd_records),
    )


@dataclass(frozen=True)
class CPDFacts:
    """What the rules need to know of one CPD record."""

    kind: str
    what: str
    benefit: str
    completed: bool = True


def counts(record: CPDFacts) -> bool:
    """A record counts once completed with its benefit to people using services in
    the person's own words; until then it is a draft."""
    return (
        record.completed and bool(record.what.strip()) and bool(record.benefit.strip())
    )


@dataclass(frozen=True)
class Progress:
    """Where a year stands and what is still needed, in words for the person."""

    cpd_counted: int
    planned_counted: int
    peer_discussions: int
    reflective_accounts: int
    requirement: Requirement
    still_needed: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.still_needed


def _records(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def progress(
    records: Iterable[CPDFacts],
    *,
    peer_discussions: int,
    reflective_accounts: int,
    requirement: Requirement,
) -> Progress:
    """Count what counts and say what is still needed: more CPD records, more planned
    ones among them, the peer discussion and the reflective account."""
    counted = [record for record in records if counts(record)]
    planned = sum(1 for record in counted if record.kind == PLANNED)
    needed = []
    missing_records = max(requirement.cpd_records - len(counted), 0)
    missing_planned = max(requirement.planned - planned, 0)
    if missing_records:
        words = _records(missing_records, "more CPD record")
        if missing_planned:
            words += f", {min(missing_planned, missing_records)} of them planned"
        needed.append(words)
    elif missing_planned:
        needed.append(_records(missing_planned, "more planned CPD record"))
    if peer_discussions < requirement.peer_discussions:
        needed.append("A peer discussion")
    if reflective_accounts < requirement.reflective_accounts:
        needed.append("A reflective account")
    return Progress(
        cpd_counted=len(counted),
        planned_counted=planned,
        peer_discussions=peer_discussions,
        reflective_accounts=reflective_accounts,
        requirement=requirement,
        still_needed=tuple(needed),
    )


def learning_date_problem(
    day: date, *, bounds: YearBounds, today: date, planned_at: date | None = None
) -> str:
    """Why a learning date cannot stand, or "": not in the future, within the year,
    and for a planned record not before the plan was made."""
    if day > today:
        return "The date of the learning must be today or in the past"
    if day < bounds.starts_on:
        return (
            "The date of the learning must be in this revalidation year, on or after "
            f"{bounds.starts_on:%-d %B %Y}"
        )
    if day > bounds.ends_on:
        return (
            "The date of the learning must be in this revalidation year, on or before "
            f"{bounds.ends_on:%-d %B %Y}"
        )
    if planned_at is not None and day < planned_at:
        return (
            "A planned record's learning comes after its plan: the date must be on or "
            f"after {planned_at:%-d %B %Y}"
        )
    return ""


def reminder_due(*, closes_on: date, today: date) -> int | None:
    """The reminder to send today: the nearest of 60, 30 and 7 days before the
    submission window closes that has been reached (a late run sends only that one),
    or None before the first and after the window has closed."""
    remaining = (closes_on - today).days
    if remaining < 0:
        return None
    reached = [days for days in REMINDER_DAYS if remaining <= days]
    return min(reached) if reached else None
