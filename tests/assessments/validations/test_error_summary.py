"""The result forms' error summaries: each link leads to its input (the first radio
of a result), in page order, and a wrong signing password is reported in the same
round as the other problems."""

import pytest
from django.urls import reverse

from academy.models import AuditEvent
from assessments.models import ProcessValidation, ValidationKind
from tests.error_summary import assert_error_summary_leads_to_inputs


def record_url(n, kind):
    return reverse("assessments:record_validation", args=[n.trainee.pk, kind])


@pytest.mark.parametrize("kind", ValidationKind.values)
def test_every_problem_leads_to_its_input_in_page_order(client, validators, kind):
    client.force_login(validators.trainer)
    response = client.post(record_url(validators, kind), {"password": "wrong"})
    assert response.status_code == 200
    links = assert_error_summary_leads_to_inputs(response.content.decode())
    targets = [target for target, _ in links]
    assert targets[-1] == "id_password"
    assert dict(links)["id_password"] == "The password you entered is not correct."
    if kind == ValidationKind.BROTH_TRANSFER:
        assert "id_passed_0" in targets
    if kind == ValidationKind.GOWNING:
        assert "id_visual_passed_0" in targets
    assert AuditEvent.objects.filter(action="academy.signature_rejected").count() == 1
    assert not ProcessValidation.objects.exists()


def test_a_missing_password_is_one_more_problem(client, validators):
    client.force_login(validators.trainer)
    response = client.post(
        record_url(validators, ValidationKind.BROTH_TRANSFER), {"kit": "Kit"}
    )
    links = dict(assert_error_summary_leads_to_inputs(response.content.decode()))
    assert links["id_password"] == "Enter your password to sign the result"
    assert not AuditEvent.objects.filter(action="academy.signature_rejected").exists()
