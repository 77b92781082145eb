"""The nightly scan: every signature in chunks, then the signed records that have no
signature; each mismatch becomes a finding against the competences it supports."""

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q
from django.utils import timezone

from academy.models import ElectronicSignature
from assessments.integrity.checks import (
    Support,
    audited_hashes,
    observed_hash,
    signature_problem,
    written_day,
)
from assessments.integrity.competences import COMPETENCE, competence_records
from assessments.integrity.kinds import SignedRecordKind, registered_kinds
from assessments.integrity.validations import (
    VALIDATION,
    unsigned_validation_results,
    validation_records,
)
from assessments.integrity.workplace import (
    WORKPLACE,
    unsigned_workplace_records,
    workplace_records,
)
from assessments.validations.queries import validation_competencies
from passport.findings.services import (
    FindingsRecorded,
    Mismatch,
    record_signature_findings,
)
from passport.models import Competence, SignatureFinding

CHUNK_SIZE = 500
KIND_LABELS = {
    WORKPLACE: "workplace assessments",
    VALIDATION: "process validation results",
    COMPETENCE: "suspensions and revocations",
}
OTHER = "other records (signature and audit trail only)"


@dataclass
class SignedRecordsReport:
    """What the check read and what it found."""

    checked: Counter = field(default_factory=Counter)
    mismatches: list[Mismatch] = field(default_factory=list)
    findings: FindingsRecorded = field(default_factory=FindingsRecorded)
    open_findings: int = 0  # open after the check, this run's and earlier ones

    @property
    def ok(self) -> bool:
        """No finding open: none found, or each resolved by an administrator."""
        return self.open_findings == 0


def _signature_chunks(size: int) -> Iterator[list[ElectronicSignature]]:
    last = 0
    while True:
        chunk = list(
            ElectronicSignature.objects.filter(pk__gt=last).order_by("pk")[:size]
        )
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


def _check_chunk(
    chunk: list[ElectronicSignature],
    *,
    competencies: dict[str, Any],
    other_kinds: dict[str, SignedRecordKind],
    report: SignedRecordsReport,
) -> list[tuple[Mismatch, tuple[Support, ...]]]:
    by_type: dict[str, list[ElectronicSignature]] = defaultdict(list)
    for signature in chunk:
        by_type[signature.record_type].append(signature)
    records = {
        **workplace_records(by_type[WORKPLACE]),
        **validation_records(by_type[VALIDATION], competencies=competencies),
        **competence_records(by_type[COMPETENCE]),
    }
    labels = dict(KIND_LABELS)
    for record_type, kind in other_kinds.items():
        records.update(kind.records(by_type[record_type]))
        labels[record_type] = kind.label
    audited = audited_hashes(chunk)
    found = []
    for signature in chunk:
        record = records.get(signature.pk)
        report.checked[labels.get(signature.record_type, OTHER)] += 1
        content = record.content if record else None
        problem = signature_problem(
            signature,
            content=content,
            record_known=record is not None,
            audited_hash=audited.get(signature.pk),
        )
        if problem is None:
            continue
        mismatch = Mismatch(
            subject=f"signature {signature.pk}",
            problem=problem,
            record_type=signature.record_type,
            record_id=signature.record_id,
            description=(
                record.description
                if record
                else f"{signature.record_type} {signature.record_id}"
            )
            + f", signed by {signature.printed_name} on "
            f"{written_day(timezone.localdate(signature.signed_at))}",
            observed_hash=observed_hash(signature, content),
            signature_id=signature.pk,
        )
        found.append((mismatch, record.supports if record else ()))
    return found


def _competences_supported(
    found: list[tuple[Mismatch, tuple[Support, ...]]],
) -> list[Mismatch]:
    """Each mismatch with the competences its record supports (held ones only)."""
    pairs = {pair for _, supports in found for pair in supports}
    held: dict[Support, int] = {}
    pair_list = sorted(pairs)
    for start in range(0, len(pair_list), CHUNK_SIZE):
        batch = pair_list[start : start + CHUNK_SIZE]
        condition = reduce(
            or_, (Q(holder_id=h, competency_id=c) for h, c in batch), Q(pk__in=[])
        )
        for pk, holder_id, competency_id in Competence.objects.filter(
            condition
        ).values_list("pk", "holder_id", "competency_id"):
            held[(holder_id, competency_id)] = pk
    return [
        Mismatch(
            **{
                **mismatch.__dict__,
                "competence_ids": frozenset(
                    held[pair] for pair in supports if pair in held
                ),
            }
        )
        for mismatch, supports in found
    ]


def verify_signed_records(*, chunk_size: int = CHUNK_SIZE) -> SignedRecordsReport:
    """Check every signature and every signed record; record a finding for each
    mismatch (once), put the competences it supports under review and e-mail the
    administrators. Suspends nothing."""
    report = SignedRecordsReport()
    competencies = validation_competencies()
    other_kinds = registered_kinds()
    found: list[tuple[Mismatch, tuple[Support, ...]]] = []
    signed_validations: set[str] = set()
    for chunk in _signature_chunks(chunk_size):
        found.extend(
            _check_chunk(
                chunk,
                competencies=competencies,
                other_kinds=other_kinds,
                report=report,
            )
        )
        signed_validations.update(
            s.record_id for s in chunk if s.record_type == VALIDATION
        )
    found.extend(unsigned_workplace_records(chunk_size))
    found.extend(
        unsigned_validation_results(
            signed_validations, competencies=competencies, size=chunk_size
        )
    )
    report.mismatches = _competences_supported(found)
    report.findings = record_signature_findings(mismatches=report.mismatches)
    report.open_findings = SignatureFinding.objects.filter(
        resolved_at__isnull=True
    ).count()
    return report
