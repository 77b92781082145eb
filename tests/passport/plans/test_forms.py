from datetime import timedelta

import pytest
from django.utils import timezone

from passport.models import TrainingPlan


@pytest.mark.parametrize("huge", [str(2**63), str(2**64), str(-(2**63) - 1)])
def test_plan_assignment_with_a_huge_competency_id_is_a_form_error(
    client, network, huge
):
    """Django asked the database, which overflowed: a server error, not a message."""
    client.force_login(network.lead)
    due = (timezone.localdate() + timedelta(days=60)).isoformat()

    response = client.post(
        f"/passport/trainees/{network.trainee.pk}/plan/",
        {"competencies": [network.competency.pk, huge], "due_on": due},
    )

    assert response.status_code == 200
    assert "Choose competencies from the framework" in response.content.decode()
    assert not TrainingPlan.objects.filter(trainee=network.trainee).exists()
