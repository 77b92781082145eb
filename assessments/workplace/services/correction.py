"""The correction of a signed workplace record: a new record that refers to the
original, with the reason; the original is kept."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from academy.models import User
from academy.services import record_audit_event
from assessments.models import (
    AssessedCriterion,
    AssessmentStatus,
    EvidenceFile,
    WorkplaceAssessment,
)
from assessments.workplace.evidence import WorkplaceAssessmentRefused, locked
from trainers.permissions import can_assess


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
