from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apprenticeships.models import (
    ApprenticeshipStandard,
    OffTheJobEntry,
    ProgressReview,
)
from tests.apprenticeships.conftest import PASSWORD
from tests.factories.academy import UserFactory
from trainers.services import appoint_training_lead

pytestmark = pytest.mark.django_db


def _date(prefix, day):
    return {
        f"{prefix}_day": day.day,
        f"{prefix}_month": day.month,
        f"{prefix}_year": day.year,
    }


def _hours(**overrides):
    yesterday = timezone.localdate() - timedelta(days=1)
    return {
        "activity": "College day",
        **_date("on_date", yesterday),
        "hours": "7",
        "off_the_job": "yes",
        **overrides,
    }


@pytest.fixture
def other_lead(db):
    person = UserFactory(roles=["Training lead"])
    appoint_training_lead(person=person, organisation=person.organisation)
    return person


def test_the_lead_sees_each_apprentice_with_hours_and_next_review(
    client, lead, apprenticeship
):
    client.force_login(lead)
    page = client.get(reverse("apprenticeships:index")).content.decode()
    assert "Alex Apprentice" in page
    assert "0 of 400" in page
    assert "Next review due" in page
    assert reverse("apprenticeships:export") in page


def test_the_lead_logs_hours_and_sees_a_confirmation(client, lead, apprenticeship):
    client.force_login(lead)
    url = reverse("apprenticeships:log_hours", args=[apprenticeship.pk])
    response = client.post(url, _hours())
    assert response.status_code == 200
    assert "nhsuk-panel" in response.content.decode()
    assert "7 of 400 off-the-job hours" in response.content.decode()
    assert OffTheJobEntry.objects.get().hours == 7


@pytest.mark.parametrize(
    ("overrides", "message", "target"),
    [
        ({"hours": "25"}, "Hours in one day must be 24 or fewer", "id_hours"),
        (
            _date("on_date", timezone.localdate() + timedelta(days=2)),
            "must be today or in the past",
            "id_on_date_0",
        ),
        (
            _date("on_date", timezone.localdate() - timedelta(days=400)),
            "on or after the start",
            "id_on_date_0",
        ),
        ({"hours": "lots"}, "Hours must be a number", "id_hours"),
    ],
)
def test_bad_hours_are_named_beside_the_field_and_nothing_is_stored(
    client, lead, apprenticeship, overrides, message, target
):
    client.force_login(lead)
    url = reverse("apprenticeships:log_hours", args=[apprenticeship.pk])
    page = client.post(url, _hours(**overrides)).content.decode()
    assert "There is a problem" in page
    assert message in page
    assert f'href="#{target}"' in page
    assert not OffTheJobEntry.objects.exists()


def test_another_organisation_s_apprentice_is_not_found(
    client, other_lead, apprenticeship
):
    client.force_login(other_lead)
    for name in ("detail", "log_hours", "record_review"):
        url = reverse(f"apprenticeships:{name}", args=[apprenticeship.pk])
        assert client.get(url).status_code == 404, name
    assert (
        client.post(
            reverse("apprenticeships:log_hours", args=[apprenticeship.pk]), _hours()
        ).status_code
        == 404
    )
    assert not OffTheJobEntry.objects.exists()
    assert (
        "Alex Apprentice"
        not in client.get(reverse("apprenticeships:index")).content.decode()
    )
    assert (
        b"Alex Apprentice" not in client.get(reverse("apprenticeships:export")).content
    )


def test_the_export_is_for_training_leads_only(
    client, apprentice, apprenticeship, lead
):
    client.force_login(apprentice)
    assert client.get(reverse("apprenticeships:export")).status_code == 404
    client.force_login(lead)
    response = client.get(reverse("apprenticeships:export"))
    assert response["Content-Type"].startswith("text/csv")
    assert b"Alex Apprentice" in response.content


def _review(**overrides):
    return {
        **_date("held_on", timezone.localdate()),
        "progress": "Good progress in the isolator.",
        "next_steps": "Broth transfer next.",
        "password": PASSWORD,
        **overrides,
    }


def test_the_lead_records_and_signs_a_review_then_the_apprentice_signs(
    client, lead, apprentice, apprenticeship
):
    client.force_login(lead)
    url = reverse("apprenticeships:record_review", args=[apprenticeship.pk])
    page = client.post(url, _review()).content.decode()
    assert "Review signed" in page
    review = ProgressReview.objects.get()
    assert review.employer_signature.signer == lead
    client.force_login(apprentice)
    page = client.post(
        reverse("apprenticeships:review", args=[review.pk]), {"password": PASSWORD}
    ).content.decode()
    assert "Review signed" in page
    review.refresh_from_db()
    assert review.apprentice_signature.signer == apprentice


def test_a_review_by_a_lead_not_named_is_refused_and_nothing_stored(
    client, employer, apprenticeship
):
    unnamed = UserFactory(organisation=employer, roles=["Training lead"])
    appoint_training_lead(person=unnamed, organisation=employer)
    client.force_login(unnamed)
    url = reverse("apprenticeships:record_review", args=[apprenticeship.pk])
    page = client.post(url, _review()).content.decode()
    assert "There is a problem" in page
    assert "Nothing was signed" in page
    assert not ProgressReview.objects.exists()


def test_a_wrong_password_is_named_beside_the_password(client, lead, apprenticeship):
    client.force_login(lead)
    url = reverse("apprenticeships:record_review", args=[apprenticeship.pk])
    page = client.post(url, _review(password="nope")).content.decode()
    assert 'href="#id_password"' in page
    assert "not correct" in page
    assert not ProgressReview.objects.exists()


def test_a_future_review_date_is_refused(client, lead, apprenticeship):
    client.force_login(lead)
    url = reverse("apprenticeships:record_review", args=[apprenticeship.pk])
    page = client.post(
        url, _review(**_date("held_on", timezone.localdate() + timedelta(days=3)))
    ).content.decode()
    assert "must be today or in the past" in page
    assert not ProgressReview.objects.exists()


def test_the_home_page_shows_the_lead_their_apprentices(client, lead, apprenticeship):
    client.force_login(lead)
    page = client.get("/").content.decode()
    assert "Apprentices" in page
    assert reverse("apprenticeships:detail", args=[apprenticeship.pk]) in page


def test_editors_edit_standards_and_their_ksbs_in_the_admin(client, standard):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    edit = reverse(
        "wagtailsnippets_apprenticeships_apprenticeshipstandard:edit",
        args=[standard.pk],
    )
    page = client.get(edit).content.decode()
    assert "Knowledge, skills and behaviours" in page
    assert "Works aseptically" in page
    assert ApprenticeshipStandard.objects.count() == 1
