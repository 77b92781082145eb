"""Recording and resolving findings of signed records changed after signing."""

import smtplib

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from academy.models import AuditEvent
from passport.findings import services
from passport.findings.services import (
    record_signature_findings,
    resolve_signature_finding,
)
from passport.models import CompetenceEvent, SignatureFinding
from tests.passport.findings.conftest import mismatch

pytestmark = pytest.mark.django_db


def test_a_finding_is_recorded_once_while_it_is_open(competence):
    first = record_signature_findings(mismatches=[mismatch(competence)])
    again = record_signature_findings(
        mismatches=[mismatch(competence), mismatch(competence, state="b")]
    )

    (finding,) = SignatureFinding.objects.all()
    assert first.new == [finding]
    assert again.new == []
    assert again.still_open == [finding]
    assert list(finding.competences.all()) == [competence]
    competence.refresh_from_db()
    assert competence.under_review
    assert competence.status_words.label == "Under review"
    # A review is not a change of the competence: no event, nothing suspended.
    assert CompetenceEvent.objects.filter(competence=competence).count() == 1


def test_resolving_needs_an_administrator_and_a_reason(competence, admin, make_user):
    record_signature_findings(mismatches=[mismatch(competence)])
    finding = SignatureFinding.objects.get()
    for person in (make_user("TSET moderator"), make_user("Training lead")):
        with pytest.raises(PermissionDenied):
            resolve_signature_finding(
                finding=finding, resolved_by=person, reason="Looks fine."
            )
    with pytest.raises(ValidationError) as error:
        resolve_signature_finding(finding=finding, resolved_by=admin, reason="  ")
    assert "reason" in error.value.message_dict
    finding.refresh_from_db()
    assert finding.is_open
    assert not AuditEvent.objects.filter(
        action="passport.signature_finding_resolved"
    ).exists()

    resolve_signature_finding(
        finding=finding, resolved_by=admin, reason=" Restored from backup. "
    )

    finding.refresh_from_db()
    assert finding.resolved_by == admin
    assert finding.resolution_reason == "Restored from backup."
    with pytest.raises(ValidationError):
        resolve_signature_finding(finding=finding, resolved_by=admin, reason="Again.")
    (event,) = AuditEvent.objects.filter(action="passport.signature_finding_resolved")
    assert event.actor == admin
    assert event.details["competence_ids"] == [competence.pk]


def test_a_competence_stays_under_review_until_every_finding_is_resolved(
    competence, admin
):
    record_signature_findings(
        mismatches=[
            mismatch(competence, subject="signature 7"),
            mismatch(competence, subject="signature 8"),
        ]
    )
    first, second = SignatureFinding.objects.order_by("subject")

    resolve_signature_finding(finding=first, resolved_by=admin, reason="Explained.")
    competence.refresh_from_db()
    assert competence.under_review

    resolve_signature_finding(finding=second, resolved_by=admin, reason="Explained.")
    competence.refresh_from_db()
    assert not competence.under_review
    assert competence.status_words.label == "Valid"


def test_a_resolved_state_is_not_reopened_but_a_new_state_is(competence, admin):
    record_signature_findings(mismatches=[mismatch(competence, state="a")])
    resolve_signature_finding(
        finding=SignatureFinding.objects.get(), resolved_by=admin, reason="Accepted."
    )

    same = record_signature_findings(mismatches=[mismatch(competence, state="a")])
    changed = record_signature_findings(mismatches=[mismatch(competence, state="b")])

    assert same.new == []
    assert len(same.accepted) == 1
    assert len(changed.new) == 1
    assert SignatureFinding.objects.filter(resolved_at__isnull=True).count() == 1


def test_an_open_finding_takes_in_a_competence_held_since(competence):
    record_signature_findings(
        mismatches=[mismatch(competence, competence_ids=frozenset())]
    )
    competence.refresh_from_db()
    assert not competence.under_review

    record_signature_findings(mismatches=[mismatch(competence)])

    competence.refresh_from_db()
    assert competence.under_review
    assert list(SignatureFinding.objects.get().competences.all()) == [competence]


def test_administrators_are_emailed_the_new_findings_once(
    competence, admin, make_user, django_capture_on_commit_callbacks
):
    make_user(is_superuser=True, is_active=False, email="gone@academy.example")
    make_user("TSET moderator", email="moderator@academy.example")
    with django_capture_on_commit_callbacks(execute=True):
        record_signature_findings(mismatches=[mismatch(competence)])
    with django_capture_on_commit_callbacks(execute=True):
        record_signature_findings(mismatches=[mismatch(competence)])

    (message,) = mail.outbox
    assert message.to == [admin.email]
    assert message.subject == "Signed records changed after signing: 1 to review"
    assert "COR-01 held by Tom Okafor" in message.body
    assert "Nothing has been suspended" in message.body


def test_a_mail_server_failure_leaves_the_finding_standing(
    competence, admin, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPException("mail server down")

    monkeypatch.setattr(services, "send_mail", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        record_signature_findings(mismatches=[mismatch(competence)])
    assert SignatureFinding.objects.filter(resolved_at__isnull=True).count() == 1


def test_a_competence_that_is_not_held_is_skipped(competence):
    record_signature_findings(
        mismatches=[
            mismatch(competence, competence_ids=frozenset({competence.pk, 10**9}))
        ]
    )
    assert list(SignatureFinding.objects.get().competences.all()) == [competence]
