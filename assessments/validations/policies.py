"""Who may record an operator's process validation results: the one rule that pages
and the recording service share, built on `trainers.permissions`."""

from academy.models import User
from assessments.validations.queries import validation_competencies
from trainers.permissions import can_assess


def may_record_validations(user: User, operator: User, kind: str) -> bool:
    """A trainer records (and corrects) an operator's results of a kind only while
    they may assess the operator for the competency that kind of result supports."""
    competency = validation_competencies().get(kind)
    return competency is not None and can_assess(user, operator, competency)
