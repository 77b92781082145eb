"""The nightly re-verification of every electronic signature against the record it
signs, and of every signed record against its signature.

A signed record edited in the database (a checklist result, a validation count, a
suspension's reason) no longer matches the hash its signer signed; a signature row
edited, or rewritten with hashes recomputed by the public hash function, no longer
matches itself or the `academy.record_signed` audit event written when it was made.
Each mismatch becomes a finding in `passport.findings`: it suspends nothing, puts the
competences the record supports under review and tells the administrators.

Signatures are read in chunks by primary key, each chunk in a fixed number of
queries, so the check's cost grows with the records and never with their history.
A record kind this module does not know (a signature over some other record) is
checked against itself and the audit trail only.
"""

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q
from django.utils import timezone

from academy.audit_actions import stored_names
from academy.audit_chain import canonical_json
from academy.models import AuditEvent, ElectronicSignature
from academy.services import json_safe
from academy.signing import content_hash, signature_hash
from assessments.models import (
    SIGNED_STATUSES,
    ProcessValidation,
    ValidationKind,
    WorkplaceAssessment,
)
from assessments.validations.queries import validation_competencies
from assessments.validations.services import (
    signed_content as validation_signed_content,
)
from assessments.workplace.services import countersigned_content, signed_content
from passport.competences.services import signed_event_content
from passport.findings.services import (
    FindingsRecorded,
    Mismatch,
    record_signature_findings,
)
from passport.models import (
    Competence,
    CompetenceEvent,
    CompetenceEventKind,
    SignatureFinding,
    SignatureProblem,
)

CHUNK_SIZE = 500
WORKPLACE = WorkplaceAssessment._meta.label_lower
VALIDATION = ProcessValidation._meta.label_lower
COMPETENCE = Competence._meta.label_lower
KIND_LABELS = {
    WORKPLACE: "workplace assessments",
    VALIDATION: "process validation results",
    COMPETENCE: "suspensions and revocations",
}
OTHER = "other records (signature and audit trail only)"
DECISIONS = {
    CompetenceEventKind.SUSPENDED: "Suspension",
    CompetenceEventKind.REVOKED: "Revocation",
}
SIGNED_EVENT_KINDS = tuple(DECISIONS)

# (holder id, competency id): the competence a record supports, if it is held.
Support = tuple[int, int]


@dataclass(frozen=True)
class SignedRecord:
    """What one signature signs, as stored now: its content (None when the record
    is missing or no longer refers to the signature) and who it supports."""

    description: str
    content: dict[str, Any] | None
    supports: tuple[Support, ...] = ()


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


def _signature_fields(signature: ElectronicSignature) -> dict[str, Any]:
    return {
        "signer_id": signature.signer_id,
        "printed_name": signature.printed_name,
        "role": signature.role,
        "organisation_name": signature.organisation_name,
        "signed_at": signature.signed_at,
        "meaning": signature.meaning,
        "record_type": signature.record_type,
        "record_id": signature.record_id,
    }


def signature_problem(
    signature: ElectronicSignature,
    *,
    content: dict[str, Any] | None,
    record_known: bool,
    audited_hash: str | None,
) -> str | None:
    """What is wrong with a signature, or None. `content` is the signed record's
    content now (None if `record_known` and the record is gone); `audited_hash` the
    content hash its `academy.record_signed` audit event recorded (None: no event).

    The record is checked first, then the signature row against its own hash, then
    the content, then the audit trail, which catches a row whose hashes were all
    recomputed."""
    if record_known and content is None:
        return SignatureProblem.RECORD_MISSING
    fields = _signature_fields(signature)
    if (
        signature_hash(content_hash=signature.content_hash, **fields)
        != signature.signature_hash
    ):
        return SignatureProblem.SIGNATURE_CHANGED
    if content is not None and (
        content_hash(json_safe(content)) != signature.content_hash
    ):
        return SignatureProblem.CONTENT_CHANGED
    if audited_hash != signature.content_hash:
        return SignatureProblem.NOT_AS_AUDITED
    return None


def observed_hash(signature: ElectronicSignature | None, content: Any) -> str:
    """SHA-256 of the signature row and the record's content as found: the state an
    administrator accepts when they resolve a finding."""
    state = {"content": json_safe({"content": content})}
    if signature is not None:
        state["signature"] = json_safe(
            {
                **_signature_fields(signature),
                "id": signature.pk,
                "content_hash": signature.content_hash,
                "signature_hash": signature.signature_hash,
            }
        )
    return hashlib.sha256(canonical_json(state).encode("utf-8")).hexdigest()


def _day(day: date) -> str:
    """A day as the Academy writes it: 3 December 2026."""
    return f"{day.day} {day:%B %Y}"


def _record_pk(signature: ElectronicSignature) -> int | None:
    """The signed record's primary key, if the signature names one that could be."""
    record_id = signature.record_id
    return int(record_id) if record_id.isdigit() and len(record_id) < 19 else None


def _workplace_description(assessment: WorkplaceAssessment, *, role: str) -> str:
    return (
        f"Workplace assessment {assessment.pk} of {assessment.trainee.full_name}, "
        f"{assessment.competency.code} ({role})"
    )


