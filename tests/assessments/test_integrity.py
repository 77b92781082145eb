"""The nightly re-verification of signed records: a record or signature changed in
the database behind the application's back becomes a finding, e-mailed to the
administrators, and the competence it supports reads "under review" until an
administrator resolves it. Nothing is suspended."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from academy.models import AuditEvent, ElectronicSignature, SignatureMeaning
from academy.services import json_safe
from academy.signatures import reauthenticate, sign_record, signature_matches
from academy.signing import content_hash, signature_hash
from assessments.integrity.checks import signature_problem
from assessments.integrity.scan import OTHER, verify_signed_records
from assessments.models import ProcessValidation, ValidationKind
from assessments.tasks import verify_signed_records_task
from assessments.validations.services import record_validation
from assessments.workplace.evidence import add_evidence
from assessments.workplace.services.content import signed_content
from assessments.workplace.services.request import (
    request_sign_off,
    start_workplace_assessment,
)
from assessments.workplace.services.sign_off import sign_off_assessment
from passport.competences.services import suspend_competence
from passport.findings.services import resolve_signature_finding
from passport.models import (
    Competence,
    CompetenceEvent,
    CompetenceEventKind,
    CompetenceStatus,
    SignatureFinding,
    SignatureProblem,
)
from tests.conftest import PASSWORD
from tests.factories.validations import broth
from tests.factories.workplace import pdf_upload

pytestmark = pytest.mark.django_db

BROTH = ValidationKind.BROTH_TRANSFER


def tamper(table: str, sql: str, params: list) -> None:
    """Change a stored row behind the application's back, as an attacker with rights
    on the table would: past the append-only triggers."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A superuser session can switch triggers off; the application role cannot.
            cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute(sql, params)
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")
            return
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name = %s",
            [table],
        )
        triggers = cursor.fetchall()
        for name, _ in triggers:
            cursor.execute(f'DROP TRIGGER "{name}"')
        cursor.execute(sql, params)
        for _, create in triggers:
            cursor.execute(create)


def record(n, kind, result) -> ProcessValidation:
    return record_validation(
        operator=n.trainee,
        kind=kind,
        recorded_by=n.trainer,
        result=result,
        password=PASSWORD,
    )


def signed_off(w):
    """A workplace assessment signed competent by its assessor: the competence is
    awarded with its certificate."""
    assessment = start_workplace_assessment(trainee=w.trainee, competency=w.competency)
    add_evidence(assessment=assessment, uploaded_by=w.trainee, upload=pdf_upload())
    request_sign_off(
        assessment=assessment, assessor=w.trainer, reflection="I did it carefully."
    )
    return sign_off_assessment(
        assessment=assessment,
        assessor=w.trainer,
        results={c.position: ("met", "Seen.") for c in assessment.criteria.all()},
        outcome="competent",
        action_plan="",
        password=PASSWORD,
    )


@pytest.fixture
def admin(make_user):
    return make_user(is_superuser=True, is_staff=True, email="admin@academy.example")


@pytest.fixture
def signed(workplace, admin):
    assessment = signed_off(workplace)
    competence = Competence.objects.get(
        holder=workplace.trainee, competency=workplace.competency
    )
    mail.outbox.clear()
    return assessment, competence


def verification_page(client, competence) -> str:
    certificate = competence.events.get(kind=CompetenceEventKind.AWARDED).certificate
    return client.get(
        reverse("verify_certificate", args=[certificate.verification_code])
    ).content.decode()


def test_untouched_signatures_of_every_kind_verify(validators, workplace, admin):
    signed_off(workplace)
    for days in (160, 130, 100):
        record(validators, BROTH, broth(days))
    held = Competence.objects.get(holder=workplace.trainee)
    suspend_competence(
        competence=held,
        signed_by=admin,
        role="Administrator",
        reason="Evidence in doubt.",
        password=PASSWORD,
    )

    report = verify_signed_records()

    assert report.ok
    assert report.mismatches == []
    assert report.checked == {
        "workplace assessments": 1,
        "process validation results": 3,
        "suspensions and revocations": 1,
    }
    assert not SignatureFinding.objects.exists()


