"""Demo apprenticeships: Jordan Reid at Eastfield on ST1406 (aseptic option) with
hours logged and one review signed by all three people named, loaded once."""

from django.utils import timezone

from academy.models import User
from academy.signatures import signature_matches
from apprenticeships import queries
from apprenticeships.models import (
    Apprenticeship,
    ApprenticeshipStandard,
    OffTheJobEntry,
    ProgressReview,
)
from apprenticeships.policies import apprenticeships_led_by
from apprenticeships.services import signed_content
from demo.apprenticeships import load


def test_jordan_has_hours_and_one_signed_review_at_eastfield(demo_data):
    apprenticeship = Apprenticeship.objects.get(
        apprentice__email="apprentice@academy.example"
    )
    assert apprenticeship.employer.ods_code == "RWX"
    assert (apprenticeship.standard.code, apprenticeship.standard.option) == (
        "ST1406",
        "Aseptic",
    )
    hours = queries.hours_for(apprenticeship, today=timezone.localdate())
    assert hours.logged_off_the_job > 0
    [review] = apprenticeship.reviews.all()
    assert review.fully_signed
    for signature in (
        review.apprentice_signature,
        review.employer_signature,
        review.provider_signature,
    ):
        assert signature_matches(signature, content=signed_content(review))
    lead = User.objects.get(email="lead.eastfield@academy.example")
    assert list(apprenticeships_led_by(lead)) == [apprenticeship]
    assert apprenticeship.standard.ksbs.filter(competencies__code="ASP-02").exists()

    counts = [
        model.objects.count()
        for model in (
            ApprenticeshipStandard,
            Apprenticeship,
            OffTheJobEntry,
            ProgressReview,
        )
    ]
    assert load() == "Apprenticeships: Jordan Reid's apprenticeship already loaded."
    assert counts == [
        model.objects.count()
        for model in (
            ApprenticeshipStandard,
            Apprenticeship,
            OffTheJobEntry,
            ProgressReview,
        )
    ]
    assert counts[0] == 2