def _workplace_records(
    signatures: list[ElectronicSignature],
) -> dict[int, SignedRecord]:
    """Each workplace signature's record: the assessment whose signature or
    countersignature it is (three queries for the chunk)."""
    if not signatures:
        return {}
    ids = [s.pk for s in signatures]
    record_ids = [_record_pk(s) for s in signatures]
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
                _workplace_description(a, role="sign-off"), signed_content(a), supports
            )
        if a.countersignature_id:
            by_signature[a.countersignature_id] = SignedRecord(
                _workplace_description(a, role="countersignature"),
                countersigned_content(a),
                supports,
            )
    for signature in signatures:
        if signature.pk in by_signature:
            continue
        named = by_pk.get(_record_pk(signature))
        by_signature[signature.pk] = (
            SignedRecord(
                _workplace_description(named, role="signature not attached"),
                None,
                ((named.trainee_id, named.competency_id),),
            )
            if named
            else SignedRecord(
                f"Workplace assessment {signature.record_id} (missing)", None
            )
        )
    return {pk: by_signature[pk] for pk in ids}


def _validation_record(
    result: ProcessValidation, *, competencies: dict[str, Any]
) -> SignedRecord:
    """A result supports its kind's competency, and finger dabs the broth transfer
    one too (an adverse trend suspends it)."""
    kinds = [result.kind]
    if result.kind == ValidationKind.FINGER_DAB:
        kinds.append(ValidationKind.BROTH_TRANSFER)
    return SignedRecord(
        f"{result.get_kind_display()} result {result.pk} of "
        f"{result.operator.full_name}, {_day(result.performed_on)}",
        validation_signed_content(result),
        tuple(
            (result.operator_id, competencies[kind].pk)
            for kind in kinds
            if kind in competencies
        ),
    )


def _validation_records(
    signatures: list[ElectronicSignature], *, competencies: dict[str, Any]
) -> dict[int, SignedRecord]:
    """Each validation signature's result (one query for the chunk)."""
    if not signatures:
        return {}
    results = {
        r.pk: r
        for r in ProcessValidation.objects.filter(
            pk__in=[_record_pk(s) for s in signatures]
        ).select_related("operator")
    }
    by_signature = {}
    for signature in signatures:
        result = results.get(_record_pk(signature))
        by_signature[signature.pk] = (
            _validation_record(result, competencies=competencies)
            if result
            else SignedRecord(
                f"Process validation result {signature.record_id} (missing)", None
            )
        )
    return by_signature


def _competence_records(
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


def _audited_hashes(signatures: list[ElectronicSignature]) -> dict[int, str]:
    """The content hash the audit trail recorded for each signature when it was made
    (one query for the chunk, on the audit trail's object index)."""
    recorded: dict[int, str] = {}
    events = (
        AuditEvent.objects.filter(
            action__in=stored_names("academy.record_signed"),
            object_type__in={s.record_type for s in signatures},
            object_id__in={s.record_id for s in signatures},
        )
        .order_by("id")
        .values_list("details", flat=True)
    )
    for details in events:
        if isinstance(details, dict) and isinstance(details.get("signature_id"), int):
            recorded.setdefault(details["signature_id"], details.get("content_hash"))
    return recorded


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
    report: SignedRecordsReport,
) -> list[tuple[Mismatch, tuple[Support, ...]]]:
    by_type: dict[str, list[ElectronicSignature]] = defaultdict(list)
    for signature in chunk:
        by_type[signature.record_type].append(signature)
    records = {
        **_workplace_records(by_type[WORKPLACE]),
        **_validation_records(by_type[VALIDATION], competencies=competencies),
        **_competence_records(by_type[COMPETENCE]),
    }
    audited = _audited_hashes(chunk)
    found = []
    for signature in chunk:
        record = records.get(signature.pk)
        report.checked[KIND_LABELS.get(signature.record_type, OTHER)] += 1
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
            f"{_day(timezone.localdate(signature.signed_at))}",
            observed_hash=observed_hash(signature, content),
            signature_id=signature.pk,
        )
        found.append((mismatch, record.supports if record else ()))
    return found


def _unsigned_workplace_records(
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
                description=_workplace_description(assessment, role="no signature"),
                observed_hash=observed_hash(None, signed_content(assessment)),
            ),
            ((assessment.trainee_id, assessment.competency_id),),
        )


def _unsigned_validation_results(
    signed_ids: set[str], *, competencies: dict[str, Any], size: int
) -> Iterator[tuple[Mismatch, tuple[Support, ...]]]:
    """Process validation results that no signature names."""
    pks = ProcessValidation.objects.order_by("pk").values_list("pk", flat=True)
    unsigned = [pk for pk in pks.iterator(chunk_size=size) if str(pk) not in signed_ids]
    for start in range(0, len(unsigned), size):
        for result in ProcessValidation.objects.filter(
            pk__in=unsigned[start : start + size]
        ).select_related("operator"):
            record = _validation_record(result, competencies=competencies)
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
    found: list[tuple[Mismatch, tuple[Support, ...]]] = []
    signed_validations: set[str] = set()
    for chunk in _signature_chunks(chunk_size):
        found.extend(_check_chunk(chunk, competencies=competencies, report=report))
        signed_validations.update(
            s.record_id for s in chunk if s.record_type == VALIDATION
        )
    found.extend(_unsigned_workplace_records(chunk_size))
    found.extend(
        _unsigned_validation_results(
            signed_validations, competencies=competencies, size=chunk_size
        )
    )
    report.mismatches = _competences_supported(found)
    report.findings = record_signature_findings(mismatches=report.mismatches)
    report.open_findings = SignatureFinding.objects.filter(
        resolved_at__isnull=True
    ).count()
    return report
