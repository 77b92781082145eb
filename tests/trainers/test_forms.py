"""An id larger than any database key, sent in a multi-select, is a form error."""

from datetime import timedelta

import pytest
from django.utils import timezone

from trainers.models import Accreditation, DirectoryProfile

HUGE = [str(2**63), str(2**64), str(-(2**63) - 1), "9" * 40]


@pytest.mark.parametrize("huge", HUGE)
def test_directory_entry_with_a_huge_area_id_is_a_form_error(client, network, huge):
    client.force_login(network.mentor)

    response = client.post(
        "/network/directory/my-entry/",
        {"listed": "on", "expertise": [network.aseptic.pk, huge]},
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not DirectoryProfile.objects.filter(
        person=network.mentor, listed=True
    ).exists()


@pytest.mark.parametrize("field", ["competencies", "areas"])
def test_accreditation_with_a_huge_id_is_a_form_error(client, network, field):
    client.force_login(network.lead)
    today = timezone.localdate()

    response = client.post(
        f"/network/organisations/{network.home.pk}/accredit/",
        {
            "person": network.trainer.pk,
            field: [str(2**64)],
            "band_from": 2,
            "band_to": 6,
            "starts_on": today.isoformat(),
            "expires_on": (today + timedelta(days=365)).isoformat(),
            "reason": "Assessor course",
        },
    )

    assert response.status_code == 200
    assert "<title>Error:" in response.content.decode()
    assert not Accreditation.objects.exists()


def test_directory_filters_and_entries_with_a_huge_id_are_not_server_errors(
    client, network
):
    client.force_login(network.trainee)

    filtered = client.get("/network/directory/", {"area": str(2**64)})
    entry = client.get(f"/network/directory/{2**64}/")

    assert filtered.status_code == 200
    assert entry.status_code == 404
