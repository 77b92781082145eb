"""Workplace assessments: start, evidence, sign-off request, signing, countersigning
and correction. Each step is audited; signed records are never changed."""

from operator import attrgetter
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from academy.models import Competency, ElectronicSignature, SignatureMeaning, User
from academy.services import record_audit_event
from academy.signatures import (
    Reauthentication,
    reauthenticate,
    sign_record,
    signature_matches,
)
from assessments.decision import (
    award_if_requirements_met,
    suspend_if_correction_withdraws,
)
from assessments.models import (
    AssessedCriterion,
    AssessmentStatus,
    CriterionResult,
    EvidenceFile,
    Outcome,
    WorkplaceAssessment,
    WorkplaceAssessmentTemplate,
)
from assessments.workplace.evidence import WorkplaceAssessmentRefused, locked
from assessments.workplace.policies import may_countersign, may_sign_off
from assessments.workplace.rules import competent_outcome_refusal, needs_override
from notifications.kinds import Kind
from notifications.services import notify
from passport.models import TrainingPlanItem
from passport.plans.services import start_plan_item
from trainers.permissions import assessors_for, can_assess

ASSESSOR_ROLE = "Workplace assessor"
COUNTERSIGNER_ROLE = "Countersigning workplace assessor"
SIGN_OFF_MEANINGS = {
    Outcome.COMPETENT: SignatureMeaning.ASSESSED_COMPETENT,
    Outcome.NOT_YET_COMPETENT: SignatureMeaning.ASSESSED_NOT_YET_COMPETENT,
}


def live_template_for(competency: Competency) -> WorkplaceAssessmentTemplate | None:
    return (
        WorkplaceAssessmentTemplate.objects.filter(competency=competency, live=True)
        .prefetch_related("criteria")
        .first()
    )


@transaction.atomic
def start_workplace_assessment(
    *, trainee: User, competency: Competency
) -> WorkplaceAssessment:
    """A trainee starts the workplace assessment of a competency in their plan, from its
    published checklist; an assessment already open is carried on instead."""
    open_one = WorkplaceAssessment.objects.filter(
        trainee=trainee,
        competency=competency,
        status__in=[AssessmentStatus.DRAFT, AssessmentStatus.REQUESTED],
    ).first()
    if open_one is not None:
        return open_one
    in_plan = TrainingPlanItem.objects.filter(
        plan__trainee=trainee, competency=competency
    ).exists()
    template = live_template_for(competency)
    if not in_plan or template is None or not competency.requires_workplace_assessment:
        raise WorkplaceAssessmentRefused(
            "This competency has no workplace assessment in your training plan."
        )
    assessment = WorkplaceAssessment.objects.create(
        trainee=trainee,
        competency=competency,
        template=template,
        evidence_required=template.evidence_required,
        countersign_required=template.countersign_required,
        created_at=timezone.now(),
    )
    AssessedCriterion.objects.bulk_create(
        AssessedCriterion(
            assessment=assessment,
            position=number,
            text=criterion.text,
            guidance=criterion.guidance,
        )
        for number, criterion in enumerate(template.criteria.all(), start=1)
    )
    start_plan_item(trainee=trainee, competency=competency)
    record_audit_event(
        "assessments.workplace_assessment_started",
        actor=trainee,
        target=assessment,
        details={"competency": competency.code, "template_id": template.pk},
    )
    return assessment


@transaction.atomic
def request_sign_off(
    *, assessment: WorkplaceAssessment, assessor: User, reflection: str
) -> WorkplaceAssessment:
    """The trainee asks one of their supervising, accredited assessors to sign off,
    with their reflection and at least one piece of evidence."""
    assessment = locked(assessment)
    if assessment.status != AssessmentStatus.DRAFT:
        raise WorkplaceAssessmentRefused("Sign-off has already been requested.")
    errors = {}
    if not reflection.strip():
        errors["reflection"] = "Write your reflection on this competency."
    if not can_assess(assessor, assessment.trainee, assessment.competency):
        errors["assessor"] = "Choose an assessor who can sign off this competency."
    if not assessment.evidence.exists():
        errors["__all__"] = "Upload at least one piece of evidence before you ask."
    if errors:
        raise ValidationError(errors)
    assessment.reflection = reflection.strip()
    assessment.assessor = assessor
    assessment.status = AssessmentStatus.REQUESTED
    assessment.requested_at = timezone.now()
    assessment.save()
    record_audit_event(
        "assessments.workplace_sign_off_requested",
        actor=assessment.trainee,
        target=assessment,
        details={"assessor_id": assessor.pk, "competency": assessment.competency.code},
    )
    competency, trainee = assessment.competency, assessment.trainee
    notify(
        recipient=assessor,
        kind=Kind.SIGN_OFF_REQUESTED,
        title=f"{trainee.full_name} asks you to sign off {competency.code} "
        f"{competency.title}",
        body=f"{trainee.full_name} has attached their evidence and reflection to "
        "their workplace assessment. Observe their practice and sign it off.",
        link=reverse("assessments:workplace_sign", args=[assessment.pk]),
        event_key=f"sign_off_requested:{assessment.pk}",
    )
    return assessment


