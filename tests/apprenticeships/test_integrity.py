"""Signed progress reviews in the nightly re-check of signed records: a review
edited in the database behind the application's back becomes a finding."""

import pytest
from django.db import connection
from django.utils import timezone

from apprenticeships import services
from apprenticeships.models import ProgressReview
from assessments.integrity.scan import verify_signed_records
from passport.models import SignatureFinding, SignatureProblem
from tests.apprenticeships.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(apprenticeship, lead, apprentice):
    today = timezone.localdate()
    review = services.record_review(
        apprenticeship,
        recorded_by=lead,
        held_on=today,
        progress="Gowning competent; broth transfer booked.",
        next_steps="Finger dabs in the next quarter.",
        password=PASSWORD,
        today=today,
    )
    return services.sign_review(review, signer=apprentice, password=PASSWORD)


def test_an_untouched_signed_review_passes(review):
    report = verify_signed_records()

    assert report.ok
    assert report.mismatches == []
    assert report.checked == {"apprenticeship progress reviews": 2}


def test_a_review_edited_in_the_database_is_found(review):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE apprenticeships_progressreview SET progress = %s WHERE id = %s",
            ["Everything signed off early.", review.pk],
        )

    report = verify_signed_records()

    assert not report.ok
    assert {m.signature_id for m in report.mismatches} == {
        review.employer_signature_id,
        review.apprentice_signature_id,
    }
    findings = SignatureFinding.objects.all()
    assert len(findings) == 2
    for finding in findings:
        assert finding.problem == SignatureProblem.CONTENT_CHANGED
        assert finding.record_type.model_class() is ProgressReview
        assert finding.record_id == str(review.pk)
        assert "Alex Apprentice" in finding.record_description


def test_a_signature_detached_from_its_review_is_found(review):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE apprenticeships_progressreview SET apprentice_signature_id = NULL "
            "WHERE id = %s",
            [review.pk],
        )

    (mismatch,) = verify_signed_records().mismatches

    assert mismatch.signature_id == review.apprentice_signature_id
    assert mismatch.problem == SignatureProblem.RECORD_MISSING