def test_a_workplace_record_edited_in_the_database_is_found_and_put_under_review(
    client, signed, admin, django_capture_on_commit_callbacks
):
    assessment, competence = signed
    assert "Valid" in verification_page(client, competence)
    assessment.criteria.filter(position=1).update(
        result="not_met", comment="Edited in the database"
    )

    with django_capture_on_commit_callbacks(execute=True):
        report = verify_signed_records()

    (finding,) = SignatureFinding.objects.all()
    assert finding.problem == SignatureProblem.CONTENT_CHANGED
    assert finding.signature_id == assessment.signature_id
    assert finding.record_type.model_class() is type(assessment)
    assert finding.record_id == str(assessment.pk)
    assert str(assessment.pk) in finding.record_description
    assert list(finding.competences.all()) == [competence]
    assert finding.is_open
    assert not report.ok
    assert report.findings.new == [finding]
    # Nothing is suspended: the status and the history are as they were.
    competence.refresh_from_db()
    assert competence.status == CompetenceStatus.CURRENT
    assert competence.under_review
    assert not competence.is_valid
    assert competence.is_held
    assert list(competence.events.values_list("kind", flat=True)) == ["awarded"]
    # The administrators are told once, by e-mail, and the audit trail records it.
    (message,) = mail.outbox
    assert message.to == [admin.email]
    assert finding.record_description in message.body
    assert competence.competency.code in message.body
    assert "/admin/signature_findings/" in message.body
    assert AuditEvent.objects.filter(
        action="passport.signature_mismatch_detected", object_id=str(finding.pk)
    ).exists()
    # The public check says "under review", with a warning, and no longer "Valid".
    page = verification_page(client, competence)
    assert 'nhsuk-tag--purple">Under review<' in page
    assert "nhsuk-warning-callout" in page
    assert ">Valid<" not in page


def test_running_the_check_again_adds_no_finding_and_sends_no_mail(
    signed, django_capture_on_commit_callbacks
):
    assessment, _ = signed
    assessment.criteria.filter(position=2).update(comment="Edited")
    with django_capture_on_commit_callbacks(execute=True):
        verify_signed_records()
    assert len(mail.outbox) == 1
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        again = verify_signed_records()

    assert SignatureFinding.objects.count() == 1
    assert again.findings.new == []
    assert [f.pk for f in again.findings.still_open] == [
        SignatureFinding.objects.get().pk
    ]
    assert mail.outbox == []
    assert (
        AuditEvent.objects.filter(action="passport.signature_mismatch_detected").count()
        == 1
    )


def test_resolving_lifts_the_review_and_the_same_state_is_not_reopened(
    client, signed, admin
):
    assessment, competence = signed
    assessment.criteria.filter(position=1).update(comment="Edited")
    verify_signed_records()
    finding = SignatureFinding.objects.get()

    resolve_signature_finding(
        finding=finding,
        resolved_by=admin,
        reason="Comment typo fixed by the supplier's support desk; see ticket 42.",
    )

    competence.refresh_from_db()
    assert not competence.under_review
    assert 'nhsuk-tag--green">Valid<' in verification_page(client, competence)
    resolution = AuditEvent.objects.get(action="passport.signature_finding_resolved")
    assert resolution.actor == admin
    assert "ticket 42" in resolution.details["reason"]
    # The state the administrator accepted is not reported again...
    again = verify_signed_records()
    assert again.ok
    assert [f.pk for f in again.findings.accepted] == [finding.pk]
    assert SignatureFinding.objects.count() == 1
    # ...but a further change is.
    assessment.criteria.filter(position=1).update(comment="Edited again")
    verify_signed_records()
    assert SignatureFinding.objects.filter(resolved_at__isnull=True).count() == 1
    competence.refresh_from_db()
    assert competence.under_review


