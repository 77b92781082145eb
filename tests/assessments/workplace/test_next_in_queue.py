"""After signing a workplace assessment, the assessor sees an NHS.UK confirmation panel
and the next request waiting in their queue (or that none is waiting); the page is
theirs alone."""

import re

import pytest
from django.urls import reverse

from assessments.models import AssessmentStatus
from assessments.workplace.evidence import add_evidence
from assessments.workplace.services.request import (
    request_sign_off,
    start_workplace_assessment,
)
from tests.conftest import PASSWORD
from tests.factories.academy import CompetencyFactory
from tests.factories.passport import TrainingPlanItemFactory
from tests.factories.trainers import AccreditationFactory, SupervisionFactory
from tests.factories.workplace import make_template, pdf_upload
from trainers.permissions import sync_record_access


def _request(workplace, competency, *, trainee=None):
    trainee = trainee or workplace.trainee
    assessment = start_workplace_assessment(trainee=trainee, competency=competency)
    add_evidence(assessment=assessment, uploaded_by=trainee, upload=pdf_upload())
    return request_sign_off(
        assessment=assessment, assessor=workplace.trainer, reflection="Observed."
    )


@pytest.fixture
def requested(workplace):
    return _request(workplace, workplace.competency)


@pytest.fixture
def another_request(workplace):
    competency = CompetencyFactory(
        requires_workplace_assessment=True, area=workplace.competency.area
    )
    TrainingPlanItemFactory(plan=workplace.trainee.training_plan, competency=competency)
    make_template(competency)
    return _request(workplace, competency)


def sign_data(assessment, *, outcome="competent"):
    data = {"outcome": outcome, "password": PASSWORD, "action_plan": ""}
    if outcome != "competent":
        data["action_plan"] = "Practise the glove change again."
    for criterion in assessment.criteria.all():
        data[f"result_{criterion.position}"] = "met"
        data[f"comment_{criterion.position}"] = "Seen"
    return data


def sign(client, assessment, **kwargs):
    return client.post(
        reverse("assessments:workplace_sign", args=[assessment.pk]),
        sign_data(assessment, **kwargs),
    )


def signed_url(assessment):
    return reverse("assessments:workplace_signed", args=[assessment.pk])


def test_signing_leads_to_a_confirmation_panel_not_an_inset(
    client, workplace, requested
):
    client.force_login(workplace.trainer)
    response = sign(client, requested)
    assert response.status_code == 302
    assert response.url == signed_url(requested)

    page = client.get(response.url).content.decode()
    panel = re.search(r'<div class="nhsuk-panel">.*?</div>\s*</div>', page, re.S)
    assert panel is not None
    assert '<h1 class="nhsuk-panel__title">Assessment signed</h1>' in panel.group()
    assert "You have signed the assessment." in panel.group()
    assert "Competent" in panel.group()
    assert "nhsuk-inset-text" not in page
    assert "Signature verified" in page
    assert 'class="nhsuk-breadcrumb"' in page


def test_with_nothing_else_waiting_it_says_so(client, workplace, requested):
    client.force_login(workplace.trainer)
    page = client.get(sign(client, requested).url).content.decode()
    assert "No more requests waiting." in page
    assert reverse("assessments:sign_off_queue") in page


def test_the_next_request_waiting_is_linked(
    client, workplace, requested, another_request
):
    client.force_login(workplace.trainer)
    page = client.get(sign(client, requested).url).content.decode()
    next_part = page[page.index("Next in your queue") :]
    sign_next = reverse("assessments:workplace_sign", args=[another_request.pk])
    assert f'href="{sign_next}"' in next_part
    assert another_request.competency.code in next_part
    assert "No more requests waiting" not in page

    page = client.get(sign(client, another_request).url).content.decode()
    assert "No more requests waiting." in page


def test_the_oldest_waiting_request_comes_next(
    client, workplace, requested, another_request, make_user
):
    later = make_user("Trainee", band=3, organisation=workplace.organisation)
    TrainingPlanItemFactory(plan__trainee=later, competency=workplace.competency)
    SupervisionFactory(trainer=workplace.trainer, trainee=later)
    sync_record_access(user=workplace.trainer, trainee=later)
    newest = _request(workplace, workplace.competency, trainee=later)
    client.force_login(workplace.trainer)
    page = client.get(sign(client, requested).url).content.decode()
    next_part = page[page.index("Next in your queue") :]
    assert reverse("assessments:workplace_sign", args=[another_request.pk]) in next_part
    assert reverse("assessments:workplace_sign", args=[newest.pk]) not in next_part


def test_a_not_yet_competent_outcome_is_confirmed_too(client, workplace, requested):
    client.force_login(workplace.trainer)
    response = sign(client, requested, outcome="not_yet_competent")
    requested.refresh_from_db()
    assert requested.status == AssessmentStatus.COMPLETE
    page = client.get(response.url).content.decode()
    assert "Not yet competent" in page
    assert "and your action plan" in page


def test_a_wrong_password_stays_on_the_form(client, workplace, requested):
    client.force_login(workplace.trainer)
    data = sign_data(requested)
    data["password"] = "wrong"
    response = client.post(
        reverse("assessments:workplace_sign", args=[requested.pk]), data
    )
    assert response.status_code == 400
    assert "nhsuk-panel" not in response.content.decode()


def test_the_confirmation_is_the_signing_assessors_alone(
    client, workplace, requested, make_user
):
    url = signed_url(requested)
    client.force_login(workplace.trainer)
    assert client.get(url).status_code == 404  # not signed yet
    sign(client, requested)
    assert client.get(url).status_code == 200
    other = make_user("Trainer", organisation=workplace.organisation)
    AccreditationFactory(person=other, areas=[workplace.competency.area])
    for person in (workplace.trainee, other):
        client.force_login(person)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_a_missing_record_is_404(client, workplace):
    client.force_login(workplace.trainer)
    for pk in (0, 2**63):
        response = client.get(reverse("assessments:workplace_signed", args=[pk]))
        assert response.status_code == 404
