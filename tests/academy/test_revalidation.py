from datetime import date, timedelta

import pytest

from academy.revalidation import (
    EVERY,
    INITIAL_THEN_EVERY,
    NONE,
    RevalidationRule,
    ValidationResult,
    add_months,
    validation_status,
)

BROTH = RevalidationRule(kind=INITIAL_THEN_EVERY, months=6, initial_passes=3)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 15), 1, date(2026, 2, 15)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2028, 2, 29), 12, date(2029, 2, 28)),  # leap day, a year on
        (date(2028, 2, 29), 48, date(2032, 2, 29)),  # leap day, four years on
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 3, 31), 6, date(2026, 9, 30)),
        (date(2026, 12, 31), 1, date(2027, 1, 31)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 5, 31), 36, date(2029, 5, 31)),
        (date(2026, 7, 1), 0, date(2026, 7, 1)),
        (date(2100, 1, 29), 1, date(2100, 2, 28)),  # 2100 is not a leap year
        (date(2000, 1, 29), 1, date(2000, 2, 29)),  # 2000 is
    ],
)
def test_add_months_clamps_to_month_end(start, months, expected):
    assert add_months(start, months) == expected


def test_add_months_every_day_of_a_leap_year_lands_in_the_right_month():
    day = date(2028, 1, 1)
    while day.year == 2028:
        later = add_months(day, 1)
        assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == 1
        assert later.day <= day.day
        day += timedelta(days=1)


def test_no_revalidation_never_expires():
    assert RevalidationRule(kind=NONE).expiry_after(date(2026, 1, 1)) is None


def test_every_twelve_months_expires_a_year_on():
    rule = RevalidationRule(kind=EVERY, months=12)
    assert rule.expiry_after(date(2026, 4, 30)) == date(2027, 4, 30)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (RevalidationRule(kind=EVERY), "months"),
        (RevalidationRule(kind=EVERY, months=0), "months"),
        (RevalidationRule(kind=INITIAL_THEN_EVERY, months=6), "initial passes"),
        (RevalidationRule(kind="yearly", months=6), "Unknown"),
    ],
)
def test_incomplete_rules_are_refused(rule, message):
    with pytest.raises(ValueError, match=message):
        rule.validate()


def results(*entries):
    return [ValidationResult(on=on, passed=passed) for on, passed in entries]


def test_three_consecutive_passes_qualify_for_six_months():
    status = validation_status(
        BROTH,
        results(
            (date(2026, 1, 5), True),
            (date(2026, 1, 12), True),
            (date(2026, 1, 19), True),
        ),
        today=date(2026, 2, 1),
    )
    assert status.current
    assert status.valid_until == date(2026, 7, 19)
    assert status.passes_needed == 0


def test_two_passes_are_not_enough():
    status = validation_status(
        BROTH,
        results((date(2026, 1, 5), True), (date(2026, 1, 12), True)),
        today=date(2026, 1, 13),
    )
    assert not status.qualified
    assert status.passes_needed == 1


def test_a_failure_during_initial_validation_restarts_the_count():
    status = validation_status(
        BROTH,
        results(
            (date(2026, 1, 5), True),
            (date(2026, 1, 12), True),
            (date(2026, 1, 19), False),
            (date(2026, 1, 26), True),
            (date(2026, 2, 2), True),
        ),
        today=date(2026, 2, 3),
    )
    assert not status.qualified
    assert status.consecutive_passes == 2
    assert status.passes_needed == 1


def test_results_are_applied_in_date_order_whatever_order_they_arrive_in():
    status = validation_status(
        BROTH,
        results(
            (date(2026, 1, 19), True),
            (date(2026, 1, 5), True),
            (date(2026, 1, 12), True),
        ),
        today=date(2026, 1, 20),
    )
    assert status.current


def qualified_in_january():
    return [
        (date(2026, 1, 5), True),
        (date(2026, 1, 12), True),
        (date(2026, 1, 19), True),
    ]


def test_a_six_monthly_pass_renews_for_six_months_from_that_pass():
    status = validation_status(
        BROTH,
        results(*qualified_in_january(), (date(2026, 7, 10), True)),
        today=date(2026, 8, 1),
    )
    assert status.current
    assert status.valid_until == date(2027, 1, 10)


def test_a_pass_on_the_expiry_day_still_renews():
    status = validation_status(
        BROTH,
        results(*qualified_in_january(), (date(2026, 7, 19), True)),
        today=date(2026, 7, 20),
    )
    assert status.current
    assert status.valid_until == date(2027, 1, 19)


def test_a_failure_after_qualifying_suspends_until_the_next_pass():
    suspended = validation_status(
        BROTH,
        results(*qualified_in_january(), (date(2026, 3, 1), False)),
        today=date(2026, 3, 2),
    )
    assert suspended.qualified
    assert suspended.suspended
    assert not suspended.current

    restored = validation_status(
        BROTH,
        results(
            *qualified_in_january(), (date(2026, 3, 1), False), (date(2026, 3, 8), True)
        ),
        today=date(2026, 3, 9),
    )
    assert restored.current
    assert restored.valid_until == date(2026, 9, 8)


def test_without_a_pass_by_the_expiry_the_validation_lapses():
    status = validation_status(
        BROTH, results(*qualified_in_january()), today=date(2026, 7, 20)
    )
    assert not status.qualified
    assert status.valid_until is None
    assert status.passes_needed == 3


def test_on_the_expiry_day_itself_the_validation_is_still_current():
    status = validation_status(
        BROTH, results(*qualified_in_january()), today=date(2026, 7, 19)
    )
    assert status.current


def test_a_late_pass_after_a_lapse_counts_towards_requalifying():
    status = validation_status(
        BROTH,
        results(*qualified_in_january(), (date(2026, 9, 1), True)),
        today=date(2026, 9, 2),
    )
    assert not status.qualified
    assert status.consecutive_passes == 1
    assert status.passes_needed == 2


def test_qualifying_at_month_end_in_a_leap_year():
    rule = RevalidationRule(kind=INITIAL_THEN_EVERY, months=6, initial_passes=3)
    status = validation_status(
        rule,
        results(
            (date(2028, 8, 29), True),
            (date(2028, 8, 30), True),
            (date(2028, 8, 31), True),
        ),
        today=date(2028, 9, 1),
    )
    assert status.valid_until == date(2029, 2, 28)


def test_a_simple_interval_rule_needs_one_pass():
    rule = RevalidationRule(kind=EVERY, months=12)
    status = validation_status(
        rule, results((date(2026, 5, 1), True)), today=date(2026, 5, 2)
    )
    assert status.current
    assert status.valid_until == date(2027, 5, 1)
