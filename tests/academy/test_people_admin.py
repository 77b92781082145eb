"""Administrators add and edit people in the admin with the fields the Academy keeps:
one full name as the person writes it, never a first and last name."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from academy.models import User
from tests.factories.academy import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(client, make_user):
    admin = make_user(is_superuser=True, is_staff=True)
    client.force_login(admin)
    return admin


def test_the_forms_ask_only_for_what_a_person_record_holds(client, administrator):
    person = User.objects.create_user(email="jo@test.example", full_name="Jo Bloggs")
    for url in (
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_users:edit", args=[person.pk]),
    ):
        page = client.get(url)
        assert page.status_code == 200
        assert 'name="full_name"' in page.text
        assert 'name="job_title"' in page.text
        assert 'name="first_name"' not in page.text
        assert 'name="last_name"' not in page.text


def test_an_administrator_adds_a_person_with_one_full_name(client, administrator):
    organisation = OrganisationFactory()
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "aoife@test.example",
            "full_name": "Aoife Ní Bhriain",
            "job_title": "Pharmacy technician",
            "band": "4",
            "registration_number": "",
            "organisation": organisation.pk,
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
            "groups": [Group.objects.get(name="Trainee").pk],
        },
    )
    assert response.status_code == 302, response.text[:3000]
    person = User.objects.get(email="aoife@test.example")
    assert person.full_name == "Aoife Ní Bhriain"
    assert person.band == 4
    assert person.organisation == organisation
    assert person.check_password("a-long-enough-passphrase")
    assert list(person.groups.values_list("name", flat=True)) == ["Trainee"]


def test_an_administrator_edits_a_person_without_inventing_names(client, administrator):
    person = User.objects.create_user(email="jo@test.example", full_name="Jo Bloggs")
    response = client.post(
        reverse("wagtailusers_users:edit", args=[person.pk]),
        {
            "email": "jo@test.example",
            "full_name": "Jo Bloggs-Smith",
            "job_title": "Senior pharmacy technician",
            "band": "5",
            "registration_number": "GPhC 2071234",
            "organisation": "",
            "is_active": "on",
            "password1": "",
            "password2": "",
        },
    )
    assert response.status_code == 302, response.text[:3000]
    person.refresh_from_db()
    assert person.full_name == "Jo Bloggs-Smith"
    assert person.job_title == "Senior pharmacy technician"
    assert person.registration_number == "GPhC 2071234"
    assert person.is_active
