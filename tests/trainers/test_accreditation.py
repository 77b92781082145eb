"""A training lead accredits any member of their staff as an assessor: someone who is
not yet a trainer is given the Trainer role by that act, audited; nobody else may."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from academy.models import AuditEvent
from trainers import services
from trainers.models import Accreditation
from trainers.permissions import can_assess

TODAY = timezone.localdate


def grant(network, **overrides):
    fields = {
        "person": network.stranger,
        "granted_by": network.lead,
        "areas": [network.aseptic],
        "band_from": 2,
        "band_to": 6,
        "starts_on": TODAY(),
        "expires_on": TODAY() + timedelta(days=365),
        "reason": "Completed local assessor training.",
    }
    return services.grant_accreditation(**{**fields, **overrides})


def _form_data(network, person):
    return {
        "person": person.pk,
        "areas": [network.aseptic.pk],
        "band_from": 2,
        "band_to": 6,
        "starts_on": TODAY().isoformat(),
        "expires_on": (TODAY() + timedelta(days=365)).isoformat(),
        "reason": "Completed local assessor training.",
    }


def test_accrediting_someone_who_is_not_a_trainer_grants_the_role_audited(network):
    person = network.stranger
    assert not person.groups.filter(name="Trainer").exists()

    accreditation = grant(network)

    assert person.groups.filter(name="Trainer").exists()
    event = AuditEvent.objects.get(action="trainers.trainer_role_granted")
    assert event.actor == network.lead
    assert event.object_id == str(person.pk)
    assert event.details == {"accreditation": accreditation.pk}
    assert AuditEvent.objects.filter(action="trainers.accreditation_granted").exists()


def test_the_new_assessor_can_then_be_assigned_and_assess(network):
    grant(network)
    services.assign_trainer(
        trainer=network.stranger, trainee=network.trainee, assigned_by=network.lead
    )
    assert can_assess(network.stranger, network.trainee, network.competency)


def test_an_existing_trainer_keeps_one_role_and_no_role_event(network):
    grant(network, person=network.trainer)
    assert network.trainer.groups.filter(name="Trainer").count() == 1
    assert not AuditEvent.objects.filter(
        action="trainers.trainer_role_granted"
    ).exists()


@pytest.mark.parametrize("granted_by", ["far_lead", "trainer", "trainee"])
def test_nobody_but_the_persons_lead_grants_and_no_role_is_given(network, granted_by):
    with pytest.raises(ValidationError, match="training lead"):
        grant(network, granted_by=getattr(network, granted_by))
    assert not network.stranger.groups.filter(name="Trainer").exists()
    assert not Accreditation.objects.exists()
    assert not AuditEvent.objects.filter(
        action__in=["trainers.trainer_role_granted", "trainers.accreditation_granted"]
    ).exists()


def test_a_refused_grant_gives_no_role(network):
    with pytest.raises(ValidationError, match="reason"):
        grant(network, reason=" ")
    assert not network.stranger.groups.filter(name="Trainer").exists()


def test_the_form_offers_every_member_of_staff_but_the_lead(client, network):
    client.force_login(network.lead)
    url = reverse("trainers:grant_accreditation", args=[network.home.pk])
    page = client.get(url).content.decode()
    select = re.search(r'<select name="person".*?</select>', page, re.S).group()
    offered = {int(pk) for pk in re.findall(r'value="(\d+)"', select)}
    assert offered == {network.stranger.pk, network.trainee.pk, network.trainer.pk}


def test_the_lead_accredits_a_member_of_staff_through_the_form(client, network):
    client.force_login(network.lead)
    url = reverse("trainers:grant_accreditation", args=[network.home.pk])
    response = client.post(url, _form_data(network, network.stranger))
    assert response.status_code == 302
    assert network.stranger.groups.filter(name="Trainer").exists()
    page = client.get(response.url).content.decode()
    assert f"{network.stranger} now has the Trainer role." in page


def test_someone_from_another_organisation_cannot_be_chosen(client, network):
    client.force_login(network.lead)
    url = reverse("trainers:grant_accreditation", args=[network.home.pk])
    response = client.post(url, _form_data(network, network.far_trainer))
    body = response.content.decode()
    assert response.status_code == 200
    assert f"Choose a member of staff who works at {network.home.name}" in body
    assert not Accreditation.objects.exists()


def test_another_organisations_lead_gets_404_and_nothing_changes(client, network):
    client.force_login(network.far_lead)
    url = reverse("trainers:grant_accreditation", args=[network.home.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, _form_data(network, network.stranger)).status_code == 404
    assert not Accreditation.objects.exists()
    assert not network.stranger.groups.filter(name="Trainer").exists()
