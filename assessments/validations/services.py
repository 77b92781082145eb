"""Recording process validation results: signed, never edited, and acted on at once.

A failed broth transfer or gowning test, or an adverse finger-dab trend, suspends the
operator's validation and (automatically, on the result's signature) the competence
it supports; the pass that qualifies (or
requalifies) them goes to the decision service, which awards the competency.
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from academy.models import Competency, ElectronicSignature, SignatureMeaning, User
from academy.revalidation import ValidationStatus
from academy.services import record_audit_event
from academy.signatures import Reauthentication, reauthenticate, sign_record
from assessments.decision import award_if_requirements_met
from assessments.models import ProcessValidation, ValidationKind
from assessments.validations.policies import may_record_validations
from assessments.validations.queries import (
    operator_validations,
    validation_competencies,
)
from assessments.validations.rules import (
    finger_dab_excursion,
    gowning_passed,
    result_date_errors,
)
from notifications.kinds import Kind
from notifications.services import notify
from passport.competences.services import suspend_competence_automatically
from passport.models import Competence

SIGNER_ROLE = "Workplace assessor"
COMMON_FIELDS = ("performed_on", "read_on", "read_by", "notes")
KIND_FIELDS = {
    ValidationKind.BROTH_TRANSFER: (
        "kit",
        "lot_number",
        "manipulations",
        "incubation_started_on",
        "passed",
    ),
    ValidationKind.GOWNING: (
        "visual_passed",
        "left_glove_cfu",
        "right_glove_cfu",
        "gown_cfu",
    ),
    ValidationKind.FINGER_DAB: ("left_glove_cfu", "right_glove_cfu"),
}
OPTIONAL_FIELDS = {"notes"}


def result_fields(kind: str) -> tuple[str, ...]:
    """The fields a trainer records for this kind of result."""
    return COMMON_FIELDS[:3] + KIND_FIELDS[kind] + COMMON_FIELDS[3:]


def signed_content(record: ProcessValidation) -> dict[str, Any]:
    """The canonical content a trainer signs when they record a result."""
    content = {
        "validation_id": record.pk,
        "kind": record.kind,
        "operator_id": record.operator_id,
        "passed": record.passed,
        "recorded_by_id": record.recorded_by_id,
        "recorded_at": record.recorded_at,
        "corrects_id": record.corrects_id,
        "correction_reason": record.correction_reason,
    }
    for name in result_fields(record.kind):
        content[name] = getattr(record, name)
    return content


def _passed(kind: str, result: dict[str, Any]) -> bool:
    limit = settings.ACADEMY_GRADE_A_CFU_LIMIT
    if kind == ValidationKind.GOWNING:
        return gowning_passed(
            visual_passed=result["visual_passed"],
            counts=(
                result["left_glove_cfu"],
                result["right_glove_cfu"],
                result["gown_cfu"],
            ),
            limit=limit,
        )
    if kind == ValidationKind.FINGER_DAB:
        return not finger_dab_excursion(
            left_cfu=result["left_glove_cfu"],
            right_cfu=result["right_glove_cfu"],
            limit=limit,
        )
    return result["passed"]


def _clean_result(kind: str, result: dict[str, Any]) -> dict[str, Any]:
    fields = result_fields(kind)
    cleaned = {name: result.get(name) for name in fields}
    errors = {
        name: "Enter this result"
        for name, value in cleaned.items()
        if name not in OPTIONAL_FIELDS and value in (None, "")
    }
    errors.update(
        result_date_errors(
            performed_on=cleaned["performed_on"],
            read_on=cleaned["read_on"],
            incubation_started_on=cleaned.get("incubation_started_on"),
            incubation_days=(
                settings.ACADEMY_BROTH_INCUBATION_DAYS
                if kind == ValidationKind.BROTH_TRANSFER
                else 0
            ),
            today=timezone.localdate(),
        )
    )
    if errors:
        raise ValidationError(errors)
    cleaned["notes"] = cleaned["notes"] or ""
    cleaned["passed"] = _passed(kind, cleaned)
    return cleaned


def _check_correction(
    corrects: ProcessValidation | None, *, operator: User, kind: str, reason: str
) -> None:
    if corrects is None:
        return
    if corrects.operator_id != operator.pk or corrects.kind != kind:
        raise ValidationError("A correction must be of the same operator and kind.")
    if ProcessValidation.objects.filter(corrects=corrects).exists():
        raise ValidationError("This result has already been corrected.")
    if not reason.strip():
        raise ValidationError(
            {"correction_reason": "Give the reason for the correction"}
        )


def record_validation(
    *,
    operator: User,
    kind: str,
    recorded_by: User,
    result: dict[str, Any],
    corrects: ProcessValidation | None = None,
    correction_reason: str = "",
    password: str,
) -> ProcessValidation:
    """Record one result, or a correction of an earlier one, and sign it with the
    trainer's re-entered password (a wrong one is audited and records nothing); then
    suspend or award as the result requires.

    Only a trainer who may assess the operator for the kind's competency records it.
    """
    meaning = (
        SignatureMeaning.CORRECTION if corrects else SignatureMeaning.RESULT_RECORDED
    )
    reauthentication = reauthenticate(
        recorded_by, password=password, record=corrects or operator, meaning=meaning
    )
    return _record_validation(
        operator=operator,
        kind=kind,
        recorded_by=recorded_by,
        result=result,
        corrects=corrects,
        correction_reason=correction_reason,
        meaning=meaning,
        reauthentication=reauthentication,
    )


@transaction.atomic
def _record_validation(
    *,
    operator: User,
    kind: str,
    recorded_by: User,
    result: dict[str, Any],
    corrects: ProcessValidation | None,
    correction_reason: str,
    meaning: str,
    reauthentication: Reauthentication,
) -> ProcessValidation:
    competency = validation_competencies().get(kind)
    if competency is None:
        raise ValidationError(f"The framework has no competency for {kind} results.")
    if not may_record_validations(recorded_by, operator, kind):
        raise PermissionDenied("You may not record this operator's validations.")
    _check_correction(corrects, operator=operator, kind=kind, reason=correction_reason)
    cleaned = _clean_result(kind, result)
    # One operator's results are recorded one at a time, so "before" and "after"
    # below see no other trainer's result in between.
    User.objects.select_for_update().filter(pk=operator.pk).first()
    today = timezone.localdate()
    before = operator_validations(operator, today=today).standings
    record = ProcessValidation.objects.create(
        kind=kind,
        operator=operator,
        recorded_by=recorded_by,
        recorded_at=timezone.now(),
        corrects=corrects,
        correction_reason=correction_reason.strip(),
        **cleaned,
    )
    signature = sign_record(
        record,
        signer=recorded_by,
        meaning=meaning,
        role=SIGNER_ROLE,
        content=signed_content(record),
        reauthentication=reauthentication,
        # The trainer re-entered their password for the operator (or the result
        # corrected): this record did not exist yet.
        reauthenticated_for=corrects or operator,
    )
    record_audit_event(
        "assessments.validation_result_corrected"
        if corrects
        else "assessments.validation_result_recorded",
        actor=recorded_by,
        target=record,
        details={
            "kind": kind,
            "operator_id": operator.pk,
            "passed": record.passed,
            "performed_on": record.performed_on,
            "signature_id": signature.pk,
            "corrects_id": corrects.pk if corrects else None,
        },
    )
    if not record.passed:
        notify(
            recipient=operator,
            kind=Kind.VALIDATION_FAILED,
            title=f"Your {record.get_kind_display().lower()} of "
            f"{record.performed_on:%d %B %Y} did not pass",
            body=f"{recorded_by.full_name} recorded the result. Talk to them about "
            "what happens next.",
            link=reverse("assessments:my_validations"),
            event_key=f"validation_failed:{record.pk}",
        )
    after = operator_validations(operator, today=today).standings
    affected = [kind]
    if kind == ValidationKind.FINGER_DAB:
        affected.append(ValidationKind.BROTH_TRANSFER)
    competencies = validation_competencies()
    for affected_kind in affected:
        _act_on_change(
            record,
            kind=affected_kind,
            competency=competencies.get(affected_kind),
            before=before[affected_kind].status,
            after=after[affected_kind].status,
            signature=signature,
        )
    return record


def _suspension_reason(record: ProcessValidation, kind: str) -> str:
    if record.corrects_id:
        return f"Result corrected: {record.correction_reason}"
    if kind != record.kind:
        return (
            f"Adverse finger-dab trend after the session on "
            f"{record.performed_on:%d %B %Y}."
        )
    return (
        f"Failed {record.get_kind_display().lower()} on {record.performed_on:%d %B %Y}."
    )


def _act_on_change(
    record: ProcessValidation,
    *,
    kind: str,
    competency: Competency | None,
    before: ValidationStatus,
    after: ValidationStatus,
    signature: ElectronicSignature,
) -> None:
    """Suspend what this result stopped being current; award what it made current."""
    if competency is None:
        return
    operator, signer = record.operator, record.recorded_by
    if after.suspended and not before.suspended:
        record_audit_event(
            "assessments.operator_validation_suspended",
            actor=signer,
            target=record,
            details={"kind": kind, "competency": competency.code},
        )
    stopped = before.current and not after.current
    failed = kind == record.kind != ValidationKind.FINGER_DAB and not record.passed
    if stopped or failed or after.suspended:
        competence = Competence.objects.filter(
            holder=operator, competency=competency
        ).first()
        if competence is not None and competence.is_held:
            suspend_competence_automatically(
                competence=competence,
                decided_by=signer,
                signature=signature,
                reason=_suspension_reason(record, kind),
            )
    elif after.current and (
        not before.current or after.valid_until != before.valid_until
    ):
        award_if_requirements_met(
            trainee=operator,
            competency=competency,
            decided_by=signer,
            signature=signature,
        )
