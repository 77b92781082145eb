"""Signed decisions on a competence: the suspension or revocation each signature
signs."""

from academy.models import ElectronicSignature
from assessments.integrity.checks import SignedRecord
from passport.competences.services import signed_event_content
from passport.models import Competence, CompetenceEvent, CompetenceEventKind

COMPETENCE = Competence._meta.label_lower
DECISIONS = {
    CompetenceEventKind.SUSPENDED: "Suspension",
    CompetenceEventKind.REVOKED: "Revocation",
}
SIGNED_EVENT_KINDS = tuple(DECISIONS)


def competence_records(
    signatures: list[ElectronicSignature],
) -> dict[int, SignedRecord]:
    """Each signed suspension or revocation: the competence event carrying the
    signature (one query for the chunk)."""
    if not signatures:
        return {}
    events = {
        event.signature_id: event
        for event in CompetenceEvent.objects.filter(
            signature_id__in=[s.pk for s in signatures], kind__in=SIGNED_EVENT_KINDS
        ).select_related("competence__competency", "competence__holder")
    }
    by_signature = {}
    for signature in signatures:
        event = events.get(signature.pk)
        if event is None:
            by_signature[signature.pk] = SignedRecord(
                f"Decision on competence {signature.record_id} (missing)", None
            )
            continue
        competence = event.competence
        by_signature[signature.pk] = SignedRecord(
            f"{DECISIONS[event.kind]} of {competence.competency.code} held by "
            f"{competence.holder.full_name}",
            signed_event_content(competence, kind=event.kind, reason=event.reason),
            ((competence.holder_id, competence.competency_id),),
        )
    return by_signature
