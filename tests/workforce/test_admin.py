"""Administrators appoint and remove regional and national TSET leads in the Wagtail
admin, through the services, every change audited; nobody else may."""

import pytest
from django.urls import reverse

from academy.models import AuditEvent
from tests.factories.academy import OrganisationFactory
from workforce import policies, services
from workforce.models import RegionalLeadRole

LEADS = reverse("workforce_leads")
APPOINT_REGIONAL = reverse("workforce_appoint_regional_lead")
APPOINT_NATIONAL = reverse("workforce_appoint_national_lead")


@pytest.fixture
def admin(make_user):
    return make_user(full_name="Ada Admin", is_superuser=True, is_staff=True)


@pytest.fixture
def person(make_user):
    OrganisationFactory(name="Eastfield", region="North West")
    OrganisationFactory(name="Thames", region="London")
    return make_user(full_name="Rhona Regional", email="rhona@example.nhs.uk")


def _actions():
    return list(
        AuditEvent.objects.filter(action__startswith="workforce.")
        .order_by("pk")
        .values_list("action", flat=True)
    )


def test_an_administrator_appoints_and_removes_a_regional_lead(client, admin, person):
    client.force_login(admin)
    page = client.get(LEADS)
    assert page.status_code == 200
    assert "London" in page.content.decode()  # the regions of the organisations
    assert (
        "Workforce leads" in client.get(reverse("wagtailadmin_home")).content.decode()
    )

    response = client.post(
        APPOINT_REGIONAL,
        {"regional-email": "RHONA@example.nhs.uk ", "regional-region": "North West"},
    )
    assert response.status_code == 302
    role = RegionalLeadRole.objects.get(person=person, ends_on=None)
    assert role.region == "North West"
    assert policies.scope_label(person) == "North West"
    page = client.get(LEADS).content.decode()
    assert "Rhona Regional is regional lead of North West." in page
    assert "Remove Rhona Regional as regional lead of North West" in page

    client.post(reverse("workforce_end_regional_lead", args=[role.pk]))
    role.refresh_from_db()
    assert role.ends_on is not None
    person = type(person).objects.get(pk=person.pk)
    assert not policies.may_see_dashboard(person)
    assert _actions() == [
        "workforce.regional_lead_appointed",
        "workforce.regional_lead_role_ended",
    ]
    event = AuditEvent.objects.get(action="workforce.regional_lead_appointed")
    assert event.actor == admin


def test_an_administrator_appoints_and_removes_a_national_lead(client, admin, person):
    client.force_login(admin)
    client.post(APPOINT_NATIONAL, {"national-email": "rhona@example.nhs.uk"})
    assert policies.scope_label(person) == "England"
    assert "Remove Rhona Regional as national TSET lead" in (
        client.get(LEADS).content.decode()
    )
    client.post(reverse("workforce_remove_national_lead", args=[person.pk]))
    person = type(person).objects.get(pk=person.pk)
    assert not policies.may_see_dashboard(person)
    assert _actions() == [
        "workforce.national_lead_appointed",
        "workforce.national_lead_removed",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"regional-email": "nobody@example.nhs.uk", "regional-region": "London"},
            "No active account has the e-mail address nobody@example.nhs.uk",
        ),
        (
            {"regional-email": "rhona@example.nhs.uk", "regional-region": ""},
            "Choose the region the regional lead will lead",
        ),
        (
            {"regional-email": "rhona@example.nhs.uk", "regional-region": "Narnia"},
            "Choose a region from the list",
        ),
        (
            {"regional-email": "", "regional-region": "London"},
            "Enter the e-mail address of the person to appoint",
        ),
    ],
)
def test_bad_input_is_named_and_nothing_is_stored(client, admin, person, data, message):
    client.force_login(admin)
    response = client.post(APPOINT_REGIONAL, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not RegionalLeadRole.objects.exists()
    assert not _actions()


def test_an_unknown_national_lead_is_named_and_nothing_is_stored(client, admin, person):
    client.force_login(admin)
    response = client.post(APPOINT_NATIONAL, {"national-email": "x@example.nhs.uk"})
    assert "No active account has the e-mail address x@example.nhs.uk" in (
        response.content.decode()
    )
    assert not _actions()


def test_only_administrators_may_appoint_leads(client, make_user, person):
    editor = make_user("TSET editor", is_staff=True)
    client.force_login(editor)
    assert client.get(LEADS).status_code != 200
    assert "Workforce leads" not in (
        client.get(reverse("wagtailadmin_home")).content.decode()
    )
    client.post(
        APPOINT_REGIONAL,
        {"regional-email": "rhona@example.nhs.uk", "regional-region": "London"},
    )
    client.post(APPOINT_NATIONAL, {"national-email": "rhona@example.nhs.uk"})
    assert not RegionalLeadRole.objects.exists()
    assert not policies.may_see_dashboard(person)


def test_the_service_refuses_a_regional_lead_without_a_region(person):
    with pytest.raises(services.LeadAppointmentError, match="Choose the region"):
        services.appoint_regional_lead(person=person, region="  ")
    assert not RegionalLeadRole.objects.exists()


def test_appointing_a_lead_to_another_region_ends_the_first_role(admin, person):
    services.appoint_regional_lead(person=person, region="London", appointed_by=admin)
    services.appoint_regional_lead(
        person=person, region="North West", appointed_by=admin
    )
    london, north_west = RegionalLeadRole.objects.order_by("pk")
    assert (london.region, north_west.region) == ("London", "North West")
    assert london.ends_on is not None
    assert north_west.ends_on is None
    assert _actions() == [
        "workforce.regional_lead_appointed",
        "workforce.regional_lead_role_ended",
        "workforce.regional_lead_appointed",
    ]
