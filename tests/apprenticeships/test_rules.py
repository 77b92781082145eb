from datetime import date
from decimal import Decimal

import pytest

from apprenticeships import rules


def test_a_start_before_august_2025_keeps_six_hours_a_week():
    rule = rules.rule_set_for(date(2025, 7, 31))
    assert rule.kind == rules.WEEKLY
    assert rule.hours_per_week == 6
    # 52 whole weeks, whatever the standard says
    assert rules.minimum_hours(
        start=date(2025, 7, 31), planned_end=date(2026, 7, 31), standard_minimum=187
    ) == Decimal(312)


def test_a_start_from_august_2025_takes_the_standard_s_minimum():
    assert rules.rule_set_for(date(2025, 8, 1)).kind == rules.PER_STANDARD
    assert rules.minimum_hours(
        start=date(2025, 8, 1), planned_end=date(2027, 8, 1), standard_minimum=187
    ) == Decimal(187)


def test_the_rule_sets_are_data_a_caller_may_replace():
    only_weekly = (
        rules.RuleSet("Every start: 2 a week", None, None, rules.WEEKLY, Decimal(2)),
    )
    assert rules.minimum_hours(
        start=date(2030, 1, 1),
        planned_end=date(2030, 1, 29),
        standard_minimum=999,
        rule_sets=only_weekly,
    ) == Decimal(8)
    with pytest.raises(ValueError, match="No off-the-job rule"):
        rules.rule_set_for(date(2020, 1, 1), rule_sets=())


def test_hours_expected_grow_with_the_time_passed():
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    total = Decimal(364)
    assert (
        rules.expected_by(
            start=start, planned_end=end, total_minimum=total, today=start
        )
        == 0
    )
    assert rules.expected_by(
        start=start, planned_end=end, total_minimum=total, today=date(2026, 7, 2)
    ) == Decimal(182)
    assert (
        rules.expected_by(
            start=start, planned_end=end, total_minimum=total, today=date(2027, 3, 1)
        )
        == total
    )


@pytest.mark.parametrize(
    ("on_date", "hours", "already", "field", "words"),
    [
        (date(2026, 3, 2), Decimal(25), Decimal(0), "hours", "24 or fewer"),
        (date(2026, 3, 2), Decimal(5), Decimal(20), "hours", "20 hours are already"),
        (date(2026, 3, 2), Decimal(0), Decimal(0), "hours", "more than 0"),
        (date(2026, 3, 11), Decimal(2), Decimal(0), "on_date", "today or in the past"),
        (date(2026, 2, 28), Decimal(2), Decimal(0), "on_date", "on or after the start"),
    ],
)
def test_a_log_entry_is_refused(on_date, hours, already, field, words):
    refusal = rules.entry_refusal(
        on_date=on_date,
        hours=hours,
        start=date(2026, 3, 1),
        today=date(2026, 3, 10),
        hours_already_that_day=already,
    )
    assert refusal is not None
    assert refusal[0] == field
    assert words in refusal[1]


def test_a_full_day_of_24_hours_on_a_past_day_is_accepted():
    assert (
        rules.entry_refusal(
            on_date=date(2026, 3, 1),
            hours=Decimal(4),
            start=date(2026, 3, 1),
            today=date(2026, 3, 10),
            hours_already_that_day=Decimal(20),
        )
        is None
    )


def test_the_next_review_is_8_to_12_weeks_after_the_last_or_the_start():
    assert rules.next_review_window(start=date(2026, 1, 5), last_review=None) == (
        date(2026, 3, 2),
        date(2026, 3, 30),
    )
    assert rules.next_review_window(
        start=date(2026, 1, 5), last_review=date(2026, 3, 16)
    ) == (date(2026, 5, 11), date(2026, 6, 8))


def test_review_dates_outside_the_apprenticeship_are_refused():
    start, today = date(2026, 1, 5), date(2026, 3, 10)
    assert "future" not in (
        rules.review_date_refusal(held_on=today, start=start, today=today) or ""
    )
    assert rules.review_date_refusal(held_on=today, start=start, today=today) is None
    assert "today or in the past" in rules.review_date_refusal(
        held_on=date(2026, 3, 11), start=start, today=today
    )
    assert "on or after the start" in rules.review_date_refusal(
        held_on=date(2026, 1, 4), start=start, today=today
    )


def test_ksb_progress_counts_the_mapped_competencies_held():
    assert rules.ksb_progress({1, 2, 3}, {2, 3, 9}) == (2, 3)
    assert rules.ksb_progress(set(), {1}) == (0, 0)


@pytest.mark.parametrize(
    ("hours", "text"),
    [("400", "400"), ("6.50", "6.5"), ("0.00", "0"), ("7.25", "7.25"), ("1E+2", "100")],
)
def test_hours_are_written_as_people_write_them(hours, text):
    assert rules.hours_text(Decimal(hours)) == text


@pytest.mark.parametrize(
    ("minutes", "hours"), [(45, "0.75"), (50, "0.83"), (90, "1.50"), (0, "0.00")]
)
def test_a_module_counts_at_its_estimated_time_to_the_hundredth_of_an_hour(
    minutes, hours
):
    assert rules.module_hours(minutes) == Decimal(hours)
