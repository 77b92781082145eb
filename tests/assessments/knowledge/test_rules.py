"""Pure rules: drawing, eligibility, feedback policy, item statistics, CSV safety."""

import datetime
import random

import pytest

from assessments.knowledge.analysis import (
    AnswerRow,
    extreme_groups,
    item_statistics,
    spreadsheet_safe,
)
from assessments.knowledge.drawing import draw_questions
from assessments.knowledge.eligibility import Blocked, attempt_eligibility
from assessments.knowledge.feedback import (
    feedback_permitted,
    result_lines,
    topics_to_revise,
)

BANK = [(1, "A"), (2, "A"), (3, "A"), (4, "B"), (5, "B"), (6, "C")]


def test_draw_takes_count_distinct_questions():
    drawn = draw_questions(BANK, count=4, rng=random.Random(1))
    assert len(drawn) == 4
    assert len(set(drawn)) == 4
    assert set(drawn) <= {q for q, _ in BANK}


def test_draw_takes_whole_bank_when_smaller_than_count():
    assert sorted(draw_questions(BANK, count=50, rng=random.Random(1))) == [
        1,
        2,
        3,
        4,
        5,
        6,
    ]


def test_draw_per_topic_takes_that_many_from_each_topic():
    for seed in range(20):
        drawn = draw_questions(BANK, count=99, per_topic=1, rng=random.Random(seed))
        topics = sorted(dict(BANK)[q] for q in drawn)
        assert topics == ["A", "B", "C"]
    drawn = draw_questions(BANK, count=1, per_topic=2, rng=random.Random(0))
    assert sorted(dict(BANK)[q] for q in drawn) == ["A", "A", "B", "B", "C"]


def test_draws_vary_with_the_random_source():
    draws = {
        tuple(draw_questions(BANK, count=3, rng=random.Random(s))) for s in range(30)
    }
    assert len(draws) > 5


NOW = datetime.datetime(2025, 5, 1, 12, 0, tzinfo=datetime.UTC)
RULES = {
    "now": NOW,
    "lessons_complete": True,
    "has_questions": True,
    "attempts_used": 0,
    "passed_before": False,
    "last_finished_at": None,
    "max_attempts": 3,
    "cooldown": datetime.timedelta(minutes=60),
}


def test_eligible_when_lessons_done_and_nothing_blocks():
    decision = attempt_eligibility(**RULES)
    assert decision.allowed
    assert decision.attempts_left == 3


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"lessons_complete": False}, Blocked.LESSONS_INCOMPLETE),
        ({"has_questions": False}, Blocked.NO_QUESTIONS),
        ({"passed_before": True, "attempts_used": 1}, Blocked.ALREADY_PASSED),
        ({"attempts_used": 3}, Blocked.NO_ATTEMPTS_LEFT),
        (
            {
                "attempts_used": 1,
                "last_finished_at": NOW - datetime.timedelta(minutes=59),
            },
            Blocked.COOLING_DOWN,
        ),
    ],
)
def test_blocked_with_a_reason(change, reason):
    decision = attempt_eligibility(**{**RULES, **change})
    assert not decision.allowed
    assert decision.reason == reason


def test_cool_down_ends_exactly_on_time_and_names_when():
    finished = NOW - datetime.timedelta(minutes=30)
    waiting = attempt_eligibility(
        **{**RULES, "attempts_used": 1, "last_finished_at": finished}
    )
    assert waiting.available_at == finished + datetime.timedelta(minutes=60)
    later = attempt_eligibility(
        **{
            **RULES,
            "attempts_used": 1,
            "last_finished_at": NOW - datetime.timedelta(minutes=60),
        }
    )
    assert later.allowed


def test_no_limit_on_attempts_when_none_set():
    decision = attempt_eligibility(
        **{**RULES, "attempts_used": 40, "max_attempts": None}
    )
    assert decision.allowed
    assert decision.attempts_left is None


@pytest.mark.parametrize(
    ("policy", "passed", "shown"),
    [
        ("each_attempt", True, True),
        ("each_attempt", False, True),
        ("after_pass", True, True),
        ("after_pass", False, False),
        ("each_attempt", None, False),
    ],
)
def test_feedback_policy(policy, passed, shown):
    assert feedback_permitted(policy=policy, passed=passed) is shown


SNAPSHOT = {
    "questions": [
        {
            "id": 1,
            "kind": "single",
            "stem": "S?",
            "topic": "Rules",
            "options": [
                {"id": 10, "text": "Yes", "correct": True},
                {"id": 11, "text": "No", "correct": False},
            ],
            "answer": None,
            "unit": "",
            "feedback": "Because.",
        },
        {
            "id": 2,
            "kind": "numeric",
            "stem": "N?",
            "topic": "Calculations",
            "options": [],
            "answer": "100.000000",
            "unit": "mL",
            "feedback": "Worked.",
        },
    ]
}


def test_result_lines_show_answers_and_feedback():
    lines = result_lines(SNAPSHOT, {"1": [11]}, {1: False, 2: False})
    assert lines[0].your_answer == "No"
    assert lines[0].correct_answer == "Yes"
    assert lines[1].your_answer == "Not answered"
    assert lines[1].correct_answer == "100 mL"
    assert topics_to_revise(SNAPSHOT, {1: True, 2: False}) == ["Calculations"]


def test_extreme_groups_take_27_percent_each_side():
    scores = {i: float(i) for i in range(1, 12)}  # 11 attempts -> 3 each side
    upper, lower = extreme_groups(scores)
    assert upper == {11, 10, 9}
    assert lower == {1, 2, 3}
    assert extreme_groups({1: 50.0}) == (set(), set())
    upper, lower = extreme_groups({1: 10.0, 2: 90.0})
    assert (upper, lower) == ({2}, {1})


def test_item_statistics_facility_discrimination_and_distractor():
    scores = {1: 100.0, 2: 90.0, 3: 20.0, 4: 10.0}
    answers = [
        AnswerRow(1, 7, True),
        AnswerRow(2, 7, True),
        AnswerRow(3, 7, False, ("Blue",)),
        AnswerRow(4, 7, False, ("Blue",)),
        AnswerRow(1, 8, False, ("Red",)),
        AnswerRow(4, 8, True),
    ]
    stats = item_statistics(answers, scores=scores)
    assert stats[7].facility == 0.5
    assert stats[7].discrimination == 1.0
    assert stats[7].most_chosen_wrong == "Blue"
    assert stats[7].most_chosen_wrong_count == 2
    assert stats[8].discrimination == -1.0
    assert stats[8].drawn == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("ASP-08", "ASP-08"),
        (42, 42),
        (None, ""),
    ],
)
def test_spreadsheet_safe(value, expected):
    assert spreadsheet_safe(value) == expected
