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
from .validations import record_validation

__all__ = [
    "GRACE",
    "AttemptNotAllowed",
    "accepts_answers",
    "build_snapshot",
    "close_attempt_at_deadline",
    "close_overdue_attempts",
    "record_knowledge_requirement_met",
    "record_validation",
    "save_responses",
    "start_attempt",
    "submit_attempt",
]
from .decision import award_if_requirements_met, latest_signed_workplace_assessment
from .workplace import (
    countersign_assessment,
    live_template_for,
    request_sign_off,
    sign_off_assessment,
    signatures_verified,
    signed_content,
    start_correction,
    start_workplace_assessment,
)
from .workplace_evidence import WorkplaceAssessmentRefused, add_evidence, open_evidence

__all__ += [
    "WorkplaceAssessmentRefused",
    "add_evidence",
    "award_if_requirements_met",
    "countersign_assessment",
    "latest_signed_workplace_assessment",
    "live_template_for",
    "open_evidence",
    "request_sign_off",
    "sign_off_assessment",
    "signatures_verified",
    "signed_content",
    "start_correction",
    "start_workplace_assessment",
]
