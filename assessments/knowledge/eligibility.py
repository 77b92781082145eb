"""When a trainee may start a knowledge assessment: pure rules over plain values."""

import datetime
from dataclasses import dataclass


class Blocked:
    """Why an attempt cannot start now (shown to the trainee)."""

    LESSONS_INCOMPLETE = "Complete every lesson of the module to unlock its assessment."
    NO_QUESTIONS = "This assessment has no published questions yet."
    ALREADY_PASSED = "You have passed this assessment."
    NO_ATTEMPTS_LEFT = "You have used every attempt allowed. Speak to your trainer."
    COOLING_DOWN = "You can try again after the cool-down period."


@dataclass(frozen=True)
class Eligibility:
    allowed: bool
    reason: str = ""
    available_at: datetime.datetime | None = None
    attempts_left: int | None = None


def attempt_eligibility(
    *,
    now: datetime.datetime,
    lessons_complete: bool,
    has_questions: bool,
    attempts_used: int,
    passed_before: bool,
    last_finished_at: datetime.datetime | None,
    max_attempts: int | None,
    cooldown: datetime.timedelta,
) -> Eligibility:
    """An attempt may start once the lessons are done, until a pass or the attempt limit,
    and not within the cool-down after the previous attempt finished."""
    left = None if max_attempts is None else max(0, max_attempts - attempts_used)
    if not lessons_complete:
        return Eligibility(False, Blocked.LESSONS_INCOMPLETE, attempts_left=left)
    if not has_questions:
        return Eligibility(False, Blocked.NO_QUESTIONS, attempts_left=left)
    if passed_before:
        return Eligibility(False, Blocked.ALREADY_PASSED, attempts_left=left)
    if left == 0:
        return Eligibility(False, Blocked.NO_ATTEMPTS_LEFT, attempts_left=0)
    if last_finished_at is not None and now < last_finished_at + cooldown:
        return Eligibility(
            False,
            Blocked.COOLING_DOWN,
            available_at=last_finished_at + cooldown,
            attempts_left=left,
        )
    return Eligibility(True, attempts_left=left)
