"""What a workplace signature signs: the record's canonical content, and for a
countersignature the first signature too; and whether the stored record still
matches them."""

from operator import attrgetter
from typing import Any

from academy.signatures import signature_matches
from assessments.models import WorkplaceAssessment


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
