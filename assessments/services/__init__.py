from .knowledge import (
    GRACE,
    AttemptNotAllowed,
    accepts_answers,
    build_snapshot,
    close_attempt_at_deadline,
    close_overdue_attempts,
    record_knowledge_requirement_met,
    save_responses,
    start_attempt,
    submit_attempt,
)

__all__ = [
    "GRACE",
    "AttemptNotAllowed",
    "accepts_answers",
    "build_snapshot",
    "close_attempt_at_deadline",
    "close_overdue_attempts",
    "record_knowledge_requirement_met",
    "save_responses",
    "start_attempt",
    "submit_attempt",
]
