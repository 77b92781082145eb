"""Who may see and act on a workplace assessment: one place for the rules that pages
and services share, built on the object permissions of `trainers.permissions`.

Each check answers yes or no; a page turns a "no" for a record the person may not see
into a 404, never a hint that it exists.
"""

from academy.models import User
from assessments.models import AssessmentStatus, WorkplaceAssessment
from trainers.permissions import can_assess, can_countersign, can_view_trainee_record


def may_sign_off(user: User, assessment: WorkplaceAssessment) -> bool:
    """Only the requested assessor signs off, and only while they may assess the
    trainee for the competency."""
    return assessment.assessor_id == user.pk and can_assess(
        user, assessment.trainee, assessment.competency
    )


def may_countersign(user: User, assessment: WorkplaceAssessment) -> bool:
    """A competent outcome waiting for its countersignature, and a second accredited
    assessor of the trainee's organisation."""
    return (
        assessment.status == AssessmentStatus.AWAITING_COUNTERSIGN
        and can_countersign(
            user,
            trainee=assessment.trainee,
            competency=assessment.competency,
            first_signer=assessment.assessor,
        )
    )


def may_see_signing_confirmation(user: User, assessment: WorkplaceAssessment) -> bool:
    """The confirmation after signing is the signing assessor's alone."""
    return assessment.is_signed and assessment.assessor_id == user.pk


def may_correct(user: User, assessment: WorkplaceAssessment) -> bool:
    """A signed record is corrected by someone who may assess the trainee for it."""
    return assessment.is_signed and can_assess(
        user, assessment.trainee, assessment.competency
    )


def may_see_assessment(user: User, assessment: WorkplaceAssessment) -> bool:
    """The trainee, those who may see their record, the requested assessor and a
    possible countersigner see a record; nobody else."""
    return (
        can_view_trainee_record(user, assessment.trainee)
        or assessment.assessor_id == user.pk
        or may_countersign(user, assessment)
    )
