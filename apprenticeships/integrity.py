"""Signed progress reviews in the nightly re-check of signed records
(`assessments.integrity`): each signature's review as stored now, so a review
edited in the database no longer matches what its signers signed."""

from django.db.models import Q

from academy.models import ElectronicSignature
from apprenticeships.models import ProgressReview
from apprenticeships.services import SIGNATURE_FIELDS, signed_content
from assessments.integrity.checks import SignedRecord, written_day
from assessments.integrity.kinds import SignedRecordKind

PROGRESS_REVIEW = ProgressReview._meta.label_lower


def review_records(signatures: list[ElectronicSignature]) -> dict[int, SignedRecord]:
    """Each review signature's record: the review it is attached to, as any of its
    three signatures (one query for the chunk). A signature no review carries any
    more reads as a missing record."""
    if not signatures:
        return {}
    ids = [s.pk for s in signatures]
    reviews = ProgressReview.objects.filter(
        Q(apprentice_signature_id__in=ids)
        | Q(employer_signature_id__in=ids)
        | Q(provider_signature_id__in=ids)
    ).select_related("apprenticeship__apprentice", "apprenticeship__standard")
    by_signature = {}
    for review in reviews:
        apprenticeship = review.apprenticeship
        record = SignedRecord(
            f"Progress review {review.pk} of {apprenticeship.apprentice.full_name} "
            f"({apprenticeship.standard.code}), held on {written_day(review.held_on)}",
            signed_content(review),
        )
        for field in SIGNATURE_FIELDS.values():
            if signature_id := getattr(review, f"{field}_id"):
                by_signature[signature_id] = record
    return {
        s.pk: by_signature.get(s.pk)
        or SignedRecord(f"Progress review {s.record_id} (missing)", None)
        for s in signatures
    }


def progress_review_kind() -> SignedRecordKind:
    """Registered with the `signed_record_kinds` hook."""
    return SignedRecordKind(
        PROGRESS_REVIEW, "apprenticeship progress reviews", review_records
    )
