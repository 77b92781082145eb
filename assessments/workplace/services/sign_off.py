"""The assessor's sign-off: each criterion and the outcome, signed with their
re-entered password; the trainee and any countersigners are told, and a competent,
complete record is handed to the award decision."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from academy.models import ElectronicSignature, SignatureMeaning, User
from academy.services import record_audit_event
from academy.signatures import Reauthentication, reauthenticate, sign_record
from assessments.decision import (
    award_if_requirements_met,
    suspend_if_correction_withdraws,
)
from assessments.models import (
    AssessmentStatus,
    CriterionResult,
    Outcome,
    WorkplaceAssessment,
)
from assessments.workplace.evidence import WorkplaceAssessmentRefused, locked
from assessments.workplace.policies import may_sign_off
from assessments.workplace.rules import competent_outcome_refusal, needs_override
from assessments.workplace.services.content import signed_content
from notifications.kinds import Kind
from notifications.services import notify
from trainers.permissions import assessors_for

ASSESSOR_ROLE = "Workplace assessor"
SIGN_OFF_MEANINGS = {
    Outcome.COMPETENT: SignatureMeaning.ASSESSED_COMPETENT,
    Outcome.NOT_YET_COMPETENT: SignatureMeaning.ASSESSED_NOT_YET_COMPETENT,
}


def decide_after_signing(
    assessment: WorkplaceAssessment, *, signer: User, signature: ElectronicSignature
) -> None:
    """After a signature: a correction that withdraws a competent outcome suspends the
    competence, and a complete, competent record awards it if every requirement is
    met."""
    suspend_if_correction_withdraws(
        correction=assessment, decided_by=signer, signature=signature
    )
    if assessment.status == AssessmentStatus.COMPLETE and assessment.is_competent:
        award_if_requirements_met(
            trainee=assessment.trainee,
            competency=assessment.competency,
            decided_by=signer,
            signature=signature,
        )


def sign_off_assessment(
    *,
    assessment: WorkplaceAssessment,
    assessor: User,
    results: dict[int, tuple[str, str]],
    outcome: str,
    action_plan: str,
    password: str,
    override_reason: str = "",
) -> WorkplaceAssessment:
    """Record each criterion and the outcome, and sign them with the assessor's
    re-entered password (a wrong one is audited and signs nothing).

    Only the requested assessor, while they may assess the trainee, signs; a record
    already signed (for instance by a second submission) is refused. "Competent"
    needs every criterion met or not applicable, or the assessor's written reason for
    overriding a criterion not met, which they sign with the rest. A correction is
    signed here too.
    """
    if outcome not in SIGN_OFF_MEANINGS:
        raise ValidationError({"outcome": "Choose the outcome of the assessment."})
    refusal = competent_outcome_refusal(
        outcome=outcome,
        results=[result for result, _ in results.values()],
        override_reason=override_reason,
    )
    if refusal:
        raise ValidationError({"override_reason": refusal})
    reauthentication = reauthenticate(
        assessor,
        password=password,
        record=assessment,
        meaning=SIGN_OFF_MEANINGS[outcome],
    )
    return _sign_off(
        assessment=assessment,
        assessor=assessor,
        results=results,
        outcome=outcome,
        action_plan=action_plan,
        override_reason=override_reason,
        reauthentication=reauthentication,
    )


@transaction.atomic
def _sign_off(
    *,
    assessment: WorkplaceAssessment,
    assessor: User,
    results: dict[int, tuple[str, str]],
    outcome: str,
    action_plan: str,
    override_reason: str,
    reauthentication: Reauthentication,
) -> WorkplaceAssessment:
    assessment = locked(assessment)
    if assessment.status != AssessmentStatus.REQUESTED:
        raise WorkplaceAssessmentRefused("This assessment has already been signed.")
    if not may_sign_off(assessor, assessment):
        raise WorkplaceAssessmentRefused("You cannot sign off this assessment.")
    if outcome == Outcome.NOT_YET_COMPETENT and not action_plan.strip():
        raise ValidationError({"action_plan": "Write the action plan for the trainee."})
    criteria = list(assessment.criteria.all())
    for criterion in criteria:
        result, _ = results.get(criterion.position, ("", ""))
        if result not in CriterionResult.values:
            raise ValidationError(f"Record a result for: {criterion.text}")
    refusal = competent_outcome_refusal(
        outcome=outcome,
        results=[results[criterion.position][0] for criterion in criteria],
        override_reason=override_reason,
    )
    if refusal:
        raise ValidationError({"override_reason": refusal})
    for criterion in criteria:
        result, comment = results[criterion.position]
        criterion.result, criterion.comment = result, comment.strip()
        criterion.save(update_fields=["result", "comment"])
        record_audit_event(
            "assessments.workplace_criterion_recorded",
            actor=assessor,
            target=assessment,
            details={"position": criterion.position, "result": result},
        )
    assessment.outcome = outcome
    assessment.action_plan = action_plan.strip()
    overridden = needs_override(outcome=outcome, results=[c.result for c in criteria])
    assessment.competent_override_reason = override_reason.strip() if overridden else ""
    competent = outcome == Outcome.COMPETENT
    assessment.status = (
        AssessmentStatus.AWAITING_COUNTERSIGN
        if competent and assessment.countersign_required
        else AssessmentStatus.COMPLETE
    )
    signature = sign_record(
        assessment,
        signer=assessor,
        meaning=SIGN_OFF_MEANINGS[outcome],
        role=ASSESSOR_ROLE,
        content=signed_content(assessment),
        reauthentication=reauthentication,
    )
    assessment.signature = signature
    assessment.save()
    _notify_signed(assessment, signer=assessor)
    decide_after_signing(assessment, signer=assessor, signature=signature)
    return assessment


def _notify_signed(assessment: WorkplaceAssessment, *, signer: User) -> None:
    """Tell the trainee the outcome, and the possible countersigners that a competent
    outcome waits for them."""
    competency, trainee = assessment.competency, assessment.trainee
    what = f"{competency.code} {competency.title}"
    record = reverse("assessments:workplace_assessment", args=[assessment.pk])
    if not assessment.is_competent:
        notify(
            recipient=trainee,
            kind=Kind.SIGN_OFF_RETURNED,
            title=f"Not yet competent: your workplace assessment of {what}",
            body=f"{signer.full_name} assessed you as not yet competent. Their action "
            f"plan: {assessment.action_plan}",
            link=record,
            event_key=f"sign_off_returned:{assessment.pk}",
        )
        return
    waiting = assessment.status == AssessmentStatus.AWAITING_COUNTERSIGN
    notify(
        recipient=trainee,
        kind=Kind.SIGN_OFF_SIGNED,
        title=f"Signed off as competent: your workplace assessment of {what}",
        body=f"{signer.full_name} assessed you as competent."
        + (" A second assessor now countersigns it." if waiting else ""),
        link=record,
        event_key=f"sign_off_signed:{assessment.pk}",
    )
    if not waiting or trainee.organisation_id is None:
        return
    # Those `may_countersign` allows: accredited for it, of the trainee's organisation.
    countersigners = (
        User.objects.filter(
            pk__in=assessors_for(competency),
            organisation_id=trainee.organisation_id,
            is_active=True,
        )
        .exclude(pk__in=[trainee.pk, signer.pk])
        .order_by("pk")
    )
    for countersigner in countersigners:
        notify(
            recipient=countersigner,
            kind=Kind.COUNTERSIGN_NEEDED,
            title=f"Countersignature needed: {trainee.full_name}, {what}",
            body=f"{signer.full_name} assessed {trainee.full_name} as competent. A "
            "second accredited assessor must countersign before the competence is "
            "awarded.",
            link=reverse("assessments:workplace_countersign", args=[assessment.pk]),
            event_key=f"countersign_needed:{assessment.pk}",
        )
