"""Item analysis of question banks: pure statistics over marked answers.

Facility index: the proportion of attempts that drew a question and answered it
correctly. Discrimination index: facility among the top 27% of attempts by total score
minus facility among the bottom 27% (from -1 to 1; below about 0.2 the question does not
separate stronger from weaker trainees). Most chosen wrong option: the distractor, or
wrong number, given most often.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

GROUP_FRACTION = 0.27
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class AnswerRow:
    attempt_id: int
    question_id: int
    correct: bool
    wrong_choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class ItemStatistics:
    question_id: int
    drawn: int
    facility: float | None
    discrimination: float | None
    most_chosen_wrong: str
    most_chosen_wrong_count: int


def extreme_groups(
    scores: dict[int, float], *, fraction: float = GROUP_FRACTION
) -> tuple[set[int], set[int]]:
    """The upper and lower groups of attempts by total score (ties broken by id)."""
    if len(scores) < 2:
        return set(), set()
    ranked = sorted(scores, key=lambda attempt_id: (-scores[attempt_id], attempt_id))
    size = min(max(1, round(len(ranked) * fraction)), len(ranked) // 2)
    return set(ranked[:size]), set(ranked[-size:])


def _proportion(rows: list[AnswerRow]) -> float | None:
    if not rows:
        return None
    return sum(row.correct for row in rows) / len(rows)


def item_statistics(
    answers: list[AnswerRow], *, scores: dict[int, float]
) -> dict[int, ItemStatistics]:
    """Statistics for every question that appears in the answers."""
    upper, lower = extreme_groups(scores)
    by_question: dict[int, list[AnswerRow]] = defaultdict(list)
    for row in answers:
        by_question[row.question_id].append(row)
    statistics = {}
    for question_id, rows in by_question.items():
        p_upper = _proportion([r for r in rows if r.attempt_id in upper])
        p_lower = _proportion([r for r in rows if r.attempt_id in lower])
        wrong = Counter(choice for row in rows for choice in row.wrong_choices)
        common = wrong.most_common(1)
        statistics[question_id] = ItemStatistics(
            question_id=question_id,
            drawn=len(rows),
            facility=_proportion(rows),
            discrimination=None
            if p_upper is None or p_lower is None
            else p_upper - p_lower,
            most_chosen_wrong=common[0][0] if common else "",
            most_chosen_wrong_count=common[0][1] if common else 0,
        )
    return statistics


def spreadsheet_safe(value) -> object:
    """A cell value that a spreadsheet will not run as a formula (text gets a ' prefix)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return f"'{text}"
    return text
