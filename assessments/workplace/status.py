"""How a workplace assessment's state reads wherever it is shown (its page, the
trainee's list, the trainer's record of a trainee, the home page): one wording and one
NHS.UK tag colour for each state."""

from typing import NamedTuple

from assessments.models import AssessmentStatus, WorkplaceAssessment


class StatusTag(NamedTuple):
    words: str
    colour: str


def status_tag(assessment: WorkplaceAssessment) -> StatusTag:
    if assessment.status == AssessmentStatus.COMPLETE:
        if assessment.is_competent:
            return StatusTag("Signed: competent", "green")
        return StatusTag("Signed: not yet competent", "orange")
    if assessment.status == AssessmentStatus.AWAITING_COUNTERSIGN:
        return StatusTag(AssessmentStatus.AWAITING_COUNTERSIGN.label, "yellow")
    if assessment.status == AssessmentStatus.REQUESTED:
        return StatusTag(AssessmentStatus.REQUESTED.label, "blue")
    return StatusTag(AssessmentStatus.DRAFT.label, "grey")
