from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from academy.models import AuditEvent, ElectronicSignature
from academy.signatures import SignatureRejected, signature_matches
from apprenticeships import queries, services
from apprenticeships.models import OffTheJobEntry, ProgressReview
from courses.models import LessonPage
from courses.services import complete_lesson
from passport.models import Competence, CompetenceStatus
from tests.apprenticeships.conftest import PASSWORD
from tests.factories.academy import UserFactory
from tests.factories.courses import make_area_page, make_catalogue, make_module
from trainers.services import appoint_training_lead

pytestmark = pytest.mark.django_db


def _today():
    return timezone.localdate()


def _log(apprenticeship, by, **overrides):
    fields = {
        "activity": "Isolator shadowing",
        "on_date": _today() - timedelta(days=1),
        "hours": Decimal("6.5"),
        "off_the_job": True,
        "today": _today(),
    }
    return services.log_hours(apprenticeship, recorded_by=by, **{**fields, **overrides})


def test_a_lead_logs_hours_that_count_towards_the_minimum(apprenticeship, lead):
    _log(apprenticeship, lead)
    _log(apprenticeship, lead, hours=Decimal(2), off_the_job=False)
    hours = queries.hours_for(apprenticeship, today=_today())
    assert hours.logged_off_the_job == Decimal("6.5")
    assert hours.minimum == 400  # a start after 1 August 2025: the standard's
    assert (
        AuditEvent.objects.filter(
            action="apprenticeships.off_the_job_hours_logged"
        ).count()
        == 2
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"hours": Decimal(25)}, "hours"),
        ({"on_date": "future"}, "on_date"),
        ({"on_date": "before start"}, "on_date"),
        ({"activity": "  "}, "activity"),
    ],
)
def test_bad_hours_are_refused_and_nothing_is_stored(
    apprenticeship, lead, overrides, field
):
    if overrides.get("on_date") == "future":
        overrides["on_date"] = _today() + timedelta(days=1)
    elif overrides.get("on_date") == "before start":
        overrides["on_date"] = apprenticeship.start_date - timedelta(days=1)
    with pytest.raises(services.ApprenticeshipError) as refused:
        _log(apprenticeship, lead, **overrides)
    assert refused.value.field == field
    assert not OffTheJobEntry.objects.exists()
    assert not AuditEvent.objects.filter(
        action="apprenticeships.off_the_job_hours_logged"
    ).exists()


def test_a_day_cannot_pass_24_hours_across_entries(apprenticeship, lead):
    _log(apprenticeship, lead, hours=Decimal(20))
    with pytest.raises(services.ApprenticeshipError, match="already logged"):
        _log(apprenticeship, lead, hours=Decimal(5))
    assert OffTheJobEntry.objects.count() == 1


def test_someone_of_another_organisation_cannot_log_hours(apprenticeship):
    stranger = UserFactory(roles=["Training lead"])
    appoint_training_lead(person=stranger, organisation=stranger.organisation)
    with pytest.raises(services.ApprenticeshipError):
        _log(apprenticeship, stranger)
    assert not OffTheJobEntry.objects.exists()


def test_academy_modules_completed_since_the_start_count_automatically(
    apprenticeship, apprentice, site_root
):
    module = make_module(
        make_area_page(make_catalogue(site_root)), lessons=1, title="Gowning"
    )
    for lesson in LessonPage.objects.live().child_of(module):
        complete_lesson(apprentice, lesson=lesson)
    hours = queries.hours_for(apprenticeship, today=_today())
    expected = (Decimal(module.estimated_minutes) / 60).quantize(Decimal("0.01"))
    assert hours.academy == expected > 0
    log = queries.training_log(apprenticeship, today=_today())
    assert [line.activity for line in log if line.from_academy] == [
        "Academy module: Gowning"
    ]


def _review(apprenticeship, by, **overrides):
    fields = {
        "held_on": _today(),
        "progress": "Gowning competent; broth transfer booked.",
        "next_steps": "Finger dabs in the next quarter.",
        "password": PASSWORD,
        "today": _today(),
    }
    return services.record_review(
        apprenticeship, recorded_by=by, **{**fields, **overrides}
    )