def signed_content(assessment: WorkplaceAssessment) -> dict[str, Any]:
    """The canonical content an assessor signs: the observed checklist, outcome,
    action plan, the trainee's reflection, the evidence files' hashes and, when they
    found the trainee competent with a criterion not met, their reason."""
    content = {
        "record_id": assessment.pk,
        "trainee_id": assessment.trainee_id,
        "competency": assessment.competency.code,
        "template_id": assessment.template_id,
        "assessor_id": assessment.assessor_id,
        "reflection": assessment.reflection,
        "criteria": [
            {
                "position": c.position,
                "text": c.text,
                "result": c.result,
                "comment": c.comment,
            }
            # Sorted here, not by the database, so a prefetched checklist is used.
            for c in sorted(assessment.criteria.all(), key=attrgetter("position"))
        ],
        "evidence": [
            e.sha256 for e in sorted(assessment.evidence.all(), key=attrgetter("pk"))
        ],
        "outcome": assessment.outcome,
        "action_plan": assessment.action_plan,
        "corrects_id": assessment.corrects_id,
        "correction_reason": assessment.correction_reason,
    }
    # Only when there is one: records signed before overrides existed still verify.
    if assessment.competent_override_reason:
        content["competent_override_reason"] = assessment.competent_override_reason
    return content


def countersigned_content(assessment: WorkplaceAssessment) -> dict[str, Any]:
    """A countersignature binds the record's content and the first signature."""
    return {
        **signed_content(assessment),
        "signature_hash": assessment.signature.signature_hash,
    }


def signatures_verified(assessment: WorkplaceAssessment) -> bool | None:
    """Whether the stored record still matches what was signed (None: unsigned)."""
    if assessment.signature is None:
        return None
    verified = signature_matches(
        assessment.signature, content=signed_content(assessment)
    )
    if assessment.countersignature is not None:
        verified = verified and signature_matches(
            assessment.countersignature, content=countersigned_content(assessment)
        )
    return verified


def _decide_after_signing(
    assessment: WorkplaceAssessment, *, signer: User, signature: ElectronicSignature
) -> None:
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
    _decide_after_signing(assessment, signer=assessor, signature=signature)
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
    _decide_after_signing(assessment, signer=countersigner, signature=signature)
    return assessment


@transaction.atomic
def start_correction(
    *, original: WorkplaceAssessment, assessor: User, reason: str
) -> WorkplaceAssessment:
    """A correction of a signed record is a new record that refers to it, with the
    reason; the assessor then records and signs it with `sign_off_assessment` (with
    their password), as usual. Starting it signs nothing. The original is kept."""
    original = locked(original)
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason for the correction."})
    if not original.is_signed or hasattr(original, "corrected_by"):
        raise WorkplaceAssessmentRefused(
            "Only a signed, uncorrected record is corrected."
        )
    if not can_assess(assessor, original.trainee, original.competency):
        raise WorkplaceAssessmentRefused("You cannot assess this trainee.")
    if WorkplaceAssessment.objects.filter(
        trainee=original.trainee,
        competency=original.competency,
        status__in=[AssessmentStatus.DRAFT, AssessmentStatus.REQUESTED],
    ).exists():
        raise WorkplaceAssessmentRefused(
            "The trainee has an open assessment of this competency; complete it first."
        )
    now = timezone.now()
    correction = WorkplaceAssessment.objects.create(
        trainee=original.trainee,
        competency=original.competency,
        template=original.template,
        evidence_required=original.evidence_required,
        countersign_required=original.countersign_required,
        status=AssessmentStatus.REQUESTED,
        reflection=original.reflection,
        assessor=assessor,
        created_at=now,
        requested_at=now,
        corrects=original,
        correction_reason=reason.strip(),
    )
    AssessedCriterion.objects.bulk_create(
        AssessedCriterion(
            assessment=correction, position=c.position, text=c.text, guidance=c.guidance
        )
        for c in original.criteria.all()
    )
    EvidenceFile.objects.bulk_create(
        EvidenceFile(
            assessment=correction,
            original_name=e.original_name,
            stored_name=e.stored_name,
            content_type=e.content_type,
            size=e.size,
            sha256=e.sha256,
            uploaded_by_id=e.uploaded_by_id,
            uploaded_at=e.uploaded_at,
        )
        for e in original.evidence.all()
    )
    record_audit_event(
        "assessments.workplace_correction_started",
        actor=assessor,
        target=correction,
        details={"corrects_id": original.pk, "reason": correction.correction_reason},
    )
    return correction
