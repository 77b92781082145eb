import datetime
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passport.competences.status import (
    EXPIRY_WARNING_DAYS,
    HELD,
    LAPSING,
    STATUS_WORDS,
    Status,
    competence_status,
    days_left,
    is_expired,
    warning_due,
    warning_window_end,
)


@pytest.mark.parametrize(
    ("expires_on", "today", "expected"),
    [
        (date(2026, 3, 31), date(2026, 1, 30), 60),  # 60 days before, over February
        (date(2026, 3, 31), date(2026, 1, 29), None),  # 61 days before
        (date(2028, 3, 31), date(2028, 1, 31), 60),  # leap year: 29 February counts
        (date(2028, 3, 31), date(2028, 1, 30), None),
        (date(2028, 2, 29), date(2028, 1, 30), 30),  # expiring on a leap day
        (date(2028, 2, 29), date(2028, 2, 22), 7),
        (date(2028, 2, 29), date(2028, 2, 21), 30),
        (date(2026, 1, 6), date(2025, 12, 30), 7),  # over the year end
        (date(2026, 1, 6), date(2025, 12, 29), 30),
        (date(2026, 5, 1), date(2026, 5, 1), 7),  # the last day of currency
        (date(2026, 5, 1), date(2026, 5, 2), None),  # expired
        (None, date(2026, 5, 2), None),  # never lapses
    ],
)
def test_the_most_urgent_warning_reached_is_due(expires_on, today, expected):
    assert warning_due(expires_on, today=today) == expected


def test_a_warning_already_sent_for_this_expiry_is_not_due_again():
    expires_on = date(2026, 6, 30)

    assert warning_due(expires_on, today=date(2026, 6, 1), already_sent={30}) is None
    assert warning_due(expires_on, today=date(2026, 6, 1), already_sent={60}) == 30


def test_a_late_run_sends_only_the_most_urgent_warning_it_slept_through():
    expires_on = date(2026, 6, 30)

    # The scan did not run from 60 days before until 5 days before.
    assert warning_due(expires_on, today=date(2026, 6, 25), already_sent=()) == 7
    # A missed day just after a threshold still sends it.
    assert warning_due(expires_on, today=date(2026, 6, 1), already_sent={60}) == 30


@pytest.mark.parametrize(
    ("expires_on", "today", "expired"),
    [
        (date(2026, 2, 28), date(2026, 2, 28), False),
        (date(2026, 2, 28), date(2026, 3, 1), True),  # the day after, month end
        (date(2028, 2, 28), date(2028, 2, 29), True),  # the leap day is the day after
        (date(2028, 2, 29), date(2028, 2, 29), False),
        (date(2028, 2, 29), date(2028, 3, 1), True),
        (date(2025, 12, 31), date(2026, 1, 1), True),
        (date(2026, 2, 28), date(2026, 3, 9), True),  # running late
        (None, date(2099, 1, 1), False),
    ],
)
def test_a_competence_expires_on_the_day_after_its_expiry_date(
    expires_on, today, expired
):
    assert is_expired(expires_on, today=today) is expired


def test_days_left_and_window_cross_month_ends_and_leap_days():
    assert days_left(date(2028, 3, 1), today=date(2028, 2, 28)) == 2
    assert days_left(date(2026, 3, 1), today=date(2026, 2, 28)) == 1
    assert warning_window_end(today=date(2028, 1, 1)) == date(2028, 3, 1)
    assert warning_window_end(today=date(2026, 1, 1)) == date(2026, 3, 2)


@given(
    expires_on=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    offset=st.integers(min_value=-120, max_value=120),
    sent=st.sets(st.sampled_from(EXPIRY_WARNING_DAYS)),
)
def test_a_due_warning_is_reached_unsent_and_the_most_urgent(expires_on, offset, sent):
    today = expires_on - timedelta(days=offset)

    due = warning_due(expires_on, today=today, already_sent=sent)

    if due is None:
        reached = [d for d in EXPIRY_WARNING_DAYS if 0 <= offset <= d]
        assert not reached or min(reached) in sent
    else:
        assert 0 <= offset <= due
        assert due not in sent
        assert all(offset > d for d in EXPIRY_WARNING_DAYS if d < due)
        assert today <= expires_on <= warning_window_end(today=today)


def test_every_day_of_a_year_sends_each_warning_exactly_once():
    expires_on = date(2028, 3, 1)
    sent: list[int] = []
    day = expires_on - timedelta(days=365)
    while not is_expired(expires_on, today=day):
        due = warning_due(expires_on, today=day, already_sent=sent)
        if due is not None:
            sent.append(due)
        day += timedelta(days=1)

    assert sent == [60, 30, 7]
    assert day == date(2028, 3, 2)


TODAY = datetime.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("status", "expires_on", "expected"),
    [
        ("current", None, Status.VALID),
        ("current", TODAY + datetime.timedelta(days=61), Status.VALID),
        (
            "current",
            TODAY + datetime.timedelta(days=60),
            Status.EXPIRING,
        ),
        ("expiring", TODAY, Status.EXPIRING),
        ("current", TODAY - datetime.timedelta(days=1), Status.EXPIRED),
        ("expired", TODAY + datetime.timedelta(days=100), Status.EXPIRED),
        ("suspended", None, Status.SUSPENDED),
        ("suspended", TODAY - datetime.timedelta(days=9), Status.SUSPENDED),
        ("revoked", TODAY + datetime.timedelta(days=400), Status.REVOKED),
    ],
)
def test_status_from_competence_status_and_dates(status, expires_on, expected):
    assert competence_status(status, expires_on=expires_on, today=TODAY) == expected


@pytest.mark.parametrize(
    ("status", "expires_on", "expected"),
    [
        ("current", None, Status.UNDER_REVIEW),
        ("current", TODAY + datetime.timedelta(days=400), Status.UNDER_REVIEW),
        ("expiring", TODAY, Status.UNDER_REVIEW),  # neither valid nor expiring
        ("current", TODAY - datetime.timedelta(days=1), Status.EXPIRED),
        ("expired", None, Status.EXPIRED),
        ("suspended", None, Status.SUSPENDED),
        ("revoked", None, Status.REVOKED),
    ],
)
def test_a_competence_under_review_is_not_valid_until_the_review_ends(
    status, expires_on, expected
):
    """Under review wins over valid and expiring; expiry, suspension and revocation
    win over the review, and a review suspends nothing."""
    assert (
        competence_status(status, expires_on=expires_on, today=TODAY, under_review=True)
        == expected
    )
    assert expected not in LAPSING
    assert (expected in HELD) == (expected == Status.UNDER_REVIEW)


def test_every_status_has_one_set_of_words_and_an_nhs_tag_colour():
    assert set(STATUS_WORDS) == set(Status)
    labels = [words.label for words in STATUS_WORDS.values()]
    assert len(set(labels)) == len(labels)
    assert {words.colour for words in STATUS_WORDS.values()} <= {
        "white",
        "grey",
        "green",
        "blue",
        "purple",
        "pink",
        "red",
        "orange",
        "yellow",
        "aqua-green",
    }


@given(
    stored=st.sampled_from(["current", "expiring"]),
    expires_on=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 1, 1)),
    today=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 1, 1)),
)
def test_a_lapsing_competence_is_expired_exactly_when_no_warning_can_be_due(
    stored, expires_on, today
):
    status = competence_status(stored, expires_on=expires_on, today=today)
    assert (status == Status.EXPIRED) == is_expired(expires_on, today=today)
    if status == Status.EXPIRED:
        assert warning_due(expires_on, today=today) is None
    if status == Status.VALID:
        assert days_left(expires_on, today=today) > 60
