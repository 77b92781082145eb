"""The answer sheet of an attempt: reads posted answers safely against the frozen questions.

Only the questions drawn for the attempt are read; anything else posted is ignored. A
malformed answer (text in a number box, an option that is not offered, two answers to a
single-choice question) gets a clear message and is never saved.

Options are posted as the attempt's opaque values, never their database ids, and mapped
back to ids here, so saved responses, marking and item analysis work on ids.
"""

import re
from dataclasses import dataclass, field

from assessments.knowledge.scoring import NumberError, parse_number

FIELD_PREFIX = "q-"
_OPTION_VALUE = re.compile(r"[A-Za-z0-9_-]{1,40}")


def option_value(option: dict) -> str:
    """The form value of a frozen option (attempts frozen before values: its id)."""
    return option.get("value") or str(option["id"])


def field_name(question_id) -> str:
    return f"{FIELD_PREFIX}{question_id}"


@dataclass
class SheetQuestion:
    """A drawn question as the trainee sees it: never its answer key or feedback."""

    number: int
    id: int
    kind: str
    stem: str
    topic: str
    unit: str
    options: list[dict]
    value: object = None
    error: str = ""
    # Option value -> option id: kept on the server, the page never shows ids.
    _ids: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def name(self) -> str:
        return field_name(self.id)

    @property
    def input_id(self) -> str:
        if self.kind == "numeric":
            return self.name
        return f"{self.name}-{self.options[0]['value']}" if self.options else self.name

    @property
    def chosen(self) -> set[str]:
        """Form values of the options chosen."""
        if not isinstance(self.value, list):
            return set()
        values = {option_id: value for value, option_id in self._ids.items()}
        return {values[i] for i in self.value if i in values}

    @property
    def text(self) -> str:
        return self.value if isinstance(self.value, str) else ""

    @property
    def answered(self) -> bool:
        return self.value not in (None, "", [])

    @property
    def answer_text(self) -> str:
        """The trainee's own answer as they gave it, for them to check: never marked."""
        if self.kind == "numeric":
            return f"{self.text} {self.unit}".strip() if self.text else ""
        chosen = self.chosen
        return "; ".join(o["text"] for o in self.options if o["value"] in chosen)


def public_questions(snapshot: dict) -> list[SheetQuestion]:
    """The drawn questions without answers: only stem, topic, unit and option texts."""
    return [
        SheetQuestion(
            number=number,
            id=question["id"],
            kind=question["kind"],
            stem=question["stem"],
            topic=question["topic"],
            unit=question.get("unit", ""),
            options=[
                {"value": option_value(option), "text": option["text"]}
                for option in question["options"]
            ],
            _ids={option_value(option): option["id"] for option in question["options"]},
        )
        for number, question in enumerate(snapshot["questions"], start=1)
    ]


@dataclass
class AnswerSheet:
    """Posted answers parsed into saved responses, with a message for each malformed one."""

    questions: list[SheetQuestion]
    responses: dict = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_saved(cls, snapshot: dict, saved: dict) -> "AnswerSheet":
        questions = public_questions(snapshot)
        for question in questions:
            question.value = saved.get(str(question.id))
        return cls(questions=questions, responses=dict(saved))

    @classmethod
    def from_post(cls, snapshot: dict, data) -> "AnswerSheet":
        sheet = cls(questions=public_questions(snapshot))
        for question in sheet.questions:
            values = data.getlist(question.name)
            try:
                response = _parse(question, values)
            except ValueError as error:
                sheet.errors[str(question.id)] = str(error)
                question.error = str(error)
                question.value = values[0] if question.kind == "numeric" else None
                if question.kind == "numeric" and isinstance(question.value, str):
                    question.value = question.value[:40]
                continue
            question.value = response
            if response is not None:
                sheet.responses[str(question.id)] = response
        return sheet

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def unanswered(self) -> list[SheetQuestion]:
        """The questions without an answer, in the order they are asked."""
        return [q for q in self.questions if str(q.id) not in self.responses]


def _parse(question: SheetQuestion, values: list[str]):
    """A response for one question from its posted values; None when unanswered."""
    values = [value for value in values if value != ""]
    if not values:
        return None
    if question.kind == "numeric":
        if len(values) > 1:
            raise ValueError(f"Question {question.number}: enter one number only.")
        try:
            parse_number(values[0], unit=question.unit)
        except NumberError as error:
            raise ValueError(f"Question {question.number}: {error}") from error
        return values[0].strip()
    chosen = []
    for value in values:
        if not _OPTION_VALUE.fullmatch(value) or value not in question._ids:
            raise ValueError(
                f"Question {question.number}: choose from the answers shown."
            )
        if question._ids[value] not in chosen:
            chosen.append(question._ids[value])
    if question.kind != "multiple" and len(chosen) > 1:
        raise ValueError(f"Question {question.number}: choose one answer only.")
    return sorted(chosen)
