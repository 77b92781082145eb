"""Pure rules of process validation: fast and exhaustive."""

import itertools
from datetime import date, timedelta

import pytest

from academy.revalidation import ValidationResult, ValidationStatus
from assessments.validations.rules import (
    FingerDabTrend,
    finger_dab_excursion,
    gowning_passed,
    plates_within_limit,
    result_date_errors,
    trend_suspensions,
    unsupervised_work,
    with_trend_failures,
)

TODAY = date(2026, 6, 30)


@pytest.mark.parametrize(
    ("counts", "limit", "expected"),
    [
        ((), 0, True),
        ((0, 0, 0), 0, True),
        ((0, 1, 0), 0, False),
        ((1, 1), 1, True),
        ((2,), 1, False),
    ],
)
def test_plates_within_limit(counts, limit, expected):
    assert plates_within_limit(counts, limit=limit) is expected


@pytest.mark.parametrize(
    ("visual", "counts", "expected"),
    [
        (True, (0, 0, 0), True),
        (False, (0, 0, 0), False),
        (True, (1, 0, 0), False),
        (True, (0, 0, 3), False),
        (False, (2, 2, 2), False),
    ],
)
def test_gowning_needs_visual_pass_and_every_plate_within_grade_a(
    visual, counts, expected
):
    assert gowning_passed(visual_passed=visual, counts=counts, limit=0) is expected


@pytest.mark.parametrize(("left", "right"), itertools.product(range(3), repeat=2))
def test_finger_dab_excursion_when_either_hand_exceeds(left, right):
    excursion = finger_dab_excursion(left_cfu=left, right_cfu=right, limit=1)
    assert excursion is (left > 1 or right > 1)


def test_trend_needs_sensible_numbers():
    with pytest.raises(ValueError, match="excursions"):
        FingerDabTrend(excursions=0, sessions=5)
    with pytest.raises(ValueError, match="excursions"):
        FingerDabTrend(excursions=6, sessions=5)


@pytest.mark.parametrize("flags", list(itertools.product([False, True], repeat=7)))
def test_trend_is_adverse_when_enough_excursions_in_the_window(flags):
    trend = FingerDabTrend(excursions=2, sessions=5)
    assert trend.is_adverse(list(flags)) is (sum(flags[-5:]) >= 2)


def test_trend_suspensions_are_excursions_that_make_the_trend_adverse():
    trend = FingerDabTrend(excursions=2, sessions=3)
    days = [date(2026, 1, d) for d in range(1, 8)]
    flags = [True, False, True, True, False, False, True]
    sessions = list(zip(days, flags, strict=True))
    # Day 3: two of the last three; day 4: still adverse; day 7: only one of three.
    assert trend_suspensions(sessions, trend=trend) == [days[2], days[3]]


def test_one_excursion_never_suspends_under_the_default_trend():
    trend = FingerDabTrend(excursions=2, sessions=5)
    sessions = [(date(2026, 1, d), d % 6 == 0) for d in range(1, 25)]
    assert trend_suspensions(sessions, trend=trend) == []


def test_with_trend_failures_adds_a_failed_result_per_suspension():
    passed = [ValidationResult(on=date(2026, 1, 1), passed=True)]
    combined = with_trend_failures(passed, [date(2026, 2, 1)])
    assert combined == [*passed, ValidationResult(on=date(2026, 2, 1), passed=False)]


def test_dates_may_not_be_in_the_future():
    tomorrow = TODAY + timedelta(days=1)
    errors = result_date_errors(
        performed_on=tomorrow,
        read_on=tomorrow,
        incubation_started_on=tomorrow,
        today=TODAY,
    )
    assert set(errors) == {"performed_on", "read_on", "incubation_started_on"}
    assert all("future" in message for message in errors.values())


def test_read_date_must_follow_incubation_start():
    errors = result_date_errors(
        performed_on=TODAY - timedelta(days=20),
        incubation_started_on=TODAY - timedelta(days=18),
        read_on=TODAY - timedelta(days=19),
        today=TODAY,
    )
    assert errors == {
        "read_on": "The read date must be on or after the incubation start date"
    }


def test_incubation_cannot_start_before_the_test():
    errors = result_date_errors(
        performed_on=TODAY - timedelta(days=20),
        incubation_started_on=TODAY - timedelta(days=21),
        read_on=TODAY,
        today=TODAY,
    )
    assert set(errors) == {"incubation_started_on"}


def test_read_date_must_allow_the_full_incubation():
    start = TODAY - timedelta(days=13)
    errors = result_date_errors(
        performed_on=start,
        incubation_started_on=start,
        read_on=TODAY,
        incubation_days=14,
        today=TODAY,
    )
    assert errors == {
        "read_on": "Read the units after 14 days of incubation, on or after 1 July 2026"
    }
    assert (
        result_date_errors(
            performed_on=start - timedelta(days=1),
            incubation_started_on=start - timedelta(days=1),
            read_on=TODAY,
            incubation_days=14,
            today=TODAY,
        )
        == {}
    )


def test_without_incubation_the_read_date_follows_the_test():
    errors = result_date_errors(
        performed_on=TODAY, read_on=TODAY - timedelta(days=1), today=TODAY
    )
    assert errors == {
        "read_on": "The read date must be on or after the date of the test"
    }
    assert result_date_errors(performed_on=TODAY, read_on=TODAY, today=TODAY) == {}


def test_missing_dates_give_no_date_errors_beyond_the_future():
    assert result_date_errors(performed_on=None, read_on=None, today=TODAY) == {}


def _status(*, qualified: bool, suspended: bool = False) -> ValidationStatus:
    return ValidationStatus(
        qualified=qualified,
        suspended=suspended,
        valid_until=TODAY if qualified else None,
        consecutive_passes=0,
        passes_needed=0 if qualified else 1,
    )


STATES = {
    "current": _status(qualified=True),
    "suspended": _status(qualified=True, suspended=True),
    "none": _status(qualified=False),
}


@pytest.mark.parametrize(
    ("gowning", "broth"), list(itertools.product(STATES, repeat=2))
)
def test_unsupervised_work_needs_current_gowning_and_broth_transfer(gowning, broth):
    work = unsupervised_work(gowning=STATES[gowning], broth_transfer=STATES[broth])
    assert work.allowed is (gowning == broth == "current")
    assert len(work.reasons) == (gowning != "current") + (broth != "current")
    if broth == "suspended":
        assert "The broth transfer validation is suspended." in work.reasons
    if gowning == "none":
        assert "There is no current gowning qualification." in work.reasons
