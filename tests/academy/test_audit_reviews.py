"""Audit-trail reviews are recorded and signed, and the admin shows the last one
(issue 16, finding 11: EU GMP Annex 11 §9, 21 CFR 11.10(e))."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from academy.audit_reviews import (
    latest_review,
    record_audit_trail_review,
    reviews_with_signatures,
    signed_content,
)
from academy.models import (
    AuditEvent,
    AuditTrailReview,
    AuditTrailReviewOutcome,
    ElectronicSignature,
    SignatureMeaning,
)
from academy.services import record_audit_event
from academy.signatures import SignatureRejected, signature_matches
from tests.academy.conftest import tamper
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

REVIEWS_URL = "/admin/audit_trail/reviews/"


@pytest.fixture
def admin(make_user):
    return make_user(is_superuser=True, is_staff=True, full_name="Ada Admin")


def review(reviewer, **fields):
    today = timezone.localdate()
    values = {
        "covered_from": today - timedelta(days=30),
        "covered_to": today,
        "outcome": AuditTrailReviewOutcome.NO_ISSUES,
        "comments": "Sign-ins, sign-offs and awards checked against the rota.",
        "password": PASSWORD,
    }
    values.update(fields)
    return record_audit_trail_review(reviewer=reviewer, **values)


def test_a_review_is_recorded_signed_and_audited(admin):
    for _ in range(3):
        record_audit_event("academy.user_signed_in", actor=admin)

    made = review(admin)

    signature = ElectronicSignature.objects.get(
        record_type="academy.audittrailreview", record_id=str(made.pk)
    )
    assert made.reviewer == admin
    assert made.events_in_period == 3
    assert made.chain_verified is True
    assert made.chain_report.startswith("OK 3 events")
    assert signature.meaning == SignatureMeaning.AUDIT_TRAIL_REVIEWED
    assert signature.printed_name == "Ada Admin"
    assert signature.role == "Administrator"
    assert signature_matches(signature, content=signed_content(made))
    audited = AuditEvent.objects.get(action="academy.audit_trail_reviewed")
    assert audited.actor == admin
    assert audited.details["outcome"] == "no_issues"
    assert audited.details["signature_id"] == signature.pk
    assert AuditEvent.objects.filter(action="academy.record_signed").exists()


def test_the_review_keeps_what_the_chain_check_said(admin):
    events = [record_audit_event("academy.user_signed_in") for _ in range(2)]
    tamper(
        "UPDATE academy_auditevent SET actor_name = %s WHERE id = %s",
        ["Someone Else", events[0].pk],
    )

    made = review(
        admin,
        outcome=AuditTrailReviewOutcome.ISSUES_FOUND,
        comments="Event edited in the database: reported to the QP.",
    )

    assert made.chain_verified is False
    assert f"BROKEN at event {events[0].pk}" in made.chain_report


def test_a_wrong_password_records_nothing_and_is_audited(admin):
    with pytest.raises(SignatureRejected):
        review(admin, password="not-my-password")

    assert not AuditTrailReview.objects.exists()
    assert AuditEvent.objects.filter(action="academy.signature_rejected").count() == 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (
            {"covered_to": date(2026, 1, 1), "covered_from": date(2026, 2, 1)},
            "covered_to",
        ),
        ({"covered_to": timezone.localdate() + timedelta(days=1)}, "covered_to"),
        (
            {"outcome": AuditTrailReviewOutcome.ISSUES_FOUND, "comments": " "},
            "comments",
        ),
        ({"outcome": "fine"}, "outcome"),
    ],
)
def test_a_review_needs_a_past_period_and_words_when_issues_were_found(
    admin, fields, field
):
    with pytest.raises(ValidationError) as refused:
        review(admin, **fields)

    assert field in refused.value.message_dict
    assert not AuditTrailReview.objects.exists()
    # Refused before the password was checked: nothing was counted against it.
    assert not AuditEvent.objects.filter(action="academy.signature_rejected").exists()


@pytest.mark.parametrize(
    "fields", [{"is_superuser": False, "is_staff": True}, {"is_active": False}]
)
def test_only_active_administrators_review(make_user, fields):
    person = make_user(**fields)

    with pytest.raises(PermissionDenied):
        review(person)
    assert not AuditTrailReview.objects.exists()


def test_a_review_is_never_changed_or_removed(admin):
    made = review(admin)

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditTrailReview.objects.filter(pk=made.pk).update(outcome="issues_found")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditTrailReview.objects.filter(pk=made.pk).delete()


def test_an_edited_review_no_longer_matches_its_signature(client, admin):
    made = review(admin)
    tamper(
        "UPDATE academy_audittrailreview SET outcome = %s WHERE id = %s",
        ["issues_found", made.pk],
        table="academy_audittrailreview",
    )
    client.force_login(admin)

    (listed,) = reviews_with_signatures()
    page = client.get(REVIEWS_URL)

    assert listed[0].pk == made.pk
    assert listed[2] is False
    assert b"Signature does not match the review" in page.content


def test_the_reviews_page_records_a_review_with_the_password(client, admin):
    client.force_login(admin)
    today = timezone.localdate()

    page = client.get(REVIEWS_URL)
    wrong = client.post(
        REVIEWS_URL,
        {
            "covered_from": (today - timedelta(days=7)).isoformat(),
            "covered_to": today.isoformat(),
            "outcome": "no_issues",
            "password": "wrong",
        },
    )
    right = client.post(
        REVIEWS_URL,
        {
            "covered_from": (today - timedelta(days=7)).isoformat(),
            "covered_to": today.isoformat(),
            "outcome": "issues_found",
            "comments": "Two failed sign-ins from an unknown address: <b>followed up</b>.",
            "password": PASSWORD,
        },
        follow=True,
    )

    assert page.status_code == 200
    assert b"No review of the audit trail has been recorded yet." in page.content
    assert b'type="password"' in page.content
    assert wrong.status_code == 200
    assert b"The password you entered is not correct." in wrong.content
    assert right.status_code == 200
    content = right.content.decode()
    assert "recorded and signed" in content
    assert "Issues found" in content
    assert "&lt;b&gt;followed up&lt;/b&gt;" in content
    assert "Ada Admin, Administrator: signature verified" in content
    assert AuditTrailReview.objects.count() == 1


def test_the_reviews_page_explains_missing_answers(client, admin):
    client.force_login(admin)

    response = client.post(REVIEWS_URL, {"outcome": "issues_found"})

    assert response.status_code == 200
    assert b"Enter the first day of the period reviewed." in response.content
    assert b"Enter your password to sign." in response.content
    assert not AuditTrailReview.objects.exists()


def test_the_audit_trail_shows_when_it_was_last_reviewed_by_whom_with_what_outcome(
    client, admin, make_user
):
    client.force_login(admin)
    before = client.get("/admin/audit_trail/")
    review(admin, covered_from=date(2026, 1, 1), covered_to=date(2026, 1, 31))
    other = make_user(is_superuser=True, is_staff=True, full_name="Ben Boss")
    newest = review(
        other,
        covered_from=date(2026, 2, 1),
        covered_to=date(2026, 2, 28),
        outcome=AuditTrailReviewOutcome.ISSUES_FOUND,
        comments="One correction without a reason: raised with the lead.",
    )

    after = client.get("/admin/audit_trail/")

    assert latest_review() == newest
    assert b"The audit trail has not been reviewed yet." in before.content
    content = after.content.decode()
    assert (
        f"Last reviewed on {timezone.localtime(newest.reviewed_at):%-d %B %Y}"
        in content
    )
    assert "by Ben Boss" in content
    assert "covering 1 February 2026 to 28 February 2026" in content
    assert "<strong>Issues found</strong>" in content
    assert 'href="/admin/audit_trail/export/"' in content
    assert 'href="/admin/audit_trail/reviews/"' in content


@pytest.mark.parametrize("roles", [["TSET editor"], ["TSET moderator"]])
def test_editors_and_moderators_cannot_review(client, make_user, roles):
    client.force_login(make_user(*roles, is_staff=True))

    assert client.get(REVIEWS_URL).status_code in {302, 403}
    assert client.post(REVIEWS_URL, {"password": PASSWORD}).status_code in {302, 403}
    assert not AuditTrailReview.objects.exists()
