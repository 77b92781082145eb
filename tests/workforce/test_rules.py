from datetime import date

import pytest

from workforce import rules


@pytest.mark.parametrize(
    ("count", "shown"),
    [
        (None, "fewer than 5"),
        (0, "fewer than 5"),
        (1, "fewer than 5"),
        (4, "fewer than 5"),
        (5, "5"),
        (6, "6"),
        (1234, "1234"),
    ],
)
def test_counts_under_5_are_shown_as_fewer_than_5(count, shown):
    assert rules.shown_count(count) == shown


@pytest.mark.parametrize(
    ("part", "whole", "shown"),
    [
        (5, 10, "50%"),
        (7, 9, "78%"),
        (4, 10, "fewer than 5"),
        (10, 4, "fewer than 5"),
        (0, 20, "fewer than 5"),
        (20, 20, "100%"),
    ],
)
def test_a_rate_needs_both_counts_at_least_5(part, whole, shown):
    assert rules.shown_rate(part, whole) == shown


def test_a_ratio_needs_both_counts_at_least_5():
    assert rules.shown_ratio(12, 5) == "2.4"
    assert rules.shown_ratio(12, 4) == "fewer than 5"
    assert rules.shown_ratio(3, 9) == "fewer than 5"


def test_a_chart_draws_no_suppressed_value():
    assert rules.plotted(4) is None
    assert rules.plotted(0) is None
    assert rules.plotted(5) == 5


def test_the_trend_is_the_last_12_months_oldest_first():
    months = rules.trend_months(date(2026, 3, 17))
    assert len(months) == 12
    assert months[0] == date(2025, 4, 1)
    assert months[-1] == date(2026, 3, 1)
    assert all(month.day == 1 for month in months)


def test_a_month_is_counted_on_its_last_day_or_today():
    assert rules.month_end(date(2024, 2, 1)) == date(2024, 2, 29)
    assert rules.month_end(date(2025, 12, 1)) == date(2025, 12, 31)
    assert rules.as_of_day(date(2025, 11, 1), date(2026, 3, 17)) == date(2025, 11, 30)
    assert rules.as_of_day(date(2026, 3, 1), date(2026, 3, 17)) == date(2026, 3, 17)
