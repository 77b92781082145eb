"""Workplace evidence files: stored outside the public media path, read only by those
allowed to see the record, each view audited."""

import hashlib
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from academy.models import User
from academy.services import record_audit_event
from assessments.models import AssessmentStatus, EvidenceFile, WorkplaceAssessment
from assessments.workplace.evidence_rules import (
    HEAD_BYTES,
    check_evidence,
    download_name,
)


class WorkplaceAssessmentRefused(Exception):
    """The step is not allowed for this record or person; nothing was changed."""


def locked(assessment: WorkplaceAssessment) -> WorkplaceAssessment:
    """The record, locked for the rest of the transaction (its row only)."""
    return (
        WorkplaceAssessment.objects.select_for_update(of=("self",))
        .select_related("trainee", "competency", "assessor")
        .get(pk=assessment.pk)
    )


def evidence_root() -> Path:
    return Path(settings.PRIVATE_STORAGE_ROOT) / "workplace-evidence"


def max_evidence_bytes() -> int:
    return settings.WORKPLACE_EVIDENCE_MAX_BYTES


def _read_upload(upload: UploadedFile) -> tuple[bytes, str]:
    digest = hashlib.sha256()
    chunks = []
    for chunk in upload.chunks():
        digest.update(chunk)
        chunks.append(chunk)
    return b"".join(chunks), digest.hexdigest()


@transaction.atomic
def add_evidence(
    *, assessment: WorkplaceAssessment, uploaded_by: User, upload: UploadedFile
) -> EvidenceFile:
    """Store a trainee's evidence file privately, once its content shows an accepted
    type within the size limit; a refused file leaves no row and no file."""
    assessment = locked(assessment)
    if assessment.trainee_id != uploaded_by.pk:
        raise WorkplaceAssessmentRefused("Only the trainee adds evidence.")
    if assessment.status != AssessmentStatus.DRAFT:
        raise WorkplaceAssessmentRefused(
            "Evidence can only be added before you ask for sign-off."
        )
    size = upload.size or 0
    upload.seek(0)
    check = check_evidence(
        head=upload.read(HEAD_BYTES), size=size, max_bytes=max_evidence_bytes()
    )
    if not check.accepted:
        raise ValidationError({"file": check.problem})
    upload.seek(0)
    content, sha256 = _read_upload(upload)
    stored_name = f"{uuid.uuid4().hex}.{check.extension}"
    root = evidence_root()
    root.mkdir(parents=True, exist_ok=True)
    path = root / stored_name
    path.write_bytes(content)
    # The file is written before its row, so a failed insert must remove it.
    try:
        evidence = EvidenceFile.objects.create(
            assessment=assessment,
            original_name=download_name(upload.name, extension=check.extension),
            stored_name=stored_name,
            content_type=check.content_type,
            size=size,
            sha256=sha256,
            uploaded_by=uploaded_by,
            uploaded_at=timezone.now(),
        )
        record_audit_event(
            "assessments.workplace_evidence_added",
            actor=uploaded_by,
            target=assessment,
            details={"evidence_id": evidence.pk, "sha256": sha256, "size": size},
        )
    except Exception:
        path.unlink(missing_ok=True)
        raise
    return evidence


def open_evidence(*, evidence: EvidenceFile, viewer: User):
    """Open a stored evidence file for someone allowed to see it; each view is audited."""
    record_audit_event(
        "assessments.workplace_evidence_viewed",
        actor=viewer,
        target=evidence.assessment,
        details={"evidence_id": evidence.pk, "sha256": evidence.sha256},
    )
    return (evidence_root() / evidence.stored_name).open("rb")
