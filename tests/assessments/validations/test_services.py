"""Recording process validation results: signed records that suspend and award."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from academy.models import AuditEvent, ElectronicSignature, SignatureMeaning
from academy.signatures import signature_matches
from assessments.models import ProcessValidation, ValidationKind
from assessments.validations.queries import operator_validations, validation_evidence
from assessments.validations.services import record_validation, signed_content
from passport.models import Competence, CompetenceEventKind, CompetenceStatus
from tests.conftest import PASSWORD
from tests.factories.validations import (
    ago,
    broth,
    finger_dab,
    gowning,
)

BROTH = ValidationKind.BROTH_TRANSFER


def record(n, kind, result, **kwargs) -> ProcessValidation:
    return record_validation(
        operator=n.trainee,
        kind=kind,
        recorded_by=n.trainer,
        result=result,
        password=PASSWORD,
        **kwargs,
    )


def competence(n, kind) -> Competence | None:
    return Competence.objects.filter(
        holder=n.trainee, competency=n.competencies[kind]
    ).first()


def standing(n, kind):
    return operator_validations(n.trainee, today=timezone.localdate()).standings[kind]


def test_third_consecutive_initial_pass_awards_asp08_signed_by_the_recorder(
    validators,
):
    n = validators
    record(n, BROTH, broth(100))
    record(n, BROTH, broth(70))
    assert competence(n, BROTH) is None
    assert standing(n, BROTH).status.passes_needed == 1
    third = record(n, BROTH, broth(40))
    held = competence(n, BROTH)
    assert held.status == CompetenceStatus.CURRENT
    assert held.achieved_on == ago(40)
    assert held.evidence["process_validation"]["validation_ids"] == list(
        ProcessValidation.objects.order_by("performed_on").values_list("pk", flat=True)
    )
    event = held.events.get()
    assert event.kind == CompetenceEventKind.AWARDED
    assert event.actor == n.trainer
    assert event.signature.record_id == str(third.pk)
    assert event.signature.meaning == SignatureMeaning.RESULT_RECORDED


def test_each_result_is_signed_audited_and_stores_reader_and_server_time(validators):
    n = validators
    result = record(n, BROTH, broth(30))
    assert result.read_by == "Jo Wright"
    assert result.recorded_by == n.trainer
    assert result.recorded_at.tzinfo is not None
    signature = ElectronicSignature.objects.get(
        record_type="assessments.processvalidation", record_id=str(result.pk)
    )
    assert signature.printed_name == n.trainer.full_name
    assert signature_matches(signature, content=signed_content(result))
    audit = AuditEvent.objects.get(action="assessments.validation_result_recorded")
    assert audit.object_id == str(result.pk)
    assert audit.details["signature_id"] == signature.pk


def test_a_result_cannot_be_edited(validators):
    result = record(validators, BROTH, broth(30))
    result.passed = False
    with pytest.raises(DatabaseError), transaction.atomic():
        result.save()


def test_failure_suspends_validation_and_competence_and_a_new_pass_renews(
    validators,
):
    n = validators
    for days in (160, 130, 100):
        record(n, BROTH, broth(days))
    record(n, BROTH, broth(60, passed=False))
    held = competence(n, BROTH)
    assert held.status == CompetenceStatus.SUSPENDED
    suspension = held.events.get(kind=CompetenceEventKind.SUSPENDED)
    assert suspension.actor == n.trainer
    assert "Failed broth transfer" in suspension.reason
    assert standing(n, BROTH).status.suspended
    assert (
        AuditEvent.objects.filter(
            action="assessments.operator_validation_suspended"
        ).count()
        == 1
    )
    assert (
        validation_evidence(
            trainee=n.trainee, competency=n.competencies[BROTH], today=ago(0)
        )
        is None
    )

    record(n, BROTH, broth(30))
    held.refresh_from_db()
    assert held.status == CompetenceStatus.CURRENT
    assert held.events.last().kind == CompetenceEventKind.RENEWED
    assert held.achieved_on == ago(30)


def test_failed_gowning_plate_suspends_asp02(validators):
    n = validators
    record(n, ValidationKind.GOWNING, gowning(60))
    assert competence(n, ValidationKind.GOWNING).status == CompetenceStatus.CURRENT
    failed = record(n, ValidationKind.GOWNING, gowning(20, glove=1))
    assert failed.passed is False
    assert competence(n, ValidationKind.GOWNING).status == CompetenceStatus.SUSPENDED


def test_adverse_finger_dab_trend_suspends_broth_transfer_and_asp08(validators):
    n = validators
    for days in (160, 130, 100):
        record(n, BROTH, broth(days))
    dab = ValidationKind.FINGER_DAB
    record(n, dab, finger_dab(50, left=2))
    assert competence(n, BROTH).status == CompetenceStatus.CURRENT
    assert standing(n, dab).tag == ("green", "No adverse trend")
    record(n, dab, finger_dab(40))
    record(n, dab, finger_dab(30, left=3))
    held = competence(n, BROTH)
    assert held.status == CompetenceStatus.SUSPENDED
    assert "finger-dab trend" in held.events.last().reason
    assert standing(n, BROTH).status.suspended
    assert standing(n, dab).tag == ("red", "Adverse trend")
    # ASP-09 also needs its knowledge assessment, so finger dabs alone award nothing.
    assert competence(n, dab) is None


def test_unsupervised_work_needs_gowning_and_broth_transfer(validators):
    n = validators
    for days in (160, 130, 100):
        record(n, BROTH, broth(days))
    today = timezone.localdate()
    assert not operator_validations(n.trainee, today=today).unsupervised.allowed
    record(n, ValidationKind.GOWNING, gowning(30))
    assert operator_validations(n.trainee, today=today).unsupervised.allowed


def test_correction_is_a_new_record_and_the_corrected_one_stops_counting(
    validators,
):
    n = validators
    for days in (160, 130, 100):
        record(n, BROTH, broth(days))
    wrong = record(n, BROTH, broth(60, passed=False))
    assert competence(n, BROTH).status == CompetenceStatus.SUSPENDED
    with pytest.raises(ValidationError):
        record(n, BROTH, broth(60), corrects=wrong, correction_reason=" ")
    fixed = record(
        n, BROTH, broth(60), corrects=wrong, correction_reason="Wrong unit read."
    )
    assert ProcessValidation.objects.count() == 5
    wrong.refresh_from_db()
    assert wrong.passed is False
    assert fixed.corrects == wrong
    assert not standing(n, BROTH).status.suspended
    assert competence(n, BROTH).status == CompetenceStatus.CURRENT
    assert AuditEvent.objects.filter(
        action="assessments.validation_result_corrected"
    ).exists()
    signature = ElectronicSignature.objects.get(record_id=str(fixed.pk))
    assert signature.meaning == SignatureMeaning.CORRECTION
    with pytest.raises(ValidationError, match="already been corrected"):
        record(n, BROTH, broth(60), corrects=wrong, correction_reason="Again.")


def test_correction_must_be_of_the_same_kind(validators):
    n = validators
    wrong = record(n, BROTH, broth(60))
    with pytest.raises(ValidationError, match="same operator and kind"):
        record(
            n,
            ValidationKind.GOWNING,
            gowning(60),
            corrects=wrong,
            correction_reason="Mixed up.",
        )


# Made when each test runs, not at collection, so a run crossing midnight still
# posts a future date.
@pytest.mark.parametrize(
    "make_change",
    [
        lambda: {"performed_on": ago(-1)},
        lambda: {"read_on": ago(31)},
        lambda: {"read_on": ago(25)},
        lambda: {"kit": ""},
        lambda: {"passed": None},
        lambda: {"read_by": ""},
    ],
)
def test_bad_input_stores_nothing(validators, make_change):
    with pytest.raises(ValidationError):
        record(validators, BROTH, {**broth(30), **make_change()})
    assert not ProcessValidation.objects.exists()
    assert not ElectronicSignature.objects.exists()


def test_only_a_trainer_who_may_assess_records(validators):
    n = validators
    for outsider in (n.neighbour_trainer, n.lead, n.trainee):
        with pytest.raises(PermissionDenied):
            record_validation(
                operator=n.trainee,
                kind=BROTH,
                recorded_by=outsider,
                result=broth(30),
                password=PASSWORD,
            )
    assert not ProcessValidation.objects.exists()


def test_validation_evidence_names_the_passes_of_the_current_run(validators):
    n = validators
    record(n, BROTH, broth(200, passed=False))
    passes = [record(n, BROTH, broth(days)) for days in (160, 130, 100)]
    evidence = validation_evidence(
        trainee=n.trainee, competency=n.competencies[BROTH], today=ago(0)
    )
    assert evidence["kind"] == BROTH
    assert evidence["validation_ids"] == [p.pk for p in passes]
    assert evidence["achieved_on"] == ago(100).isoformat()
    assert (
        validation_evidence(trainee=n.trainee, competency=n.competency, today=ago(0))
        is None
    )