def test_a_review_is_signed_by_the_three_people_named(
    apprenticeship, lead, apprentice, provider_rep
):
    review = _review(apprenticeship, lead)
    assert review.employer_signature.role == "Employer representative"
    assert not review.fully_signed
    services.sign_review(review, signer=apprentice, password=PASSWORD)
    review = services.sign_review(review, signer=provider_rep, password=PASSWORD)
    assert review.fully_signed
    content = services.signed_content(review)
    for signature in (
        review.apprentice_signature,
        review.employer_signature,
        review.provider_signature,
    ):
        assert signature.meaning == services.MEANING
        assert signature_matches(signature, content=content)
    with pytest.raises(services.ApprenticeshipError, match="already signed"):
        services.sign_review(review, signer=apprentice, password=PASSWORD)


def test_a_review_signed_by_someone_not_named_is_refused(apprenticeship, employer):
    other_lead = UserFactory(organisation=employer, roles=["Training lead"])
    appoint_training_lead(person=other_lead, organisation=employer)
    with pytest.raises(services.ApprenticeshipError, match="named on this"):
        _review(apprenticeship, other_lead)
    assert not ProgressReview.objects.exists()
    assert not ElectronicSignature.objects.exists()


def test_a_countersignature_by_someone_not_named_is_refused(apprenticeship, lead):
    review = _review(apprenticeship, lead)
    with pytest.raises(services.ApprenticeshipError):
        services.sign_review(review, signer=UserFactory(), password=PASSWORD)
    review.refresh_from_db()
    assert review.apprentice_signature is None
    assert ElectronicSignature.objects.count() == 1


def test_a_wrong_password_signs_and_stores_nothing(apprenticeship, lead):
    with pytest.raises(SignatureRejected):
        _review(apprenticeship, lead, password="wrong")
    assert not ProgressReview.objects.exists()
    assert AuditEvent.objects.filter(action="academy.signature_rejected").exists()


@pytest.mark.parametrize("when", ["future", "before start"])
def test_a_review_dated_outside_the_apprenticeship_is_refused(
    apprenticeship, lead, when
):
    held_on = (
        _today() + timedelta(days=1)
        if when == "future"
        else apprenticeship.start_date - timedelta(days=1)
    )
    with pytest.raises(services.ApprenticeshipError) as refused:
        _review(apprenticeship, lead, held_on=held_on)
    assert refused.value.field == "held_on"
    assert not ProgressReview.objects.exists()


def test_the_next_review_follows_the_last(apprenticeship, lead):
    _review(apprenticeship, lead, held_on=_today() - timedelta(days=3))
    earliest, latest = queries.next_review_window(apprenticeship)
    assert earliest == _today() - timedelta(days=3) + timedelta(weeks=8)
    assert latest == _today() - timedelta(days=3) + timedelta(weeks=12)


def test_ksb_progress_counts_current_competences_only(
    apprenticeship, apprentice, competency
):
    def progress():
        return {
            k.code: (k.held, k.mapped)
            for k in queries.ksb_progress(apprenticeship, today=_today())
        }

    assert progress() == {"S1": (0, 1), "B1": (0, 0)}
    competence = Competence.objects.create(
        holder=apprentice,
        competency=competency,
        first_achieved_on=_today(),
        achieved_on=_today(),
        updated_at=timezone.now(),
    )
    assert progress()["S1"] == (1, 1)
    competence.status = CompetenceStatus.SUSPENDED
    competence.save()
    assert progress()["S1"] == (0, 1)


def test_the_provider_csv_keeps_formulas_as_text(apprenticeship, apprentice, lead):
    apprentice.full_name = '=HYPERLINK("http://x")'
    apprentice.save()
    _log(apprenticeship, lead)
    text = queries.provider_csv(
        type(apprenticeship).objects.filter(pk=apprenticeship.pk), today=_today()
    )
    lines = text.splitlines()
    assert lines[0].startswith("Apprentice,Employer,Training provider")
    assert lines[1].startswith("\"'=HYPERLINK(")
    assert ",6.5,0,6.5,400," in lines[1]
