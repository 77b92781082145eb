"""Rules of process validation as pure functions: gowning and finger-dab results against
the Grade A limit, the finger-dab trend, result dates, and unsupervised aseptic work."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from academy.revalidation import ValidationResult, ValidationStatus


def plates_within_limit(counts: Sequence[int], *, limit: int) -> bool:
    """Every plate (glove print or gown contact plate) shows no more than `limit` cfu."""
    return all(count <= limit for count in counts)


def gowning_passed(*, visual_passed: bool, counts: Sequence[int], limit: int) -> bool:
    """A gowning qualification passes only when the visual check passed and every
    microbial sample is within the Grade A limit."""
    return visual_passed and plates_within_limit(counts, limit=limit)


def finger_dab_excursion(*, left_cfu: int, right_cfu: int, limit: int) -> bool:
    """A session's finger dabs are an excursion when either hand exceeds the limit."""
    return not plates_within_limit((left_cfu, right_cfu), limit=limit)


@dataclass(frozen=True)
class FingerDabTrend:
    """Adverse when at least `excursions` of the last `sessions` sessions exceeded."""

    excursions: int
    sessions: int

    def __post_init__(self) -> None:
        if not 1 <= self.excursions <= self.sessions:
            raise ValueError("A trend needs 1 <= excursions <= sessions.")

    def is_adverse(self, excursions: Sequence[bool]) -> bool:
        """`excursions` holds one flag per session, oldest first."""
        return sum(excursions[-self.sessions :]) >= self.excursions


def trend_suspensions(
    sessions: Sequence[tuple[date, bool]], *, trend: FingerDabTrend
) -> list[date]:
    """The session dates at which an excursion made (or kept) the trend adverse.

    Each one suspends the broth transfer validation, as a failed broth test would;
    sessions are (date, excursion) pairs in the order they were held.
    """
    flags: list[bool] = []
    suspended_on = []
    for held_on, excursion in sessions:
        flags.append(excursion)
        if excursion and trend.is_adverse(flags):
            suspended_on.append(held_on)
    return suspended_on


def with_trend_failures(
    results: Sequence[ValidationResult], suspensions: Sequence[date]
) -> list[ValidationResult]:
    """Broth transfer results with each adverse-trend date counted as a failure."""
    return [*results, *(ValidationResult(on=day, passed=False) for day in suspensions)]


def result_date_errors(
    *,
    performed_on: date | None,
    read_on: date | None,
    today: date,
    incubation_started_on: date | None = None,
    incubation_days: int = 0,
) -> dict[str, str]:
    """What is wrong with a result's dates, by field: none may be in the future,
    incubation starts on or after the test, and plates are read after it ends."""
    errors: dict[str, str] = {}
    named = {
        "performed_on": performed_on,
        "incubation_started_on": incubation_started_on,
        "read_on": read_on,
    }
    for field, day in named.items():
        if day is not None and day > today:
            errors[field] = "The date cannot be in the future"
    if errors or performed_on is None or read_on is None:
        return errors
    start = incubation_started_on or performed_on
    if incubation_started_on is not None and incubation_started_on < performed_on:
        errors["incubation_started_on"] = (
            "Incubation cannot start before the test was done"
        )
    elif read_on < start:
        errors["read_on"] = (
            "The read date must be on or after the incubation start date"
            if incubation_started_on is not None
            else "The read date must be on or after the date of the test"
        )
    elif read_on < (earliest := start + timedelta(days=incubation_days)):
        errors["read_on"] = (
            f"Read the units after {incubation_days} days of incubation, on or after "
            f"{earliest.day} {earliest:%B %Y}"
        )
    return errors


@dataclass(frozen=True)
class UnsupervisedWork:
    """Whether an operator may work unsupervised in aseptic preparation, and why not."""

    allowed: bool
    reasons: tuple[str, ...]


def unsupervised_work(
    *, gowning: ValidationStatus, broth_transfer: ValidationStatus
) -> UnsupervisedWork:
    """Unsupervised aseptic work needs a current gowning qualification (ASP-02) and a
    current broth transfer validation (ASP-08); until then, only under supervision."""
    reasons = []
    for name, status in (
        ("gowning qualification", gowning),
        ("broth transfer validation", broth_transfer),
    ):
        if status.suspended:
            reasons.append(f"The {name} is suspended.")
        elif not status.qualified:
            reasons.append(f"There is no current {name}.")
    return UnsupervisedWork(allowed=not reasons, reasons=tuple(reasons))
