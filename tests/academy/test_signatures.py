"""Electronic signatures: re-authentication before signing, what a signature binds,
and that signed rows never change."""

import ast
import dataclasses
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from academy.models import AuditEvent, ElectronicSignature, SignatureMeaning, User
from academy.signatures import (
    REAUTHENTICATION_LIFETIME,
    Reauthentication,
    SignatureRejected,
    SigningBlocked,
    reauthenticate,
    sign_record,
    signature_matches,
)
from academy.signing_blocks import clear_signing_block
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

CONTENT = {"outcome": "competent", "criteria": [{"id": 1, "result": "met"}]}
COMPETENT = SignatureMeaning.ASSESSED_COMPETENT


def proof(signer, record, meaning=COMPETENT):
    return reauthenticate(signer, password=PASSWORD, record=record, meaning=meaning)


def sign(signer, record, content=CONTENT, *, reauthentication=None):
    return sign_record(
        record,
        signer=signer,
        meaning=COMPETENT,
        role="Workplace assessor",
        content=content,
        reauthentication=reauthentication or proof(signer, record),
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
        reauthenticate(
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
        reauthenticate(
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


def test_the_database_refuses_to_delete_a_signature(make_user, trainee):
    signature = sign(make_user("Trainer"), trainee)

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ElectronicSignature.objects.filter(pk=signature.pk).delete()


def test_reauthentication_carries_the_signer_record_meaning_and_time(
    make_user, trainee
):
    trainer = make_user("Trainer")

    made = proof(trainer, trainee)

    assert made.signer_id == trainer.pk
    assert (made.record_type, made.record_id) == ("academy.user", str(trainee.pk))
    assert made.meaning == "assessed_competent"
    assert timezone.now() - made.at < timedelta(seconds=5)


def test_only_reauthenticate_makes_a_reauthentication(make_user, trainee):
    trainer = make_user("Trainer")
    with pytest.raises(TypeError, match="Only reauthenticate"):
        Reauthentication(
            signer_id=trainer.pk,
            record_type="academy.user",
            record_id=str(trainee.pk),
            meaning=COMPETENT,
            at=timezone.now(),
        )
    # Nor can a genuine proof be copied onto another record.
    with pytest.raises(TypeError, match="Only reauthenticate"):
        dataclasses.replace(proof(trainer, trainee), record_id="0")
    with pytest.raises(dataclasses.FrozenInstanceError):
        proof(trainer, trainee).record_id = "0"


def test_nothing_is_signed_without_a_reauthentication(make_user, trainee):
    trainer = make_user("Trainer")
    with pytest.raises(TypeError):
        sign_record(
            trainee,
            signer=trainer,
            meaning=COMPETENT,
            role="Workplace assessor",
            content=CONTENT,
        )
    for missing in (None, object()):
        with pytest.raises(SignatureRejected):
            sign_record(
                trainee,
                signer=trainer,
                meaning=COMPETENT,
                role="Workplace assessor",
                content=CONTENT,
                reauthentication=missing,
            )
    assert not ElectronicSignature.objects.exists()


def test_a_reauthentication_signs_only_what_it_was_made_for(make_user, trainee):
    trainer, other = make_user("Trainer"), make_user("Trainer")
    another_record = make_user("Trainee")

    for made in (
        proof(other, trainee),  # another signer
        proof(trainer, another_record),  # another record
        proof(trainer, trainee, SignatureMeaning.COUNTERSIGNED),  # another meaning
    ):
        with pytest.raises(SignatureRejected, match="another signature"):
            sign(trainer, trainee, reauthentication=made)

    assert not ElectronicSignature.objects.exists()
    assert sign(trainer, trainee, reauthentication=proof(trainer, trainee))


def test_a_stale_reauthentication_is_refused(make_user, trainee, monkeypatch):
    trainer = make_user("Trainer")
    made = proof(trainer, trainee)
    later = made.at + REAUTHENTICATION_LIFETIME + timedelta(seconds=1)
    monkeypatch.setattr("academy.signatures.timezone.now", lambda: later)

    with pytest.raises(SignatureRejected, match="enter it again"):
        sign(trainer, trainee, reauthentication=made)

    assert not ElectronicSignature.objects.exists()


def test_a_record_signed_into_being_names_what_was_reauthenticated_for(
    make_user, trainee
):
    trainer = make_user("Trainer")
    made = proof(trainer, trainee)
    new_record = make_user("Trainee")

    with pytest.raises(SignatureRejected):
        sign(trainer, new_record, reauthentication=made)
    signature = sign_record(
        new_record,
        signer=trainer,
        meaning=COMPETENT,
        role="Workplace assessor",
        content=CONTENT,
        reauthentication=made,
        reauthenticated_for=trainee,
    )
    assert signature.record_id == str(new_record.pk)


def test_an_inactive_signer_cannot_reauthenticate(make_user, trainee):
    trainer = make_user("Trainer", is_active=False)
    with pytest.raises(SignatureRejected):
        proof(trainer, trainee)


ROOT = Path(__file__).resolve().parents[2]
SIGNING_NAMES = {"reauthenticate", "sign_record", "Reauthentication"}


def _source_modules():
    for path in sorted(ROOT.glob("*/**/*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in {".venv", "tests", "node_modules"}:
            continue
        if "migrations" in relative.parts:
            continue
        yield relative, ast.parse(path.read_text(encoding="utf-8"))


def test_no_page_admin_view_or_form_signs_or_checks_the_password_itself():
    """Views pass the password to the service that signs; only services re-authenticate."""
    offenders = []
    for relative, tree in _source_modules():
        if relative.name not in {"views.py", "viewsets.py", "forms.py"} and (
            "views" not in relative.parts
        ):
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ImportFrom)
                and {alias.name for alias in node.names} & SIGNING_NAMES
            ):
                offenders.append(str(relative))
    assert offenders == []


def test_only_the_signatures_module_creates_signatures():
    """Every signature goes through `sign_record`, which demands the re-authentication."""
    creators = set()
    for relative, tree in _source_modules():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"create", "bulk_create", "get_or_create"}
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr == "objects"
                and isinstance(node.func.value.value, ast.Name)
                and node.func.value.value.id == "ElectronicSignature"
            ):
                creators.add(str(relative))
    assert creators == {"academy/signatures.py"}


# Guessing the signing password: five wrong in fifteen minutes block the account.


def guess(signer, record, times=1):
    """Enter a wrong signing password `times` times; the last refusal is returned."""
    for _ in range(times):
        with pytest.raises(SignatureRejected) as refused:
            reauthenticate(
                signer, password="wrong-guess", record=record, meaning=COMPETENT
            )
    return refused.value


@pytest.fixture
def guessed(make_user, trainee):
    """A trainer of an organisation with a training lead, and an administrator."""
    from trainers.models import TrainingLeadRole

    trainer = make_user("Trainer", full_name="Grace Lee")
    lead = make_user(full_name="Lena Lead", organisation=trainer.organisation)
    TrainingLeadRole.objects.create(
        person=lead, organisation=trainer.organisation, starts_on=timezone.localdate()
    )
    admin = make_user(full_name="Ada Admin", is_superuser=True)
    return trainer, lead, admin, trainee


def test_four_wrong_passwords_do_not_block_and_the_right_one_signs(guessed):
    trainer, _, _, trainee = guessed
    refused = guess(trainer, trainee, times=4)
    assert not isinstance(refused, SigningBlocked)
    assert sign(trainer, trainee).signer == trainer


def test_the_fifth_wrong_password_in_fifteen_minutes_blocks_signing(
    guessed, mailoutbox, django_capture_on_commit_callbacks
):
    trainer, lead, admin, trainee = guessed
    guess(trainer, trainee, times=4)

    with django_capture_on_commit_callbacks(execute=True):
        refused = guess(trainer, trainee)

    assert isinstance(refused, SigningBlocked)
    assert refused.signed_out
    trainer.refresh_from_db()
    assert trainer.signing_blocked_until > timezone.now() + timedelta(minutes=14)
    event = AuditEvent.objects.get(action="academy.signing_blocked")
    assert event.actor == trainer
    assert event.details["rejections"] == 5
    # The right password is refused too, with a clear reason, and nothing is signed.
    with pytest.raises(SigningBlocked, match="Signing is blocked for your account"):
        proof(trainer, trainee)
    assert not ElectronicSignature.objects.exists()
    # The training lead and the administrators are told, in plain words, no secrets.
    (mail,) = mailoutbox
    assert sorted(mail.to) == sorted([lead.email, admin.email])
    assert "Grace Lee" in mail.body
    assert trainer.organisation.name in mail.body
    assert "wrong-guess" not in mail.body
    assert PASSWORD not in mail.body


def test_wrong_passwords_older_than_fifteen_minutes_do_not_count(guessed):
    trainer, _, _, trainee = guessed
    guess(trainer, trainee, times=4)
    later = timezone.now() + timedelta(minutes=16)
    with mock.patch("academy.signing_blocks.timezone.now", return_value=later):
        refused = guess(trainer, trainee)
    assert not isinstance(refused, SigningBlocked)
    trainer.refresh_from_db()
    assert trainer.signing_blocked_until is None


def test_a_block_ends_by_itself_and_earlier_guesses_then_count_no_more(guessed):
    trainer, _, _, trainee = guessed
    guess(trainer, trainee, times=5)
    # The block's fifteen minutes have passed.
    User.objects.filter(pk=trainer.pk).update(signing_blocked_until=timezone.now())
    trainer.refresh_from_db()

    assert not isinstance(guess(trainer, trainee), SigningBlocked)
    assert sign(trainer, trainee).signer == trainer


def test_an_administrator_clears_a_block(guessed):
    trainer, _, admin, trainee = guessed
    guess(trainer, trainee, times=5)
    trainer.refresh_from_db()

    clear_signing_block(trainer, cleared_by=admin)

    assert AuditEvent.objects.get(action="academy.signing_block_cleared").actor == admin
    trainer.refresh_from_db()
    assert not isinstance(guess(trainer, trainee), SigningBlocked)
    assert sign(trainer, trainee).signer == trainer


def test_a_block_ends_every_session_of_the_account(guessed, client):
    trainer, _, _, trainee = guessed
    client.force_login(trainer)
    other = Client()
    other.force_login(trainer)
    assert client.get("/").wsgi_request.user == trainer

    guess(trainer, trainee, times=5)

    assert not client.get("/").wsgi_request.user.is_authenticated
    assert not other.get("/").wsgi_request.user.is_authenticated


def test_administrators_see_blocked_signers_and_clear_a_block_in_the_admin(
    guessed, client
):
    trainer, lead, admin, trainee = guessed
    guess(trainer, trainee, times=5)
    listing = reverse("academy_blocked_signers")
    clear = reverse("academy_clear_signing_block", args=[trainer.pk])

    client.force_login(lead)
    assert client.get(listing).status_code != 200
    client.post(clear)
    trainer.refresh_from_db()
    assert trainer.signing_blocked_until > timezone.now()

    client.force_login(admin)
    page = client.get(listing)
    assert page.status_code == 200
    assert "Grace Lee" in page.content.decode()
    assert client.post(clear).status_code == 302
    trainer.refresh_from_db()
    assert trainer.signing_blocked_until <= timezone.now()
    assert (
        "No account\N{RIGHT SINGLE QUOTATION MARK}s signing is blocked"
        in client.get(listing).content.decode()
    )
    assert sign(trainer, trainee).signer == trainer
