"""What the network shows on the home page: a trainer's accreditation, a mentor's
requests and mentees, a training lead's trainees without a trainer and
accreditations ending soon."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories.academy import UserFactory
from tests.factories.trainers import AccreditationFactory, DirectoryProfileFactory
from trainers import services

pytestmark = pytest.mark.django_db


def home(client) -> str:
    html = client.get("/").content.decode()
    return html[html.index("<main") : html.index("</main>")]


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def test_a_trainer_sees_until_when_they_may_sign_off(client, network):
    AccreditationFactory(person=network.trainer, expires_on=in_days(400))
    client.force_login(network.trainer)

    page = home(client)

    assert "Your accreditation" in page
    assert f"{in_days(400):%-d %B %Y}" in page
    assert "Expiring soon" not in page


def test_an_accreditation_ending_within_60_days_is_flagged(client, network):
    AccreditationFactory(person=network.trainer, expires_on=in_days(30))
    client.force_login(network.trainer)

    page = home(client)

    assert "Expiring soon" in page
    assert "Ask your training lead to renew your accreditation" in page


def test_a_trainer_without_accreditation_is_told_they_cannot_sign_off(client, network):
    AccreditationFactory(
        person=network.trainer,
        starts_on=in_days(-400),
        expires_on=in_days(-1),
    )
    client.force_login(network.trainer)

    page = home(client)

    assert "You hold no current accreditation" in page
    assert f'href="{reverse("trainers:directory")}"' in page


def test_a_mentor_sees_requests_to_answer_and_their_mentees(client, network):
    DirectoryProfileFactory(person=network.mentor)
    asking = services.request_mentorship(
        mentee=network.stranger, mentor=network.mentor, message="Help with QA."
    )
    accepted = services.request_mentorship(
        mentee=network.trainee, mentor=network.mentor, message="Broth transfers."
    )
    services.accept_mentorship(mentorship=accepted, by=network.mentor)
    client.force_login(network.mentor)

    page = home(client)

    assert "Your mentoring" in page
    assert "Requests waiting for your answer: 1" in page
    request_url = reverse("trainers:mentorship", args=[asking.pk])
    assert f'<a href="{request_url}">Request from {network.stranger.full_name}</a>' in (
        page
    )
    assert "Your mentees: 1" in page
    mentee_url = reverse("trainers:mentorship", args=[accepted.pk])
    assert f'<a href="{mentee_url}">{network.trainee.full_name}</a>' in page
    assert client.get(request_url).status_code == 200
    assert client.get(mentee_url).status_code == 200


def test_a_lead_sees_trainees_without_a_trainer_and_accreditations_ending(
    client, network
):
    services.assign_trainer(
        trainer=network.trainer, trainee=network.trainee, assigned_by=network.lead
    )
    ending = AccreditationFactory(person=network.trainer, expires_on=in_days(20))
    AccreditationFactory(person=network.far_trainer, expires_on=in_days(20))
    client.force_login(network.lead)

    page = home(client)

    assert "Your organisation" in page
    assert "Trainees without a trainer: 1" in page
    record = reverse("trainers:trainee_record", args=[network.stranger.pk])
    assert f'<a href="{record}">{network.stranger.full_name}</a>' in page
    assert network.trainee.full_name not in page
    assign = reverse("trainers:assign_trainer", args=[network.home.pk])
    assert f'href="{assign}"' in page
    assert "Accreditations ending in the next 60 days: 1" in page
    assert f"{network.trainer.full_name}, until {ending.expires_on:%-d %B %Y}" in page
    assert network.far_trainer.full_name not in page
    assert client.get(record).status_code == 200
    assert client.get(assign).status_code == 200


def test_a_lead_of_no_organisation_is_told_so(client):
    client.force_login(UserFactory(roles=["Training lead"]))

    assert "You do not lead an organisation yet." in home(client)
