"""The workplace forms' error summaries: each link leads to the first input of its
field (the first radio of a group), in page order, with every problem, the signing
password's included, reported in one round."""

import pytest
from django.urls import reverse

from academy.models import AuditEvent
from assessments.models import AssessmentStatus
from assessments.workplace.evidence import add_evidence
from assessments.workplace.services.request import (
    request_sign_off,
    start_workplace_assessment,
)
from tests.conftest import PASSWORD
from tests.error_summary import assert_error_summary_leads_to_inputs
from tests.factories.workplace import pdf_upload


@pytest.fixture
def draft(workplace):
    return start_workplace_assessment(
        trainee=workplace.trainee, competency=workplace.competency
    )


@pytest.fixture
def requested(workplace, draft):
    add_evidence(assessment=draft, uploaded_by=workplace.trainee, upload=pdf_upload())
    return request_sign_off(
        assessment=draft, assessor=workplace.trainer, reflection="Went well."
    )


def url(name, *args):
    return reverse(f"assessments:{name}", args=args)


def test_an_empty_sign_off_lists_every_problem_in_page_order(
    client, workplace, requested
):
    client.force_login(workplace.trainer)
    response = client.post(url("workplace_sign", requested.pk), {})
    assert response.status_code == 400
    links = assert_error_summary_leads_to_inputs(response.content.decode())
    targets = [target for target, _ in links]
    positions = [c.position for c in requested.criteria.all()]
    assert targets == [
        *(f"id_result_{position}_0" for position in positions),
        "id_outcome_0",
        "id_password",
    ]


def test_a_wrong_password_is_reported_with_the_other_problems(
    client, workplace, requested
):
    client.force_login(workplace.trainer)
    data = {"outcome": "not_yet_competent", "password": "wrong", "action_plan": ""}
    response = client.post(url("workplace_sign", requested.pk), data)
    assert response.status_code == 400
    links = assert_error_summary_leads_to_inputs(response.content.decode())
    messages = dict(links)
    assert messages["id_action_plan"] == "Write the action plan for the trainee."
    assert messages["id_password"] == "The password you entered is not correct."
    assert AuditEvent.objects.filter(action="academy.signature_rejected").count() == 1
    requested.refresh_from_db()
    assert requested.status == AssessmentStatus.REQUESTED


def test_the_right_password_with_other_problems_signs_nothing(
    client, workplace, requested
):
    client.force_login(workplace.trainer)
    response = client.post(url("workplace_sign", requested.pk), {"password": PASSWORD})
    assert response.status_code == 400
    links = dict(assert_error_summary_leads_to_inputs(response.content.decode()))
    assert "id_password" not in links
    assert not AuditEvent.objects.filter(action="academy.signature_rejected").exists()
    requested.refresh_from_db()
    assert requested.status == AssessmentStatus.REQUESTED


def test_the_trainees_forms_lead_to_their_inputs(client, workplace, draft):
    client.force_login(workplace.trainee)
    upload = client.post(url("workplace_upload", draft.pk), {})
    assert [
        t for t, _ in assert_error_summary_leads_to_inputs(upload.content.decode())
    ] == ["id_file"]
    request = client.post(url("workplace_request", draft.pk), {})
    assert [
        t for t, _ in assert_error_summary_leads_to_inputs(request.content.decode())
    ] == ["id_reflection", "id_assessor"]


def test_countersign_and_correction_lead_to_their_inputs(client, workplace, requested):
    client.force_login(workplace.trainer)
    data = {"outcome": "competent", "password": PASSWORD, "action_plan": ""}
    for criterion in requested.criteria.all():
        data[f"result_{criterion.position}"] = "met"
    assert client.post(url("workplace_sign", requested.pk), data).status_code == 302
    correction = client.post(url("workplace_correct", requested.pk), {})
    assert [
        t for t, _ in assert_error_summary_leads_to_inputs(correction.content.decode())
    ] == ["id_reason"]
