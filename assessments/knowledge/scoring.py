"""Marking rules for knowledge assessments: pure functions of plain values.

Every question is worth one mark. Single choice and true or false: the one correct option.
Multiple response: exactly the set of correct options (no partial credit, so guessing
every box scores nothing). Numeric: within the absolute tolerance, or within the percentage
tolerance of the correct answer when one is set. A trainee passes when their score is at
least the pass mark as a percentage of the questions drawn.
"""

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MAX_NUMBER_CHARACTERS = 30
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


class NumberError(ValueError):
    """The text is not a plain decimal number; the message says why, for the trainee."""


def parse_number(text: str, *, unit: str = "") -> Decimal:
    """A trainee's typed answer as a Decimal; a trailing unit matching the question's is allowed."""
    if not isinstance(text, str):
        raise NumberError("Enter a number.")
    if len(text) > MAX_NUMBER_CHARACTERS:
        raise NumberError(
            f"Enter a number of no more than {MAX_NUMBER_CHARACTERS} characters."
        )
    value = text.strip()
    if unit and value.lower().endswith(unit.lower()):
        value = value[: -len(unit)].strip()
    value = value.replace(" ", "")
    if not value:
        raise NumberError("Enter a number.")
    if "," in value:
        raise NumberError(
            "Enter the number without commas, using a full stop for decimals, like 2.5."
        )
    if not _NUMBER.fullmatch(value):
        raise NumberError("Enter the answer as a number, like 2.5.")
    try:
        return Decimal(value)
    except InvalidOperation as error:  # the pattern admits only finite decimals
        raise NumberError("Enter the answer as a number, like 2.5.") from error


def is_within_tolerance(
    given: Decimal,
    answer: Decimal,
    *,
    tolerance: Decimal = Decimal(0),
    tolerance_percent: Decimal | None = None,
) -> bool:
    """True when the given number is within either tolerance of the correct answer."""
    difference = abs(given - answer)
    if difference <= abs(tolerance):
        return True
    if tolerance_percent is not None:
        return difference <= abs(answer) * abs(tolerance_percent) / 100
    return False


@dataclass(frozen=True)
class QuestionMark:
    correct: bool
    wrong_choices: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AttemptMark:
    score: int
    max_score: int
    percent: Decimal
    passed: bool
    marks: dict[str, QuestionMark]


def _decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    return Decimal(str(value))


def _chosen_ids(response) -> list[int] | None:
    if not isinstance(response, list):
        return None
    if not all(
        isinstance(item, int) and not isinstance(item, bool) for item in response
    ):
        return None
    return response


def mark_question(question: dict, response) -> QuestionMark:
    """Mark one frozen question against the trainee's saved response (None: unanswered)."""
    if response is None:
        return QuestionMark(correct=False)
    if question["kind"] == "numeric":
        if not isinstance(response, str):
            return QuestionMark(correct=False)
        try:
            given = parse_number(response, unit=question.get("unit", ""))
        except NumberError:
            return QuestionMark(correct=False, wrong_choices=[response[:40]])
        correct = is_within_tolerance(
            given,
            Decimal(question["answer"]),
            tolerance=_decimal(question.get("tolerance")) or Decimal(0),
            tolerance_percent=_decimal(question.get("tolerance_percent")),
        )
        return QuestionMark(
            correct=correct, wrong_choices=[] if correct else [response]
        )
    chosen = _chosen_ids(response)
    if not chosen:
        return QuestionMark(correct=False)
    options = {option["id"]: option for option in question["options"]}
    chosen_set = set(chosen)
    wrong = [
        options[option_id]["text"]
        for option_id in sorted(chosen_set)
        if option_id in options and not options[option_id]["correct"]
    ]
    right = {option_id for option_id, option in options.items() if option["correct"]}
    if question["kind"] == "multiple":
        correct = bool(right) and chosen_set == right
    else:
        correct = len(chosen_set) == 1 and chosen_set <= right
    return QuestionMark(correct=correct, wrong_choices=wrong)


def percentage(score: int, max_score: int) -> Decimal:
    if max_score <= 0:
        return Decimal("0.00")
    return (Decimal(score) * 100 / max_score).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def has_passed(score: int, max_score: int, *, pass_mark: int) -> bool:
    """Passed when score / max_score is at least pass_mark %, compared exactly."""
    return max_score > 0 and score * 100 >= pass_mark * max_score


def mark_attempt(
    questions: list[dict], responses: dict, *, pass_mark: int
) -> AttemptMark:
    """Mark every drawn question; responses to questions not drawn are ignored."""
    marks = {
        str(question["id"]): mark_question(question, responses.get(str(question["id"])))
        for question in questions
    }
    score = sum(1 for mark in marks.values() if mark.correct)
    max_score = len(questions)
    return AttemptMark(
        score=score,
        max_score=max_score,
        percent=percentage(score, max_score),
        passed=has_passed(score, max_score, pass_mark=pass_mark),
        marks=marks,
    )
