"""Revalidation rules of the framework, as pure functions of dates and results."""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

NONE = "none"
EVERY = "every"
INITIAL_THEN_EVERY = "initial_then_every"


def add_months(start: date, months: int) -> date:
    """The same day `months` later; a day the month lacks becomes its last day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


@dataclass(frozen=True)
class RevalidationRule:
    """None, every M months, or N consecutive initial passes then one every M months."""

    kind: str = NONE
    months: int | None = None
    initial_passes: int | None = None

    def validate(self) -> None:
        if self.kind == NONE:
            return
        if self.kind not in (EVERY, INITIAL_THEN_EVERY):
            raise ValueError(f"Unknown revalidation rule '{self.kind}'.")
        if not self.months or self.months < 1:
            raise ValueError("Give the number of months between revalidations.")
        if self.kind == INITIAL_THEN_EVERY and (
            not self.initial_passes or self.initial_passes < 1
        ):
            raise ValueError("Give the number of consecutive initial passes needed.")

    def expiry_after(self, achieved_on: date) -> date | None:
        """The last day a competence achieved (or revalidated) on a date stays current."""
        self.validate()
        if self.kind == NONE:
            return None
        return add_months(achieved_on, self.months)


@dataclass(frozen=True)
class ValidationResult:
    """One process-validation result, such as a broth transfer test."""

    on: date
    passed: bool


@dataclass(frozen=True)
class ValidationStatus:
    """Where an operator stands under an N-initial-passes-then-every-M-months rule."""

    qualified: bool
    suspended: bool
    valid_until: date | None
    consecutive_passes: int
    passes_needed: int

    @property
    def current(self) -> bool:
        return self.qualified and not self.suspended


def validation_status(
    rule: RevalidationRule, results: Iterable[ValidationResult], *, today: date
) -> ValidationStatus:
    """Apply the rule to results in date order.

    Qualification needs N consecutive passes (a failure restarts the count). Once
    qualified, each pass on or before the expiry renews it for M months; a failure
    suspends it until the next pass; a lapse (no pass by the expiry) means starting
    again with N consecutive passes.
    """
    rule.validate()
    needed = (rule.initial_passes or 1) if rule.kind == INITIAL_THEN_EVERY else 1
    qualified = suspended = False
    valid_until: date | None = None
    consecutive = 0
    for result in sorted(results, key=lambda r: r.on):
        if qualified and valid_until is not None and result.on > valid_until:
            qualified, suspended, valid_until, consecutive = False, False, None, 0
        if result.passed:
            consecutive += 1
            if qualified:
                suspended = False
                valid_until = rule.expiry_after(result.on)
            elif consecutive >= needed:
                qualified, valid_until = True, rule.expiry_after(result.on)
        elif qualified:
            suspended, consecutive = True, 0
        else:
            consecutive = 0
    if qualified and valid_until is not None and today > valid_until:
        qualified, suspended, valid_until, consecutive = False, False, None, 0
    return ValidationStatus(
        qualified=qualified,
        suspended=suspended,
        valid_until=valid_until,
        consecutive_passes=consecutive,
        passes_needed=0 if qualified else max(needed - consecutive, 0),
    )
