"""Workplace signatures need the signer's re-entered password: sign-off, the signing of
a correction, and countersigning refuse without it, whoever calls them."""

import pytest

from academy.models import AuditEvent, ElectronicSignature
from academy.signatures import SignatureRejected
from assessments.models import AssessmentStatus, Outcome, WorkplaceAssessment
from assessments.workplace.services import countersign as countersigning
from assessments.workplace.services import sign_off as signing_off
from assessments.workplace.services.correction import start_correction
from assessments.workplace.services.countersign import countersign_assessment
from assessments.workplace.services.sign_off import sign_off_assessment
from passport.models import Competence, CompetenceStatus
from tests.assessments.workplace.test_services import all_met, requested, sign
from tests.conftest import PASSWORD
from tests.factories.academy import UserFactory
from tests.factories.signatures import WRONG_PROOFS, hand_wrong_proof
from tests.factories.trainers import AccreditationFactory


def sign_off(assessment, assessor, **password):
    return sign_off_assessment(
        assessment=assessment,
        assessor=assessor,
        results=all_met(assessment),
        outcome=Outcome.COMPETENT,
        action_plan="",
        **password,
    )


@pytest.fixture
def awaiting_countersignature(workplace, make_user):
    type(workplace.template).objects.filter(pk=workplace.template.pk).update(
        countersign_required=True
    )
    signed = sign(requested(workplace), workplace.trainer)
    second = make_user("Trainer", organisation=workplace.organisation)
    AccreditationFactory(person=second, areas=[workplace.competency.area])
    return signed, second


def rejections() -> int:
    return AuditEvent.objects.filter(action="academy.signature_rejected").count()


def test_sign_off_without_a_password_signs_nothing(workplace):
    assessment = requested(workplace)
    with pytest.raises(TypeError, match="password"):
        sign_off(assessment, workplace.trainer)
    for wrong in ("", "guess"):
        with pytest.raises(SignatureRejected, match="not correct"):
            sign_off(assessment, workplace.trainer, password=wrong)
    assert rejections() == 2
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.REQUESTED
    assert not ElectronicSignature.objects.exists()
    assert not Competence.objects.exists()


def test_sign_off_with_another_persons_password_is_rejected(workplace):
    workplace.trainer.set_password("the assessor's own")
    workplace.trainer.save()
    assessment = requested(workplace)
    with pytest.raises(SignatureRejected):
        sign_off(assessment, workplace.trainer, password=PASSWORD)
    assert not ElectronicSignature.objects.exists()
    signed = sign_off(assessment, workplace.trainer, password="the assessor's own")
    assert signed.is_signed


@pytest.mark.parametrize("wrong", WRONG_PROOFS)
def test_sign_off_refuses_a_proof_not_made_for_it(workplace, monkeypatch, wrong):
    assessment = requested(workplace)
    hand_wrong_proof(monkeypatch, signing_off, wrong, stranger=UserFactory())
    with pytest.raises(SignatureRejected):
        sign_off(assessment, workplace.trainer, password=PASSWORD)
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.REQUESTED
    assert not assessment.criteria.exclude(result="").exists()
    assert not ElectronicSignature.objects.exists()


def test_a_correction_is_signed_only_with_the_password(workplace):
    original = sign(requested(workplace), workplace.trainer)
    correction = start_correction(
        original=original, assessor=workplace.trainer, reason="Aseptic breach missed."
    )
    assert not correction.is_signed  # starting a correction signs nothing
    with pytest.raises(SignatureRejected):
        sign_off_assessment(
            assessment=correction,
            assessor=workplace.trainer,
            results=all_met(correction),
            outcome=Outcome.NOT_YET_COMPETENT,
            action_plan="Repeat.",
            password="guess",
        )
    assert WorkplaceAssessment.objects.get(pk=correction.pk).signature is None
    held = Competence.objects.get(holder=workplace.trainee)
    assert held.status == CompetenceStatus.CURRENT

    sign(correction, workplace.trainer, Outcome.NOT_YET_COMPETENT, "Repeat.")
    held.refresh_from_db()
    assert held.status == CompetenceStatus.SUSPENDED


def test_countersigning_needs_the_countersigners_password(awaiting_countersignature):
    signed, second = awaiting_countersignature
    with pytest.raises(TypeError, match="password"):
        countersign_assessment(assessment=signed, countersigner=second)
    with pytest.raises(SignatureRejected):
        countersign_assessment(assessment=signed, countersigner=second, password="x")
    assert rejections() == 1
    signed.refresh_from_db()
    assert signed.status == AssessmentStatus.AWAITING_COUNTERSIGN
    assert signed.countersignature is None

    done = countersign_assessment(
        assessment=signed, countersigner=second, password=PASSWORD
    )
    assert done.countersignature.signer == second


@pytest.mark.parametrize("wrong", WRONG_PROOFS)
def test_countersigning_refuses_a_proof_not_made_for_it(
    awaiting_countersignature, monkeypatch, wrong
):
    signed, second = awaiting_countersignature
    hand_wrong_proof(monkeypatch, countersigning, wrong, stranger=UserFactory())
    with pytest.raises(SignatureRejected):
        countersign_assessment(
            assessment=signed, countersigner=second, password=PASSWORD
        )
    signed.refresh_from_db()
    assert signed.status == AssessmentStatus.AWAITING_COUNTERSIGN
    assert ElectronicSignature.objects.count() == 1
