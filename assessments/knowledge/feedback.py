"""What a trainee is shown after marking: pure rules over the frozen attempt."""

from dataclasses import dataclass
from decimal import Decimal


def feedback_permitted(*, policy: str, passed: bool | None) -> bool:
    """Feedback shows after each marked attempt, or only after a pass when so set."""
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


def topics_to_revise(snapshot: dict, correct: dict[int, bool]) -> list[str]:
    """Topics with a question marked wrong, in the order first met (no answers revealed)."""
    topics: list[str] = []
    for question in snapshot["questions"]:
        if not correct.get(question["id"], False) and question["topic"] not in topics:
            topics.append(question["topic"])
    return topics