def test_a_validation_result_edited_past_its_append_only_trigger_is_found(
    validators, admin
):
    n = validators
    results = [record(n, BROTH, broth(days)) for days in (160, 130, 100)]
    held = Competence.objects.get(holder=n.trainee, competency=n.competencies[BROTH])
    tamper(
        "assessments_processvalidation",
        "UPDATE assessments_processvalidation SET lot_number = %s WHERE id = %s",
        ["BT-FORGED", results[1].pk],
    )
    assert ProcessValidation.objects.get(pk=results[1].pk).lot_number == "BT-FORGED"

    verify_signed_records()

    (finding,) = SignatureFinding.objects.all()
    assert finding.problem == SignatureProblem.CONTENT_CHANGED
    assert finding.record_id == str(results[1].pk)
    assert list(finding.competences.all()) == [held]
    held.refresh_from_db()
    assert held.under_review
    assert held.status == CompetenceStatus.CURRENT


def test_a_signed_suspension_edited_past_its_trigger_is_found(signed, admin):
    _, competence = signed
    suspend_competence(
        competence=competence,
        signed_by=admin,
        role="Administrator",
        reason="Evidence in doubt.",
        password=PASSWORD,
    )
    suspension = competence.events.get(kind=CompetenceEventKind.SUSPENDED)
    tamper(
        "passport_competenceevent",
        "UPDATE passport_competenceevent SET reason = %s WHERE id = %s",
        ["Routine.", suspension.pk],
    )

    verify_signed_records()

    (finding,) = SignatureFinding.objects.all()
    assert finding.problem == SignatureProblem.CONTENT_CHANGED
    assert finding.signature_id == suspension.signature_id
    assert list(finding.competences.all()) == [competence]
    competence.refresh_from_db()
    # Suspended it was, and suspended it reads: a review never lifts a suspension.
    assert competence.status_words.label == "Suspended"


def test_a_signature_row_edited_is_found(signed):
    assessment, _ = signed
    tamper(
        "academy_electronicsignature",
        "UPDATE academy_electronicsignature SET printed_name = %s WHERE id = %s",
        ["Someone Else", assessment.signature_id],
    )

    verify_signed_records()

    assert SignatureFinding.objects.get().problem == SignatureProblem.SIGNATURE_CHANGED


def test_a_signature_rewritten_with_recomputed_hashes_is_caught_by_the_audit_trail(
    client, signed
):
    """The record's own page is fooled (its hashes were recomputed with the public
    functions); the audit event written at signing still holds the original hash."""
    assessment, competence = signed
    assessment.criteria.filter(position=1).update(result="not_met")
    signature = ElectronicSignature.objects.get(pk=assessment.signature_id)
    forged = content_hash(json_safe(signed_content(assessment)))
    fields = {
        "signer_id": signature.signer_id,
        "printed_name": signature.printed_name,
        "role": signature.role,
        "organisation_name": signature.organisation_name,
        "signed_at": signature.signed_at,
        "meaning": signature.meaning,
        "record_type": signature.record_type,
        "record_id": signature.record_id,
    }
    tamper(
        "academy_electronicsignature",
        "UPDATE academy_electronicsignature SET content_hash = %s, "
        "signature_hash = %s WHERE id = %s",
        [forged, signature_hash(content_hash=forged, **fields), signature.pk],
    )
    signature.refresh_from_db()
    assert signature_matches(signature, content=signed_content(assessment))

    verify_signed_records()

    assert SignatureFinding.objects.get().problem == SignatureProblem.NOT_AS_AUDITED
    competence.refresh_from_db()
    assert competence.under_review


def test_a_record_detached_from_its_signature_is_found_both_ways(signed):
    assessment, competence = signed
    signature_id = assessment.signature_id
    type(assessment).objects.filter(pk=assessment.pk).update(signature=None)

    verify_signed_records()

    problems = dict(SignatureFinding.objects.values_list("subject", "problem"))
    assert problems == {
        f"signature {signature_id}": SignatureProblem.RECORD_MISSING,
        f"record assessments.workplaceassessment {assessment.pk}": (
            SignatureProblem.SIGNATURE_MISSING
        ),
    }
    for finding in SignatureFinding.objects.all():
        assert list(finding.competences.all()) == [competence]


