from datetime import timedelta

import pytest
from django.utils import timezone

from academy.models import User
from tests.factories.trainers import DirectoryProfileFactory
from trainers import services
from trainers.models import Supervision


@pytest.fixture
def supervised(network):
    return services.assign_trainer(
        trainer=network.trainer, trainee=network.trainee, assigned_by=network.lead
    )


def test_trainee_record_is_404_for_trainers_without_supervision(
    client, network, supervised
):
    url = f"/network/trainees/{network.trainee.pk}/"
    client.force_login(network.trainer)
    assert client.get(url).status_code == 200
    for outsider in (network.neighbour_trainer, network.far_trainer, network.far_lead):
        client.force_login(outsider)
        response = client.get(url)
        assert response.status_code == 404
        assert network.trainee.full_name not in response.content.decode()


def test_ending_supervision_from_record_removes_access(client, network, supervised):
    client.force_login(network.lead)
    response = client.post(f"/network/supervisions/{supervised.pk}/end/")
    assert response.status_code == 302
    client.force_login(network.trainer)
    assert client.get(f"/network/trainees/{network.trainee.pk}/").status_code == 404


def test_only_the_trainees_lead_ends_a_supervision(client, network, supervised):
    for person in (network.far_lead, network.trainer, network.trainee):
        client.force_login(person)
        assert (
            client.post(f"/network/supervisions/{supervised.pk}/end/").status_code
            == 404
        )
    assert Supervision.objects.get(pk=supervised.pk).ends_on is None


def test_lead_pages_are_404_for_other_organisations(client, network):
    client.force_login(network.far_lead)
    for path in ("", "assign-trainer/", "accredit/"):
        assert (
            client.get(f"/network/organisations/{network.home.pk}/{path}").status_code
            == 404
        )
    client.force_login(network.trainee)
    assert client.get("/network/organisation/").status_code == 404
    assert (
        client.get(
            f"/network/organisations/{network.home.pk}/assign-trainer/"
        ).status_code
        == 404
    )


