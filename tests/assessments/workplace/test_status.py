"""One rule for how a workplace assessment's state reads: the same words and tag colour
on its own page and on the trainee's home page."""

import pytest
from django.urls import reverse

from assessments.models import AssessmentStatus, Outcome
from assessments.workplace.evidence import add_evidence
from assessments.workplace.services.request import (
    request_sign_off,
    start_workplace_assessment,
)
from assessments.workplace.status import StatusTag, status_tag
from tests.factories.workplace import pdf_upload

pytestmark = pytest.mark.django_db

STATES = [
    (AssessmentStatus.DRAFT, "", StatusTag("Collecting evidence", "grey")),
    (AssessmentStatus.REQUESTED, "", StatusTag("Waiting for sign-off", "blue")),
    (
        AssessmentStatus.AWAITING_COUNTERSIGN,
        Outcome.COMPETENT,
        StatusTag("Waiting for countersignature", "yellow"),
    ),
    (
        AssessmentStatus.COMPLETE,
        Outcome.COMPETENT,
        StatusTag("Signed: competent", "green"),
    ),
    (
        AssessmentStatus.COMPLETE,
        Outcome.NOT_YET_COMPETENT,
        StatusTag("Signed: not yet competent", "orange"),
    ),
]


@pytest.mark.parametrize(("status", "outcome", "tag"), STATES)
def test_each_state_has_one_wording_and_colour(status, outcome, tag):
    from assessments.models import WorkplaceAssessment

    assert status_tag(WorkplaceAssessment(status=status, outcome=outcome)) == tag


def test_the_home_page_and_the_assessment_page_show_the_same_tag(client, workplace):
    draft = start_workplace_assessment(
        trainee=workplace.trainee, competency=workplace.competency
    )
    add_evidence(assessment=draft, uploaded_by=workplace.trainee, upload=pdf_upload())
    requested = request_sign_off(
        assessment=draft, assessor=workplace.trainer, reflection="I was observed."
    )
    # Held for a countersignature: the state whose colour used to differ.
    type(requested).objects.filter(pk=requested.pk).update(
        status=AssessmentStatus.AWAITING_COUNTERSIGN, outcome=Outcome.COMPETENT
    )
    client.force_login(workplace.trainee)
    tag = (
        '<strong class="nhsuk-tag nhsuk-tag--yellow">'
        "Waiting for countersignature</strong>"
    )

    page = client.get(
        reverse("assessments:workplace_assessment", args=[requested.pk])
    ).content.decode()
    home = client.get("/").content.decode()

    assert tag in page
    assert tag in " ".join(home.split())
