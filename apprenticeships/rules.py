"""Pure rules of apprenticeships: which off-the-job minimum applies by start date,
how many hours are expected by a day, what a log entry may not be, and when the next
progress review is due. Plain values in, plain values out: no database.

The minimum is data: `RULE_SETS` names, for each range of start dates, whether the
minimum is hours a week over the planned duration (starts before 1 August 2025: 6
hours a week) or the minimum stored on the standard (later starts).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

WEEKLY = "weekly"
PER_STANDARD = "per_standard"


@dataclass(frozen=True)
class RuleSet:
    """The off-the-job rule for apprentices starting from `starts_from` (inclusive)
    until `starts_before` (exclusive; None: no end)."""

    name: str
    starts_from: date | None
    starts_before: date | None
    kind: str
    hours_per_week: Decimal = Decimal(0)


RULE_SETS: tuple[RuleSet, ...] = (
    RuleSet(
        name="Starts before 1 August 2025: 6 hours a week",
        starts_from=None,
        starts_before=date(2025, 8, 1),
        kind=WEEKLY,
        hours_per_week=Decimal(6),
    ),
    RuleSet(
        name="Starts from 1 August 2025: the standard's minimum",
        starts_from=date(2025, 8, 1),
        starts_before=None,
        kind=PER_STANDARD,
    ),
)

MAX_HOURS_A_DAY = Decimal(24)
REVIEW_EARLIEST = timedelta(weeks=8)
REVIEW_LATEST = timedelta(weeks=12)


def rule_set_for(start: date, rule_sets: tuple[RuleSet, ...] = RULE_SETS) -> RuleSet:
    """The rule set whose range of start dates holds `start`."""
    for rule in rule_sets:
        if (rule.starts_from is None or start >= rule.starts_from) and (
            rule.starts_before is None or start < rule.starts_before
        ):
            return rule
    raise ValueError(f"No off-the-job rule covers a start on {start}.")


def module_hours(estimated_minutes: int) -> Decimal:
    """An Academy module counts as off-the-job training at its estimated time, in
    hours to the hundredth."""
    return (Decimal(estimated_minutes) / 60).quantize(Decimal("0.01"))


def hours_text(hours: Decimal) -> str:
    """Hours as people write them, the same whichever database summed them: 6.5, not
    6.50; 400, not 4E+2."""
    return f"{hours.normalize():f}"


def planned_weeks(start: date, planned_end: date) -> int:
    """Whole weeks from the start to the planned end."""
    return max((planned_end - start).days // 7, 0)


def minimum_hours(
    *,
    start: date,
    planned_end: date,
    standard_minimum: int,
    rule_sets: tuple[RuleSet, ...] = RULE_SETS,
) -> Decimal:
    """The off-the-job hours the whole programme needs."""
    rule = rule_set_for(start, rule_sets)
    if rule.kind == WEEKLY:
        return rule.hours_per_week * planned_weeks(start, planned_end)
    return Decimal(standard_minimum)


def expected_by(
    *, start: date, planned_end: date, total_minimum: Decimal, today: date
) -> Decimal:
    """The hours expected by `today`: the minimum in proportion to the planned
    duration passed, rounded down to a whole hour."""
    duration = (planned_end - start).days
    if duration <= 0 or today >= planned_end:
        return total_minimum
    if today <= start:
        return Decimal(0)
    return (total_minimum * (today - start).days / duration).quantize(
        Decimal(1), "ROUND_DOWN"
    )


def entry_refusal(
    *,
    on_date: date | None,
    hours: Decimal | None,
    start: date,
    today: date,
    hours_already_that_day: Decimal = Decimal(0),
) -> tuple[str, str] | None:
    """Why a log entry cannot be stored, as (field, message), or None."""
    if on_date is not None:
        if on_date > today:
            return "on_date", "The date of the activity must be today or in the past"
        if on_date < start:
            return (
                "on_date",
                "The date of the activity must be on or after the start of the "
                f"apprenticeship ({start:%-d %B %Y})",
            )
    if hours is not None:
        if hours <= 0:
            return "hours", "Hours must be more than 0"
        if hours + hours_already_that_day > MAX_HOURS_A_DAY:
            if hours_already_that_day:
                return (
                    "hours",
                    f"{hours_text(hours_already_that_day)} hours are already logged "
                    "that day: a day cannot have more than 24 hours",
                )
            return "hours", "Hours in one day must be 24 or fewer"
    return None


def next_review_window(*, start: date, last_review: date | None) -> tuple[date, date]:
    """The earliest and latest day of the next progress review: 8 to 12 weeks after
    the last one, or after the start before any review."""
    since = last_review or start
    return since + REVIEW_EARLIEST, since + REVIEW_LATEST


def review_date_refusal(*, held_on: date, start: date, today: date) -> str | None:
    """Why a review cannot be held on that day, or None."""
    if held_on > today:
        return "The date of the review must be today or in the past"
    if held_on < start:
        return (
            "The date of the review must be on or after the start of the "
            f"apprenticeship ({start:%-d %B %Y})"
        )
    return None


def ksb_progress(ksb_competencies: set[int], held: set[int]) -> tuple[int, int]:
    """(competencies held, competencies mapped) for one KSB."""
    return len(ksb_competencies & held), len(ksb_competencies)
