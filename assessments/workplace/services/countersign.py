"""The countersignature of a competent outcome by a second accredited assessor, with
their re-entered password; then the competence can be awarded."""

from django.db import transaction
from django.urls import reverse

from academy.models import SignatureMeaning, User
from academy.services import record_audit_event
from academy.signatures import Reauthentication, reauthenticate, sign_record
from assessments.models import AssessmentStatus, WorkplaceAssessment
from assessments.workplace.evidence import WorkplaceAssessmentRefused, locked
from assessments.workplace.policies import may_countersign
from assessments.workplace.services.content import countersigned_content
from assessments.workplace.services.sign_off import decide_after_signing
from notifications.kinds import Kind
from notifications.services import notify

COUNTERSIGNER_ROLE = "Countersigning workplace assessor"


def countersign_assessment(
    *, assessment: WorkplaceAssessment, countersigner: User, password: str
) -> WorkplaceAssessment:
    """A second accredited assessor countersigns a competent outcome with their
    re-entered password (a wrong one is audited and signs nothing); then the
    competence can be awarded."""
    reauthentication = reauthenticate(
        countersigner,
        password=password,
        record=assessment,
        meaning=SignatureMeaning.COUNTERSIGNED,
    )
    return _countersign(
        assessment=assessment,
        countersigner=countersigner,
        reauthentication=reauthentication,
    )


@transaction.atomic
def _countersign(
    *,
    assessment: WorkplaceAssessment,
    countersigner: User,
    reauthentication: Reauthentication,
) -> WorkplaceAssessment:
    assessment = locked(assessment)
    if assessment.status != AssessmentStatus.AWAITING_COUNTERSIGN:
        raise WorkplaceAssessmentRefused(
            "This assessment is not waiting to be countersigned."
        )
    if not may_countersign(countersigner, assessment):
        raise WorkplaceAssessmentRefused("You cannot countersign this assessment.")
    assessment.status = AssessmentStatus.COMPLETE
    signature = sign_record(
        assessment,
        signer=countersigner,
        meaning=SignatureMeaning.COUNTERSIGNED,
        role=COUNTERSIGNER_ROLE,
        content=countersigned_content(assessment),
        reauthentication=reauthentication,
    )
    assessment.countersignature = signature
    assessment.save()
    record_audit_event(
        "assessments.workplace_assessment_countersigned",
        actor=countersigner,
        target=assessment,
        details={"signature_id": signature.pk},
    )
    competency = assessment.competency
    notify(
        recipient=assessment.trainee,
        kind=Kind.SIGN_OFF_SIGNED,
        title=f"Countersigned: your workplace assessment of {competency.code} "
        f"{competency.title}",
        body=f"{countersigner.full_name} countersigned the competent outcome.",
        link=reverse("assessments:workplace_assessment", args=[assessment.pk]),
        event_key=f"sign_off_countersigned:{assessment.pk}",
    )
    decide_after_signing(assessment, signer=countersigner, signature=signature)
    return assessment
