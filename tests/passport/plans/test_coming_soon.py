"""Competencies whose e-learning is coming soon (every module teaching them is an
outline, with no published lesson) are never put in a training plan: chosen, they are
refused with a form error; in a pathway, they are left out and named."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from academy.models import AuditEvent
from courses.queries.catalogue import competencies_awaiting_elearning
from passport.models import TrainingPlan, TrainingPlanItem
from passport.plans.services import assign_training_plan
from tests.factories.academy import CompetencyFactory
from tests.factories.courses import (
    make_area_page,
    make_catalogue,
    make_lesson,
    make_module,
)

pytestmark = pytest.mark.django_db

DUE = timezone.localdate() + timedelta(days=60)


@pytest.fixture
def area_page(site_root, network):
    return make_area_page(make_catalogue(site_root), network.aseptic)


def knowledge_competency(network, **fields):
    values = {"area": network.aseptic, "band_from": 2, "band_to": 4}
    return CompetencyFactory(
        requires_knowledge=True, requires_workplace_assessment=False, **values | fields
    )


@pytest.fixture
def outline_taught(network, area_page):
    """A competency needing a knowledge assessment, taught only by an outline."""
    competency = knowledge_competency(network)
    make_module(area_page, lessons=0, competencies=[competency])
    return competency


@pytest.fixture
def lesson_taught(network, area_page):
    competency = knowledge_competency(network)
    make_module(area_page, lessons=2, competencies=[competency])
    return competency


def test_only_competencies_whose_assessment_cannot_be_taken_are_waiting(
    network, area_page, outline_taught, lesson_taught
):
    workplace_only = CompetencyFactory(area=network.aseptic)
    make_module(area_page, lessons=0, competencies=[workplace_only])
    untaught = knowledge_competency(network)
    both = knowledge_competency(network)
    make_module(area_page, lessons=0, competencies=[both])
    make_module(area_page, lessons=1, competencies=[both])
    draft_only = knowledge_competency(network)
    draft = make_lesson(make_module(area_page, lessons=0, competencies=[draft_only]))
    draft.unpublish()

    ids = [c.pk for c in (outline_taught, lesson_taught, workplace_only)]
    ids += [untaught.pk, both.pk, draft_only.pk]
    assert competencies_awaiting_elearning(ids) == {
        outline_taught.pk,
        untaught.pk,
        draft_only.pk,
    }
    assert competencies_awaiting_elearning([]) == set()


def test_a_chosen_competency_coming_soon_is_refused(network, outline_taught):
    with pytest.raises(ValidationError, match="cannot be planned yet") as refused:
        assign_training_plan(
            trainee=network.trainee,
            assigned_by=network.lead,
            due_on=DUE,
            competencies=[network.competency, outline_taught],
        )
    assert outline_taught.code in str(refused.value)
    assert refused.value.code == "coming_soon"
    assert not TrainingPlanItem.objects.exists()


def test_a_pathway_leaves_out_what_is_coming_soon_and_names_it(
    network, outline_taught, lesson_taught
):
    result = assign_training_plan(
        trainee=network.trainee,
        assigned_by=network.lead,
        due_on=DUE,
        area=network.aseptic,
        band=3,
    )
    planned = {item.competency for item in result.plan.items.all()}
    assert planned == {network.competency, lesson_taught}
    assert result.coming_soon == (outline_taught,)
    event = AuditEvent.objects.filter(action="passport.training_plan_assigned").last()
    assert event.details["coming_soon"] == [outline_taught.code]


def test_a_pathway_with_nothing_that_can_be_planned_is_refused(network, outline_taught):
    network.competency.delete()
    with pytest.raises(ValidationError, match="cannot be planned yet"):
        assign_training_plan(
            trainee=network.trainee,
            assigned_by=network.lead,
            due_on=DUE,
            area=network.aseptic,
            band=3,
        )
    assert not TrainingPlanItem.objects.exists()


def test_the_plan_form_refuses_a_competency_coming_soon(
    client, network, outline_taught
):
    client.force_login(network.lead)
    response = client.post(
        f"/passport/trainees/{network.trainee.pk}/plan/",
        {
            "competencies": [network.competency.pk, outline_taught.pk],
            "due_on": DUE.isoformat(),
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert f"{outline_taught.code} {outline_taught.title} cannot be planned yet" in body
    assert not TrainingPlan.objects.filter(trainee=network.trainee).exists()


def test_the_plan_page_says_which_pathway_competencies_were_left_out(
    client, network, outline_taught
):
    client.force_login(network.lead)
    response = client.post(
        f"/passport/trainees/{network.trainee.pk}/plan/",
        {"area": network.aseptic.pk, "band": 3, "due_on": DUE.isoformat()},
        follow=True,
    )
    body = response.content.decode()
    assert (
        f"Not added, because their e-learning is coming soon: {outline_taught.code}."
    ) in body
    assert list(
        TrainingPlanItem.objects.values_list("competency__code", flat=True)
    ) == [network.competency.code]


def test_the_demo_plans_nothing_whose_e_learning_is_coming_soon(demo_data):
    planned = set(
        TrainingPlanItem.objects.filter(
            plan__trainee__email__endswith="@academy.example"
        ).values_list("competency_id", flat=True)
    )
    assert planned
    assert competencies_awaiting_elearning(planned) == set()
