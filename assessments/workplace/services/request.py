"""Starting a workplace assessment from its published checklist, and the trainee's
request for sign-off to one of their assessors."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from academy.models import Competency, User
from academy.services import record_audit_event
from assessments.models import (
    AssessedCriterion,
    AssessmentStatus,
    WorkplaceAssessment,
    WorkplaceAssessmentTemplate,
)
from assessments.workplace.evidence import WorkplaceAssessmentRefused, locked
from notifications.kinds import Kind
from notifications.services import notify
from passport.models import TrainingPlanItem
from passport.plans.services import start_plan_item
from trainers.permissions import can_assess


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
