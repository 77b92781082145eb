"""The decision that a competency's requirements are met, and the award that follows."""

import datetime
from typing import Any

from django.utils import timezone

from academy.models import Competency, ElectronicSignature, User
from assessments.models import (
    SIGNED_STATUSES,
    AssessmentStatus,
    KnowledgeRequirementMet,
    Outcome,
    WorkplaceAssessment,
)
from assessments.requirements import day_achieved, decide_requirements
from assessments.validations.queries import validation_evidence
from passport.competences.services import (
    award_competence,
    suspend_competence_automatically,
)
from passport.models import Competence, CompetenceEvent, CompetenceStatus

HELD_STATUSES = (CompetenceStatus.CURRENT, CompetenceStatus.EXPIRING)


def latest_signed_workplace_assessment(
    *, trainee: User, competency: Competency
) -> WorkplaceAssessment | None:
    """The most recently signed workplace record of the competency (a correction, being
    signed later, supersedes the record it corrects)."""
    return (
        WorkplaceAssessment.objects.filter(
            trainee=trainee, competency=competency, status__in=SIGNED_STATUSES
        )
        .order_by("-signature__signed_at", "-id")
        .first()
    )


def workplace_met_on(assessment: WorkplaceAssessment) -> datetime.date:
    """The day a competent workplace record was complete: its countersignature's,
    where one was required, or else its signature's."""
    last = assessment.countersignature or assessment.signature
    return timezone.localdate(last.signed_at)


def award_if_requirements_met(
    *,
    trainee: User,
    competency: Competency,
    decided_by: User | None,
    signature: ElectronicSignature | None = None,
) -> CompetenceEvent | None:
    """Award (or renew) the competence when every requirement of the competency is met:
    the knowledge assessment passed, the latest workplace record signed competent (and
    countersigned where required), a process validation passed. Evidence already
    behind the competence held awards nothing again."""
    today = timezone.localdate()
    knowledge = (
        KnowledgeRequirementMet.objects.filter(trainee=trainee, competency=competency)
        .order_by("-met_at", "-id")
        .first()
    )
    workplace = latest_signed_workplace_assessment(
        trainee=trainee, competency=competency
    )
    workplace_met = (
        workplace is not None
        and workplace.status == AssessmentStatus.COMPLETE
        and workplace.outcome == Outcome.COMPETENT
    )
    validation = validation_evidence(
        trainee=trainee, competency=competency, today=today
    )
    decision = decide_requirements(
        requires_knowledge=competency.requires_knowledge,
        requires_workplace_assessment=competency.requires_workplace_assessment,
        requires_process_validation=competency.requires_process_validation,
        knowledge_met=knowledge is not None,
        workplace_met=workplace_met,
        validation_met=validation is not None,
    )
    if not decision.met:
        return None
    evidence: dict[str, Any] = {}
    # The day each required piece of evidence was met: a knowledge pass when it was
    # marked, a workplace record when its last signature was made, a process
    # validation on its test date (recorded days later, after incubation). The
    # competence is achieved on the latest of them, never before its evidence.
    met_on = []
    if competency.requires_knowledge:
        met_on.append(timezone.localdate(knowledge.met_at))
    if competency.requires_workplace_assessment:
        met_on.append(workplace_met_on(workplace))
    if competency.requires_process_validation:
        met_on.append(
            datetime.date.fromisoformat(validation["achieved_on"])
            if validation.get("achieved_on")
            else today
        )
    achieved_on = day_achieved(met_on)
    if competency.requires_knowledge:
        evidence["knowledge"] = {
            "attempt_id": knowledge.attempt_id,
            "module_revision_ids": [knowledge.module_revision_id]
            if knowledge.module_revision_id
            else [],
        }
    if competency.requires_workplace_assessment:
        evidence["workplace_assessment"] = {
            "assessment_id": workplace.pk,
            "signature_id": workplace.signature_id,
            "countersignature_id": workplace.countersignature_id,
        }
    if competency.requires_process_validation:
        evidence["process_validation"] = validation
    held = Competence.objects.filter(
        holder=trainee, competency=competency, status__in=HELD_STATUSES
    ).first()
    if held is not None and held.evidence == evidence:
        return None
    return award_competence(
        holder=trainee,
        competency=competency,
        achieved_on=achieved_on,
        evidence=evidence,
        awarded_by=decided_by,
        signature=signature,
    )


def suspend_if_correction_withdraws(
    *,
    correction: WorkplaceAssessment,
    decided_by: User,
    signature: ElectronicSignature,
) -> CompetenceEvent | None:
    """A signed correction that finds the trainee not yet competent withdraws the
    competence its original record supported: the Academy suspends it, on the
    correction's signature, until a new award."""
    if (
        correction.corrects_id is None
        or correction.outcome != Outcome.NOT_YET_COMPETENT
    ):
        return None
    held = Competence.objects.filter(
        holder=correction.trainee,
        competency=correction.competency,
        status__in=HELD_STATUSES,
        evidence__workplace_assessment__assessment_id=correction.corrects_id,
    ).first()
    if held is None:
        return None
    return suspend_competence_automatically(
        competence=held,
        decided_by=decided_by,
        signature=signature,
        reason=(
            f"Workplace assessment {correction.corrects_id} corrected to not yet "
            f"competent: {correction.correction_reason}"
        ),
    )
