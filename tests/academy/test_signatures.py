import pytest
from django.db import DatabaseError, connection, transaction

from academy.models import AuditEvent, ElectronicSignature, SignatureMeaning
from academy.services import (
    SignatureRejected,
    confirm_signer,
    sign_record,
    signature_matches,
)
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

CONTENT = {"outcome": "competent", "criteria": [{"id": 1, "result": "met"}]}


def sign(signer, record, content=CONTENT):
    confirm_signer(
        signer,
        password=PASSWORD,
        record=record,
        meaning=SignatureMeaning.ASSESSED_COMPETENT,
    )
    return sign_record(
        record,
        signer=signer,
        meaning=SignatureMeaning.ASSESSED_COMPETENT,
        role="Workplace assessor",
        content=content,
    )


def test_a_signature_records_who_as_what_when_and_the_content_hash(make_user, trainee):
    trainer = make_user("Trainer", full_name="Grace Lee")

    signature = sign(trainer, trainee)

    assert signature.printed_name == "Grace Lee"
    assert signature.role == "Workplace assessor"
    assert signature.organisation_name == trainer.organisation.name
    assert signature.get_meaning_display() == "Assessed as competent"
    assert signature.record_type == "academy.user"
    assert len(signature.content_hash) == 64
    assert signature_matches(signature, content=CONTENT)
    assert AuditEvent.objects.filter(
        action="academy.record_signed", actor=trainer
    ).exists()


def test_a_wrong_password_signs_nothing_and_is_audited(make_user, trainee):
    trainer = make_user("Trainer")

    with pytest.raises(SignatureRejected, match="not correct"):
        confirm_signer(
            trainer,
            password="guess",
            record=trainee,
            meaning=SignatureMeaning.COUNTERSIGNED,
        )

    assert not ElectronicSignature.objects.exists()
    rejected = AuditEvent.objects.get(action="academy.signature_rejected")
    assert rejected.actor == trainer
    assert rejected.details["meaning"] == "countersigned"


def test_an_empty_password_is_rejected(make_user, trainee):
    with pytest.raises(SignatureRejected):
        confirm_signer(
            make_user("Trainer"), password="", record=trainee, meaning="countersigned"
        )


def test_changed_content_no_longer_matches_the_signature(make_user, trainee):
    signature = sign(make_user("Trainer"), trainee)

    altered = {**CONTENT, "outcome": "not_yet_competent"}

    assert not signature_matches(signature, content=altered)


def test_a_signature_with_an_altered_meaning_no_longer_matches(make_user, trainee):
    signature = sign(make_user("Trainer"), trainee)
    signature.meaning = SignatureMeaning.ASSESSED_NOT_YET_COMPETENT  # in memory only

    assert not signature_matches(signature, content=CONTENT)


def test_the_database_refuses_to_update_a_signature(make_user, trainee):
    signature = sign(make_user("Trainer"), trainee)

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ElectronicSignature.objects.filter(pk=signature.pk).update(printed_name="Other")


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the DELETE trigger is PostgreSQL's"
)
def test_postgresql_refuses_to_delete_a_signature(make_user, trainee):
    signature = sign(make_user("Trainer"), trainee)

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ElectronicSignature.objects.filter(pk=signature.pk).delete()