def test_a_signature_over_another_kind_of_record_is_checked_by_itself(trainee):
    """A kind of record the check does not know is checked against its own hash and
    the audit trail."""
    signature = sign_record(
        trainee,
        signer=trainee,
        meaning=SignatureMeaning.RESULT_RECORDED,
        role="Trainee",
        content={"anything": 1},
        reauthentication=reauthenticate(
            trainee,
            password=PASSWORD,
            record=trainee,
            meaning=SignatureMeaning.RESULT_RECORDED,
        ),
    )
    assert verify_signed_records().checked == {OTHER: 1}
    tamper(
        "academy_electronicsignature",
        "UPDATE academy_electronicsignature SET role = %s WHERE id = %s",
        ["Administrator", signature.pk],
    )
    assert verify_signed_records().mismatches[0].problem == (
        SignatureProblem.SIGNATURE_CHANGED
    )


def test_signature_problem_checks_the_record_then_the_row_then_the_audit_trail(
    signed,
):
    assessment, _ = signed
    signature = assessment.signature
    content = signed_content(assessment)
    ok = {"content": content, "record_known": True}
    audited = signature.content_hash
    assert signature_problem(signature, **ok, audited_hash=audited) is None
    assert signature_problem(signature, **ok, audited_hash=None) == "not_as_audited"
    assert (
        signature_problem(
            signature,
            content={**content, "outcome": "x"},
            record_known=True,
            audited_hash=audited,
        )
        == "content_changed"
    )
    assert (
        signature_problem(
            signature, content=None, record_known=True, audited_hash=audited
        )
        == "record_missing"
    )
    assert (
        signature_problem(
            signature, content=None, record_known=False, audited_hash=audited
        )
        is None
    )


def test_the_check_reads_in_a_fixed_number_of_queries(validators, workplace):
    signed_off(workplace)
    record(validators, BROTH, broth(160))
    with CaptureQueriesContext(connection) as few:
        verify_signed_records()
    record(validators, BROTH, broth(130))
    record(validators, BROTH, broth(100))
    signed_off(workplace)
    with CaptureQueriesContext(connection) as more:
        report = verify_signed_records()
    assert sum(report.checked.values()) == 5
    assert len(more) == len(few)


def test_the_check_reads_signatures_in_chunks(validators):
    for days in (160, 130, 100):
        record(validators, BROTH, broth(days))
    with CaptureQueriesContext(connection) as chunked:
        report = verify_signed_records(chunk_size=1)
    assert sum(report.checked.values()) == 3
    signature_reads = [
        q for q in chunked if 'FROM "academy_electronicsignature"' in q["sql"]
    ]
    assert len(signature_reads) == 4  # three chunks of one, and the empty end


def test_the_command_exits_non_zero_while_a_finding_is_open(signed, admin, capsys):
    assessment, _ = signed
    call_command("verify_signed_records")
    assert "OK 1 signatures" in capsys.readouterr().out

    assessment.criteria.filter(position=1).update(comment="Edited")
    with pytest.raises(CommandError, match="1 signature finding"):
        call_command("verify_signed_records")
    assert "MISMATCH" in capsys.readouterr().out

    resolve_signature_finding(
        finding=SignatureFinding.objects.get(), resolved_by=admin, reason="Explained."
    )
    call_command("verify_signed_records")
    assert "resolved by an administrator" in capsys.readouterr().out


def test_the_nightly_task_runs_the_check(signed):
    assessment, _ = signed
    assessment.criteria.filter(position=1).update(comment="Edited")
    assert verify_signed_records_task.delay().get() == {
        "checked": 1,
        "open": 1,
        "new": 1,
    }
    assert not CompetenceEvent.objects.filter(
        kind=CompetenceEventKind.SUSPENDED
    ).exists()
