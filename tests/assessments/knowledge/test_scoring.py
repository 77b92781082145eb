from decimal import Decimal

import pytest

from assessments.knowledge.scoring import (
    NumberError,
    has_passed,
    is_within_tolerance,
    mark_attempt,
    mark_question,
    parse_number,
    percentage,
)

SINGLE = {
    "id": 1,
    "kind": "single",
    "options": [
        {"id": 10, "text": "A", "correct": True},
        {"id": 11, "text": "B", "correct": False},
        {"id": 12, "text": "C", "correct": False},
    ],
}
MULTIPLE = {
    "id": 2,
    "kind": "multiple",
    "options": [
        {"id": 20, "text": "A", "correct": True},
        {"id": 21, "text": "B", "correct": True},
        {"id": 22, "text": "C", "correct": False},
    ],
}
TRUE_FALSE = {
    "id": 3,
    "kind": "true_false",
    "options": [
        {"id": 30, "text": "True", "correct": False},
        {"id": 31, "text": "False", "correct": True},
    ],
}
NUMERIC = {
    "id": 4,
    "kind": "numeric",
    "options": [],
    "answer": "2.500000",
    "tolerance": "0.05",
    "tolerance_percent": None,
    "unit": "mL",
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.5", Decimal("2.5")),
        (" 2.5 ", Decimal("2.5")),
        ("2.5 mL", Decimal("2.5")),
        ("2.5mL", Decimal("2.5")),
        ("-0.5", Decimal("-0.5")),
        ("+3", Decimal("3")),
        (".5", Decimal("0.5")),
        ("5.", Decimal("5")),
        ("1 000", Decimal("1000")),
    ],
)
def test_parse_number_accepts_plain_decimals(text, expected):
    assert parse_number(text, unit="mL") == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter a number."),
        ("   ", "Enter a number."),
        ("two", "as a number"),
        ("NaN", "as a number"),
        ("inf", "as a number"),
        ("-Infinity", "as a number"),
        ("1e9999999", "as a number"),
        ("2,5", "without commas"),
        ("1,000", "without commas"),
        ("٣", "as a number"),
        ("2.5.1", "as a number"),
        ("0x10", "as a number"),
        ("9" * 31, "no more than 30 characters"),
        ("2.5 mg", "as a number"),
    ],
)
def test_parse_number_rejects_anything_else_with_a_clear_message(text, message):
    with pytest.raises(NumberError, match=message):
        parse_number(text, unit="mL")


def test_parse_number_rejects_non_text():
    with pytest.raises(NumberError):
        parse_number(None)


@pytest.mark.parametrize(
    ("given", "tolerance", "percent", "expected"),
    [
        ("2.5", "0", None, True),
        ("2.55", "0.05", None, True),
        ("2.45", "0.05", None, True),
        ("2.56", "0.05", None, False),
        ("2.44", "0.05", None, False),
        ("2.6", "0", "4", True),
        ("2.61", "0", "4", False),
        ("2.56", "0.05", "1", False),
        ("2.51", "0", None, False),
    ],
)
def test_tolerance_is_absolute_or_percentage(given, tolerance, percent, expected):
    assert (
        is_within_tolerance(
            Decimal(given),
            Decimal("2.5"),
            tolerance=Decimal(tolerance),
            tolerance_percent=Decimal(percent) if percent else None,
        )
        is expected
    )


@pytest.mark.parametrize(
    ("response", "correct"),
    [([10], True), ([11], False), ([10, 11], False), ([], False), (None, False)],
)
def test_single_choice_needs_the_one_correct_option(response, correct):
    assert mark_question(SINGLE, response).correct is correct


@pytest.mark.parametrize(
    ("response", "correct"),
    [
        ([20, 21], True),
        ([21, 20], True),
        ([20], False),
        ([20, 21, 22], False),
        ([22], False),
        ([], False),
    ],
)
def test_multiple_response_needs_exactly_the_correct_set(response, correct):
    assert mark_question(MULTIPLE, response).correct is correct


def test_true_false_and_wrong_choices_are_named():
    assert mark_question(TRUE_FALSE, [31]).correct
    mark = mark_question(TRUE_FALSE, [30])
    assert not mark.correct
    assert mark.wrong_choices == ["True"]
    assert mark_question(MULTIPLE, [20, 22]).wrong_choices == ["C"]


@pytest.mark.parametrize(
    ("response", "correct"),
    [
        ("2.5", True),
        ("2.54 mL", True),
        ("2.6", False),
        ("abc", False),
        (2.5, False),
        (["2.5"], False),
    ],
)
def test_numeric_answers(response, correct):
    assert mark_question(NUMERIC, response).correct is correct


@pytest.mark.parametrize(
    "response", [[True], ["10"], "10", 10, {"a": 1}, [10.0], [None]]
)
def test_malformed_saved_responses_score_nothing_and_never_raise(response):
    assert mark_question(SINGLE, response).correct is False
    assert mark_question(MULTIPLE, response).correct is False


def test_mark_attempt_ignores_questions_not_drawn_and_compares_pass_mark_exactly():
    questions = [SINGLE, MULTIPLE, TRUE_FALSE, NUMERIC]
    responses = {"1": [10], "2": [20, 21], "3": [31], "4": "9", "99": [10]}
    result = mark_attempt(questions, responses, pass_mark=75)
    assert (result.score, result.max_score) == (3, 4)
    assert result.percent == Decimal("75.00")
    assert result.passed
    assert not mark_attempt(questions, responses, pass_mark=76).passed


def test_percentage_and_pass_rules():
    assert percentage(2, 3) == Decimal("66.67")
    assert percentage(0, 0) == Decimal("0.00")
    assert has_passed(4, 5, pass_mark=80)
    assert not has_passed(3, 4, pass_mark=80)
    assert not has_passed(0, 0, pass_mark=1)
