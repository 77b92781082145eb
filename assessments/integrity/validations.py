"""Signed process validation results: the result each signature signs, the
competencies it supports, and results that no signature names."""

from collections.abc import Iterator
from typing import Any

from academy.models import ElectronicSignature
from assessments.integrity.checks import (
    SignedRecord,
    Support,
    observed_hash,
    record_pk,
    written_day,
)
from assessments.models import ProcessValidation, ValidationKind
from assessments.validations.services import (
    signed_content as validation_signed_content,
)
from passport.findings.services import Mismatch
from passport.models import SignatureProblem

VALIDATION = ProcessValidation._meta.label_lower


def validation_record(
    result: ProcessValidation, *, competencies: dict[str, Any]
) -> SignedRecord:
    """A result supports its kind's competency, and finger dabs the broth transfer
    one too (an adverse trend suspends it)."""
    kinds = [result.kind]
    if result.kind == ValidationKind.FINGER_DAB:
        kinds.append(ValidationKind.BROTH_TRANSFER)
    return SignedRecord(
        f"{result.get_kind_display()} result {result.pk} of "
        f"{result.operator.full_name}, {written_day(result.performed_on)}",
        validation_signed_content(result),
        tuple(
            (result.operator_id, competencies[kind].pk)
            for kind in kinds
            if kind in competencies
        ),
    )


def validation_records(
    signatures: list[ElectronicSignature], *, competencies: dict[str, Any]
) -> dict[int, SignedRecord]:
    """Each validation signature's result (one query for the chunk)."""
    if not signatures:
        return {}
    results = {
        r.pk: r
        for r in ProcessValidation.objects.filter(
            pk__in=[record_pk(s) for s in signatures]
        ).select_related("operator")
    }
    by_signature = {}
    for signature in signatures:
        result = results.get(record_pk(signature))
        by_signature[signature.pk] = (
            validation_record(result, competencies=competencies)
            if result
            else SignedRecord(
                f"Process validation result {signature.record_id} (missing)", None
            )
        )
    return by_signature


def unsigned_validation_results(
    signed_ids: set[str], *, competencies: dict[str, Any], size: int
) -> Iterator[tuple[Mismatch, tuple[Support, ...]]]:
    """Process validation results that no signature names."""
    pks = ProcessValidation.objects.order_by("pk").values_list("pk", flat=True)
    unsigned = [pk for pk in pks.iterator(chunk_size=size) if str(pk) not in signed_ids]
    for start in range(0, len(unsigned), size):
        for result in ProcessValidation.objects.filter(
            pk__in=unsigned[start : start + size]
        ).select_related("operator"):
            record = validation_record(result, competencies=competencies)
            yield (
                Mismatch(
                    subject=f"record {VALIDATION} {result.pk}",
                    problem=SignatureProblem.SIGNATURE_MISSING,
                    record_type=VALIDATION,
                    record_id=str(result.pk),
                    description=record.description,
                    observed_hash=observed_hash(None, record.content),
                ),
                record.supports,
            )
