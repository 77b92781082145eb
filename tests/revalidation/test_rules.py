"""The revalidation rules: the year a renewal date closes, what a year requires and
what is still needed, the dates a CPD record's learning may have, and reminders."""

from datetime import date

import pytest

from revalidation import rules
from revalidation.rules import PLANNED, UNPLANNED, CPDFacts


def _record(
    kind=PLANNED, *, benefit="Fewer labelling errors reach patients", done=True
):
    return CPDFacts(kind=kind, what="Learning", benefit=benefit, completed=done)


def test_the_year_runs_from_the_day_after_the_last_renewal_to_the_renewal_date():
    bounds = rules.year_ending(date(2027, 3, 31))
    assert bounds == rules.YearBounds(date(2026, 4, 1), date(2027, 3, 31))
    assert bounds.contains(date(2026, 4, 1))
    assert bounds.contains(date(2027, 3, 31))
    assert not bounds.contains(date(2026, 3, 31))
    assert not bounds.contains(date(2027, 4, 1))


def test_a_renewal_date_on_a_leap_day_closes_a_year_of_its_own():
    assert rules.year_ending(date(2028, 2, 29)).starts_on == date(2027, 3, 1)
    assert rules.next_renewal_date(date(2028, 2, 29)) == date(2029, 2, 28)


def test_the_usual_requirement_is_four_records_two_planned():
    requirement = rules.requirement()
    assert (requirement.cpd_records, requirement.planned) == (4, 2)
    assert (requirement.peer_discussions, requirement.reflective_accounts) == (1, 1)


@pytest.mark.parametrize(("reduced", "planned"), [(0, 0), (1, 1), (2, 2), (3, 2)])
def test_exceptional_circumstances_reduce_the_records_and_the_planned_minimum(
    reduced, planned
):
    requirement = rules.requirement(reduced_cpd_records=reduced)
    assert (requirement.cpd_records, requirement.planned) == (reduced, planned)


@pytest.mark.parametrize("reduced", [-1, 4, 5])
def test_a_reduction_is_fewer_than_four_records(reduced):
    with pytest.raises(ValueError, match="between 0 and 3"):
        rules.requirement(reduced_cpd_records=reduced)


def test_a_record_without_its_benefit_is_a_draft_and_does_not_count():
    assert rules.counts(_record())
    assert not rules.counts(_record(benefit=""))
    assert not rules.counts(_record(benefit="   \n"))
    assert not rules.counts(_record(done=False))


def test_nothing_recorded_needs_everything():
    progress = rules.progress(
        [], peer_discussions=0, reflective_accounts=0, requirement=rules.requirement()
    )
    assert progress.still_needed == (
        "4 more CPD records, 2 of them planned",
        "A peer discussion",
        "A reflective account",
    )
    assert not progress.complete


def test_drafts_are_not_counted_towards_the_year():
    records = [_record(), _record(UNPLANNED), _record(UNPLANNED), _record(benefit="")]
    progress = rules.progress(
        records,
        peer_discussions=1,
        reflective_accounts=1,
        requirement=rules.requirement(),
    )
    assert (progress.cpd_counted, progress.planned_counted) == (3, 1)
    assert progress.still_needed == ("1 more CPD record, 1 of them planned",)


def test_four_unplanned_records_still_need_two_planned():
    progress = rules.progress(
        [_record(UNPLANNED)] * 4,
        peer_discussions=1,
        reflective_accounts=1,
        requirement=rules.requirement(),
    )
    assert progress.cpd_counted == 4
    assert progress.still_needed == ("2 more planned CPD records",)


def test_four_records_two_planned_a_discussion_and_an_account_complete_the_year():
    records = [_record(), _record(), _record(UNPLANNED), _record(UNPLANNED)]
    progress = rules.progress(
        records,
        peer_discussions=1,
        reflective_accounts=1,
        requirement=rules.requirement(),
    )
    assert progress.complete
    assert progress.still_needed == ()


def test_a_reduced_requirement_is_met_by_fewer_records():
    progress = rules.progress(
        [_record()],
        peer_discussions=1,
        reflective_accounts=1,
        requirement=rules.requirement(reduced_cpd_records=1),
    )
    assert progress.complete


YEAR = rules.year_ending(date(2027, 3, 31))


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (date(2026, 12, 8), "today or in the past"),
        (date(2026, 3, 31), "on or after 1 April 2026"),
    ],
)
def test_a_learning_date_in_the_future_or_before_the_year_is_refused(day, words):
    problem = rules.learning_date_problem(day, bounds=YEAR, today=date(2026, 12, 7))
    assert words in problem


def test_a_learning_date_after_the_year_is_refused_once_the_year_is_over():
    problem = rules.learning_date_problem(
        date(2027, 4, 2), bounds=YEAR, today=date(2027, 4, 10)
    )
    assert "on or before 31 March 2027" in problem


def test_a_planned_records_learning_comes_after_its_plan():
    problem = rules.learning_date_problem(
        date(2026, 6, 1),
        bounds=YEAR,
        today=date(2026, 12, 7),
        planned_at=date(2026, 7, 1),
    )
    assert "on or after 1 July 2026" in problem
    assert (
        rules.learning_date_problem(
            date(2026, 7, 1),
            bounds=YEAR,
            today=date(2026, 12, 7),
            planned_at=date(2026, 7, 1),
        )
        == ""
    )


@pytest.mark.parametrize(
    ("days_left", "reminder"),
    [(61, None), (60, 60), (45, 60), (30, 30), (8, 30), (7, 7), (0, 7), (-1, None)],
)
def test_reminders_at_60_30_and_7_days_before_the_window_closes(days_left, reminder):
    closes = date(2027, 3, 31)
    today = date.fromordinal(closes.toordinal() - days_left)
    assert rules.reminder_due(closes_on=closes, today=today) == reminder
