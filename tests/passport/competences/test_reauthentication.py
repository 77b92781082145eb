"""A person suspends or revokes a competence only by signing with their re-entered
password; the Academy's own suspension (after a signed record requires it) asks for
none, and carries the signature that decided it."""

import datetime

import pytest

from academy.models import AuditEvent, ElectronicSignature, SignatureMeaning
from academy.signatures import SignatureRejected, reauthenticate, sign_record
from passport.competences import services
from passport.competences.services import (
    award_competence,
    revoke_competence,
    suspend_competence,
    suspend_competence_automatically,
)
from passport.models import CompetenceEventKind, CompetenceStatus
from tests.conftest import PASSWORD
from tests.factories.academy import CompetencyFactory, UserFactory
from tests.factories.signatures import WRONG_PROOFS, hand_wrong_proof

pytestmark = pytest.mark.django_db

PERSONAL = [
    pytest.param(suspend_competence, CompetenceStatus.SUSPENDED, id="suspend"),
    pytest.param(revoke_competence, CompetenceStatus.REVOKED, id="revoke"),
]


@pytest.fixture
def competence():
    return award_competence(
        holder=UserFactory(),
        competency=CompetencyFactory(),
        achieved_on=datetime.date(2026, 1, 31),
        evidence={},
        awarded_by=None,
    ).competence


def change(service, competence, signer, **password):
    return service(
        competence=competence,
        signed_by=signer,
        role="Training lead",
        reason="Withdrawn after a deviation",
        **password,
    )


@pytest.mark.parametrize(("service", "status"), PERSONAL)
def test_without_the_password_nothing_changes(competence, service, status):
    lead = UserFactory()
    with pytest.raises(TypeError, match="password"):
        change(service, competence, lead)
    for wrong in ("", "guess"):
        with pytest.raises(SignatureRejected, match="not correct"):
            change(service, competence, lead, password=wrong)
    assert AuditEvent.objects.filter(action="academy.signature_rejected").count() == 2
    competence.refresh_from_db()
    assert competence.status == CompetenceStatus.CURRENT
    assert competence.events.count() == 1
    assert not ElectronicSignature.objects.exists()

    event = change(service, competence, lead, password=PASSWORD)
    assert event.status_after == status
    assert event.signature.signer == lead


@pytest.mark.parametrize(("service", "status"), PERSONAL)
@pytest.mark.parametrize("wrong", WRONG_PROOFS)
def test_a_proof_not_made_for_this_decision_is_refused(
    competence, monkeypatch, service, status, wrong
):
    hand_wrong_proof(monkeypatch, services, wrong, stranger=UserFactory())
    with pytest.raises(SignatureRejected):
        change(service, competence, UserFactory(), password=PASSWORD)
    competence.refresh_from_db()
    assert competence.status == CompetenceStatus.CURRENT
    assert not ElectronicSignature.objects.exists()


def _signed_result(signer, record):
    meaning = SignatureMeaning.RESULT_RECORDED
    return sign_record(
        record,
        signer=signer,
        meaning=meaning,
        role="Workplace assessor",
        content={"passed": False},
        reauthentication=reauthenticate(
            signer, password=PASSWORD, record=record, meaning=meaning
        ),
    )


def test_the_academy_suspends_on_the_deciding_signature_without_a_password(
    competence,
):
    trainer = UserFactory()
    deciding = _signed_result(trainer, competence.holder)

    event = suspend_competence_automatically(
        competence=competence,
        decided_by=trainer,
        signature=deciding,
        reason="Failed broth transfer",
    )

    assert event.kind == CompetenceEventKind.SUSPENDED
    assert event.signature == deciding
    assert event.actor == trainer
    assert ElectronicSignature.objects.count() == 1  # no signature nobody made
    audited = AuditEvent.objects.get(action="passport.competence_suspended")
    assert audited.details["automatic"] is True


def test_an_automatic_suspension_needs_the_deciders_own_signature(competence):
    deciding = _signed_result(UserFactory(), competence.holder)
    with pytest.raises(ValueError, match="decider's own"):
        suspend_competence_automatically(
            competence=competence,
            decided_by=UserFactory(),
            signature=deciding,
            reason="Failed broth transfer",
        )
    competence.refresh_from_db()
    assert competence.status == CompetenceStatus.CURRENT
