"""Signed workplace assessments: the sign-off and countersignature each signature
signs, and assessments marked signed that have no signature."""

from collections.abc import Iterator

from django.db.models import Q

from academy.models import ElectronicSignature
from assessments.integrity.checks import (
    SignedRecord,
    Support,
    observed_hash,
    record_pk,
)
from assessments.models import SIGNED_STATUSES, WorkplaceAssessment
from assessments.workplace.services.content import countersigned_content, signed_content
from passport.findings.services import Mismatch
from passport.models import SignatureProblem

WORKPLACE = WorkplaceAssessment._meta.label_lower


def _description(assessment: WorkplaceAssessment, *, role: str) -> str:
    return (
        f"Workplace assessment {assessment.pk} of {assessment.trainee.full_name}, "
        f"{assessment.competency.code} ({role})"
    )


def workplace_records(
    signatures: list[ElectronicSignature],
) -> dict[int, SignedRecord]:
    """Each workplace signature's record: the assessment whose signature or
    countersignature it is (three queries for the chunk)."""
    if not signatures:
        return {}
    ids = [s.pk for s in signatures]
    record_ids = [record_pk(s) for s in signatures]
    assessments = list(
        WorkplaceAssessment.objects.filter(
            Q(signature_id__in=ids)
            | Q(countersignature_id__in=ids)
            | Q(pk__in=record_ids)
        )
        .select_related("trainee", "competency", "signature")
        .prefetch_related("criteria", "evidence")
    )
    by_signature = {}
    by_pk = {a.pk: a for a in assessments}
    for a in assessments:
        supports = ((a.trainee_id, a.competency_id),)
        if a.signature_id:
            by_signature[a.signature_id] = SignedRecord(
                _description(a, role="sign-off"), signed_content(a), supports
            )
        if a.countersignature_id:
            by_signature[a.countersignature_id] = SignedRecord(
                _description(a, role="countersignature"),
                countersigned_content(a),
                supports,
            )
    for signature in signatures:
        if signature.pk in by_signature:
            continue
        named = by_pk.get(record_pk(signature))
        by_signature[signature.pk] = (
            SignedRecord(
                _description(named, role="signature not attached"),
                None,
                ((named.trainee_id, named.competency_id),),
            )
            if named
            else SignedRecord(
                f"Workplace assessment {signature.record_id} (missing)", None
            )
        )
    return {pk: by_signature[pk] for pk in ids}


def unsigned_workplace_records(
    size: int,
) -> Iterator[tuple[Mismatch, tuple[Support, ...]]]:
    """Workplace records marked signed that have no signature at all."""
    unsigned = (
        WorkplaceAssessment.objects.filter(
            status__in=SIGNED_STATUSES, signature__isnull=True
        )
        .select_related("trainee", "competency")
        .prefetch_related("criteria", "evidence")
        .order_by("pk")
    )
    for assessment in unsigned.iterator(chunk_size=size):
        yield (
            Mismatch(
                subject=f"record {WORKPLACE} {assessment.pk}",
                problem=SignatureProblem.SIGNATURE_MISSING,
                record_type=WORKPLACE,
                record_id=str(assessment.pk),
                description=_description(assessment, role="no signature"),
                observed_hash=observed_hash(None, signed_content(assessment)),
            ),
            ((assessment.trainee_id, assessment.competency_id),),
        )
