"""Audit-trail reviews: an administrator records that they reviewed the trail over a
period, with the outcome, and signs it with their re-entered password (the signing
ceremony of `academy.signatures`, so a wrong password is audited and counts towards
a signing block)."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from academy.audit_export import AuditTrailFilters, audit_events, may_read_audit_trail
from academy.models import (
    AuditTrailReview,
    AuditTrailReviewOutcome,
    ElectronicSignature,
    SignatureMeaning,
    User,
)
from academy.services import audit_trail_report, record_audit_event
from academy.signatures import (
    Reauthentication,
    reauthenticate,
    sign_record,
    signature_matches,
)

MEANING = SignatureMeaning.AUDIT_TRAIL_REVIEWED


def signed_content(review: AuditTrailReview) -> dict[str, Any]:
    """The canonical content a reviewer signs."""
    return {
        "review_id": review.pk,
        "reviewer_id": review.reviewer_id,
        "reviewed_at": review.reviewed_at,
        "covered_from": review.covered_from,
        "covered_to": review.covered_to,
        "outcome": review.outcome,
        "comments": review.comments,
        "events_in_period": review.events_in_period,
        "chain_verified": review.chain_verified,
        "chain_report": review.chain_report,
    }


def _check_period(
    *, covered_from: date, covered_to: date, outcome: str, comments: str
) -> None:
    errors = {}
    if covered_to < covered_from:
        errors["covered_to"] = "The end of the period must not be before its start."
    if covered_to > timezone.localdate():
        errors["covered_to"] = "The period reviewed cannot end in the future."
    if outcome not in AuditTrailReviewOutcome.values:
        errors["outcome"] = "Choose the outcome of the review."
    if outcome == AuditTrailReviewOutcome.ISSUES_FOUND and not comments.strip():
        errors["comments"] = "Describe the issues found and what is being done."
    if errors:
        raise ValidationError(errors)


def record_audit_trail_review(
    *,
    reviewer: User,
    covered_from: date,
    covered_to: date,
    outcome: str,
    comments: str,
    password: str,
) -> AuditTrailReview:
    """Record an administrator's review of the audit trail over a period and sign it
    with their re-entered password; a wrong one is audited and records nothing.

    The review keeps what the reviewer saw: the number of events in the period and
    the chain's verification result at the time.
    """
    if not may_read_audit_trail(reviewer):
        raise PermissionDenied("Only administrators review the audit trail.")
    _check_period(
        covered_from=covered_from,
        covered_to=covered_to,
        outcome=outcome,
        comments=comments,
    )
    reauthentication = reauthenticate(
        reviewer, password=password, record=reviewer, meaning=MEANING
    )
    report = audit_trail_report()
    lines = report.summary() if report.ok else report.problems()
    return _record_review(
        reviewer=reviewer,
        covered_from=covered_from,
        covered_to=covered_to,
        outcome=outcome,
        comments=comments.strip(),
        chain_verified=report.ok,
        chain_report="\n".join(lines),
        reauthentication=reauthentication,
    )


@transaction.atomic
def _record_review(
    *,
    reviewer: User,
    covered_from: date,
    covered_to: date,
    outcome: str,
    comments: str,
    chain_verified: bool,
    chain_report: str,
    reauthentication: Reauthentication,
) -> AuditTrailReview:
    period = AuditTrailFilters(date_from=covered_from, date_to=covered_to)
    review = AuditTrailReview.objects.create(
        reviewer=reviewer,
        reviewed_at=timezone.now(),
        covered_from=covered_from,
        covered_to=covered_to,
        outcome=outcome,
        comments=comments,
        events_in_period=audit_events(period).count(),
        chain_verified=chain_verified,
        chain_report=chain_report,
    )
    signature = sign_record(
        review,
        signer=reviewer,
        meaning=MEANING,
        role=reviewer.role_label(),
        content=signed_content(review),
        reauthentication=reauthentication,
        # The reviewer re-entered their password for themselves: the review did not
        # exist yet.
        reauthenticated_for=reviewer,
    )
    record_audit_event(
        "academy.audit_trail_reviewed",
        actor=reviewer,
        target=review,
        details={
            "covered_from": covered_from,
            "covered_to": covered_to,
            "outcome": outcome,
            "events_in_period": review.events_in_period,
            "chain_verified": chain_verified,
            "signature_id": signature.pk,
        },
    )
    return review


def reviews_with_signatures(
    limit: int = 50,
) -> list[tuple[AuditTrailReview, ElectronicSignature | None, bool]]:
    """The latest reviews, newest first, each with its signature and whether the
    signature still matches the review."""
    reviews = list(AuditTrailReview.objects.select_related("reviewer")[:limit])
    signatures = {
        signature.record_id: signature
        for signature in ElectronicSignature.objects.filter(
            record_type=AuditTrailReview._meta.label_lower,
            record_id__in=[str(review.pk) for review in reviews],
            meaning=MEANING,
        )
    }
    listed = []
    for review in reviews:
        signature = signatures.get(str(review.pk))
        matches = signature is not None and signature_matches(
            signature, content=signed_content(review)
        )
        listed.append((review, signature, matches))
    return listed


def latest_review() -> AuditTrailReview | None:
    """The most recent review of the audit trail, for the audit trail's page."""
    return AuditTrailReview.objects.select_related("reviewer").first()