def test_assign_trainer_form(client, network):
    client.force_login(network.lead)
    url = f"/network/organisations/{network.home.pk}/assign-trainer/"
    response = client.post(
        url,
        {
            "trainee": network.trainee.pk,
            "trainer": network.neighbour_trainer.pk,
            "starts_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    assert Supervision.objects.filter(trainer=network.neighbour_trainer).exists()


def test_assign_trainer_rejects_ids_the_lead_may_not_see(client, network):
    outsider = User.objects.filter(organisation=network.far).first()
    client.force_login(network.lead)
    response = client.post(
        f"/network/organisations/{network.home.pk}/assign-trainer/",
        {
            "trainee": outsider.pk,
            "trainer": network.far_trainer.pk,
            "starts_on": timezone.localdate().isoformat(),
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in body
    assert f"Choose a trainee who works at {network.home.name}" in body
    assert "Choose a trainer from your organisation or region" in body
    assert not Supervision.objects.exists()


def test_grant_accreditation_form(client, network):
    client.force_login(network.lead)
    url = f"/network/organisations/{network.home.pk}/accredit/"
    today = timezone.localdate()
    response = client.post(
        url,
        {
            "person": network.trainer.pk,
            "areas": [network.aseptic.pk],
            "band_from": 2,
            "band_to": 6,
            "starts_on": today.isoformat(),
            "expires_on": (today + timedelta(days=365)).isoformat(),
            "reason": "Assessor course",
        },
    )
    assert response.status_code == 302
    assert network.trainer.accreditations.count() == 1
    response = client.post(url, {"person": network.lead.pk, "reason": ""})
    body = response.content.decode()
    assert "Choose a member of staff who works at" in body
    assert "Give the reason for the accreditation" in body


def test_mentorship_pages_are_404_for_third_parties(client, network):
    DirectoryProfileFactory(person=network.mentor)
    client.force_login(network.trainee)
    response = client.post(
        f"/network/directory/{network.mentor.pk}/", {"message": "Please help"}
    )
    mentorship = network.trainee.mentorships.get()
    assert response.url == f"/network/mentoring/{mentorship.pk}/"
    client.force_login(network.stranger)
    assert client.get(response.url).status_code == 404
    assert client.post(f"{response.url}accept/").status_code == 404
    client.force_login(network.trainee)
    client.post(f"{response.url}accept/")
    mentorship.refresh_from_db()
    assert mentorship.status == "requested"  # only the mentor accepts
    client.force_login(network.mentor)
    client.post(f"{response.url}accept/")
    mentorship.refresh_from_db()
    assert mentorship.status == "active"
    response = client.post(
        response.url, {"written_on": timezone.localdate().isoformat(), "text": "Met."}
    )
    assert response.status_code == 302
    assert mentorship.notes.count() == 1


def test_directory_hides_unlisted_people_and_filters(client, network):
    DirectoryProfileFactory(person=network.mentor, listed=True)
    DirectoryProfileFactory(person=network.trainer, listed=False)
    client.force_login(network.trainee)
    body = client.get("/network/directory/").content.decode()
    assert network.mentor.full_name in body
    assert network.trainer.full_name not in body
    assert client.get(f"/network/directory/{network.trainer.pk}/").status_code == 404
    body = client.get("/network/directory/?region=North+West").content.decode()
    assert network.mentor.full_name not in body
    body = client.get(
        f"/network/directory/?competency={network.competency.pk}"
    ).content.decode()
    assert "0 people found" in body


def query_count(client, url, django_assert_max_num_queries, limit):
    # A first request fills per-process caches (content types, site root); count the next.
    client.get(url)
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_trainees(network, count):
    organisation = network.home
    people = User.objects.bulk_create(
        User(
            email=f"bulk{network.trainer.pk}-{i}-{count}@test.example",
            full_name=f"Bulk {i}",
            organisation=organisation,
        )
        for i in range(count)
    )
    Supervision.objects.bulk_create(
        Supervision(
            trainer=network.trainer,
            trainee=p,
            assigned_by=network.lead,
            starts_on=timezone.localdate(),
        )
        for p in people
    )
    return people


def test_trainer_dashboard_queries_do_not_grow_with_trainees(
    client, network, django_assert_max_num_queries
):
    client.force_login(network.trainer)
    add_trainees(network, 20)
    small = query_count(client, "/network/trainer/", django_assert_max_num_queries, 15)
    add_trainees(network, 180)
    large = query_count(client, "/network/trainer/", django_assert_max_num_queries, 15)
    assert large == small


def test_trainer_dashboard_lists_fifty_trainees_a_page(client, network):
    client.force_login(network.trainer)
    add_trainees(network, 60)
    first = client.get("/network/trainer/").content.decode()
    second = client.get("/network/trainer/?page=2").content.decode()
    beyond = client.get("/network/trainer/?page=99").content.decode()

    def listed(page):
        return {i for i in range(60) if f">Bulk {i}<" in page}

    assert len(listed(first)) == 50
    assert listed(first) | listed(second) == set(range(60))
    assert "Page 2 of 2" in first
    assert "Page 1 of 2" in second
    # A page number out of range shows the last page rather than an error.
    assert listed(beyond) == listed(second)


def test_organisation_page_queries_do_not_grow_with_staff(
    client, network, django_assert_max_num_queries
):
    client.force_login(network.lead)
    url = f"/network/organisations/{network.home.pk}/"
    add_trainees(network, 200)
    small = query_count(client, url, django_assert_max_num_queries, 20)
    add_trainees(network, 1800)
    large = query_count(client, url, django_assert_max_num_queries, 20)
    assert large == small


def test_directory_queries_do_not_grow_with_entries(
    client, network, django_assert_max_num_queries
):
    client.force_login(network.trainee)
    for person in add_trainees(network, 5):
        DirectoryProfileFactory(person=person)
    small = query_count(
        client, "/network/directory/", django_assert_max_num_queries, 15
    )
    for person in add_trainees(network, 30):
        DirectoryProfileFactory(person=person)
    large = query_count(
        client, "/network/directory/", django_assert_max_num_queries, 15
    )
    assert large == small
