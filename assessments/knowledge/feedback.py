"""What a trainee is shown after marking: pure rules over the frozen attempt.

Until a trainee passes, a failed attempt names the topics to revise and which questions
were wrong, never the right answers: a retake must test knowledge, not memory of the
key. A module may show the full answers after every attempt only when its bank holds
at least three times the questions an attempt draws, so one attempt's answers cannot
be typed into the next.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

FULL_ANSWERS_BANK_RATIO = 3
"""Full answers after a failed attempt need a bank this many times the draw."""


def full_answers_allowed(
    topic_sizes: Iterable[int], *, count: int, per_topic: int | None = None
) -> bool:
    """Whether a bank (published questions per topic) is big enough to show full answers.

    Drawn per topic: every topic holds three times the questions drawn from it.
    Otherwise: the bank holds three times the questions drawn per attempt.
    """
    sizes = list(topic_sizes)
    if not sizes:
        return False
    if per_topic:
        return all(size >= FULL_ANSWERS_BANK_RATIO * per_topic for size in sizes)
    return sum(sizes) >= FULL_ANSWERS_BANK_RATIO * count


def feedback_permitted(*, policy: str, passed: bool | None) -> bool:
    """Full answers show after a pass, or after each marked attempt when so set."""
    if passed is None:
        return False
    return policy == "each_attempt" or passed


@dataclass(frozen=True)
class ResultLine:
    number: int
    stem: str
    topic: str
    your_answer: str
    correct: bool
    correct_answer: str
    feedback: str


def _answer_text(question: dict, response) -> str:
    if response in (None, "", []):
        return "Not answered"
    if question["kind"] == "numeric":
        unit = question.get("unit", "")
        return f"{response} {unit}".strip() if isinstance(response, str) else ""
    texts = {option["id"]: option["text"] for option in question["options"]}
    chosen = response if isinstance(response, list) else []
    return "; ".join(texts[i] for i in chosen if i in texts) or "Not answered"


def _correct_text(question: dict) -> str:
    if question["kind"] == "numeric":
        answer = format(Decimal(question["answer"]).normalize(), "f")
        return f"{answer} {question.get('unit', '')}".strip()
    return "; ".join(o["text"] for o in question["options"] if o["correct"])


def result_lines(
    snapshot: dict, responses: dict, correct: dict[int, bool]
) -> list[ResultLine]:
    """Each drawn question with the trainee's answer, the right answer and the feedback."""
    return [
        ResultLine(
            number=number,
            stem=question["stem"],
            topic=question["topic"],
            your_answer=_answer_text(question, responses.get(str(question["id"]))),
            correct=correct.get(question["id"], False),
            correct_answer=_correct_text(question),
            feedback=question["feedback"],
        )
        for number, question in enumerate(snapshot["questions"], start=1)
    ]


@dataclass(frozen=True)
class WrongQuestion:
    number: int
    stem: str
    topic: str
    answered: bool


def wrong_questions(
    snapshot: dict, responses: dict, correct: dict[int, bool]
) -> list[WrongQuestion]:
    """The drawn questions marked wrong, by number, stem and topic: no answer shown."""
    return [
        WrongQuestion(
            number=number,
            stem=question["stem"],
            topic=question["topic"],
            answered=responses.get(str(question["id"])) not in (None, "", []),
        )
        for number, question in enumerate(snapshot["questions"], start=1)
        if not correct.get(question["id"], False)
    ]


def topics_to_revise(snapshot: dict, correct: dict[int, bool]) -> list[str]:
    """Topics with a question marked wrong, in the order first met (no answers revealed)."""
    topics: list[str] = []
    for question in snapshot["questions"]:
        if not correct.get(question["id"], False) and question["topic"] not in topics:
            topics.append(question["topic"])
    return topics
