"""A validation result, or its correction, is recorded only when the trainer signs
it with their re-entered password; the suspension that a failed result brings is the
Academy's own, on that signature, and asks for no second password."""

import pytest

from academy.models import AuditEvent, ElectronicSignature, SignatureMeaning
from academy.signatures import SignatureRejected
from assessments.models import ProcessValidation, ValidationKind
from assessments.validations import services
from assessments.validations.services import record_validation
from passport.models import Competence, CompetenceEventKind, CompetenceStatus
from tests.conftest import PASSWORD
from tests.factories.academy import UserFactory
from tests.factories.signatures import WRONG_PROOFS, hand_wrong_proof
from tests.factories.validations import broth

BROTH = ValidationKind.BROTH_TRANSFER


def record(n, result, **kwargs):
    return record_validation(
        operator=n.trainee, kind=BROTH, recorded_by=n.trainer, result=result, **kwargs
    )


def test_a_result_without_the_password_records_nothing(validators):
    n = validators
    with pytest.raises(TypeError, match="password"):
        record(n, broth(30))
    for wrong in ("", "guess"):
        with pytest.raises(SignatureRejected, match="not correct"):
            record(n, broth(30), password=wrong)
    rejected = AuditEvent.objects.filter(action="academy.signature_rejected")
    assert rejected.count() == 2
    assert rejected.first().object_id == str(n.trainee.pk)
    assert not ProcessValidation.objects.exists()
    assert not ElectronicSignature.objects.exists()


@pytest.mark.parametrize("wrong", WRONG_PROOFS)
def test_a_result_refuses_a_proof_not_made_for_it(validators, monkeypatch, wrong):
    hand_wrong_proof(monkeypatch, services, wrong, stranger=UserFactory())
    with pytest.raises(SignatureRejected):
        record(validators, broth(30), password=PASSWORD)
    assert not ProcessValidation.objects.exists()
    assert not ElectronicSignature.objects.exists()


def test_a_correction_needs_the_password_too(validators):
    n = validators
    first = record(n, broth(30), password=PASSWORD)
    with pytest.raises(SignatureRejected):
        record(
            n,
            broth(30, passed=False),
            corrects=first,
            correction_reason="Read the wrong unit.",
            password="guess",
        )
    rejected = AuditEvent.objects.get(action="academy.signature_rejected")
    assert rejected.object_id == str(first.pk)
    assert rejected.details["meaning"] == SignatureMeaning.CORRECTION
    assert ProcessValidation.objects.count() == 1

    fixed = record(
        n,
        broth(30, passed=False),
        corrects=first,
        correction_reason="Read the wrong unit.",
        password=PASSWORD,
    )
    assert fixed.corrects == first


def test_a_failed_result_suspends_automatically_on_its_own_signature(validators):
    n = validators
    for days in (160, 130, 100):
        record(n, broth(days), password=PASSWORD)
    failed = record(n, broth(60, passed=False), password=PASSWORD)

    held = Competence.objects.get(holder=n.trainee)
    assert held.status == CompetenceStatus.SUSPENDED
    suspension = held.events.get(kind=CompetenceEventKind.SUSPENDED)
    result_signature = ElectronicSignature.objects.get(record_id=str(failed.pk))
    assert suspension.signature == result_signature
    assert suspension.actor == n.trainer
    # The trainer signed once, for the result: the suspension is not a second
    # signature they never saw.
    assert not ElectronicSignature.objects.filter(
        meaning=SignatureMeaning.COMPETENCE_SUSPENDED
    ).exists()
    audited = AuditEvent.objects.get(action="passport.competence_suspended")
    assert audited.details["automatic"] is True
    assert audited.details["signature_id"] == result_signature.pk
