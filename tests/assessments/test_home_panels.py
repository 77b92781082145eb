"""What assessment shows on the home page: a trainee's plan items due with their next
step and their sign-off requests; a trainer's sign-off queue and validations due."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import KnowledgeRequirementMet, ValidationKind
from assessments.next_steps import next_steps
from assessments.validations.services import record_validation
from assessments.workplace.evidence import add_evidence
from assessments.workplace.services.request import (
    request_sign_off,
    start_workplace_assessment,
)
from courses.services import complete_lesson
from tests.conftest import PASSWORD
from tests.factories.academy import CompetencyFactory
from tests.factories.assessments import make_settings
from tests.factories.courses import make_area_page, make_catalogue, make_module
from tests.factories.passport import TrainingPlanItemFactory
from tests.factories.validations import broth, gowning
from tests.factories.workplace import pdf_upload

pytestmark = pytest.mark.django_db


def home(client) -> str:
    html = client.get("/").content.decode()
    return html[html.index("<main") : html.index("</main>")]


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def area_page(site_root):
    return make_area_page(make_catalogue(site_root))


def test_plan_items_due_show_their_status_and_next_step(client, workplace, area_page):
    trainee = workplace.trainee
    knowledge = CompetencyFactory(
        requires_knowledge=True, requires_workplace_assessment=False
    )
    module = make_module(area_page, lessons=2, competencies=[knowledge])
    TrainingPlanItemFactory(
        plan=trainee.training_plan, competency=knowledge, due_on=days(-3)
    )
    later = TrainingPlanItemFactory(plan=trainee.training_plan, due_on=days(90))
    client.force_login(trainee)

    page = home(client)

    panel = page[page.index("Training plan: what is due") :]
    panel = panel[: panel.index("Your whole training plan")]
    assert "1 overdue, 1 due in the next 30 days." in panel
    assert panel.index(knowledge.code) < panel.index(workplace.competency.code)
    assert '<strong class="nhsuk-tag nhsuk-tag--red">Overdue</strong>' in panel
    assert f"Was due {days(-3):%-d %B %Y}" in panel
    assert f'<a href="{module.url}">Start {module.title}' in panel
    workplace_page = reverse("assessments:workplace")
    assert f'<a href="{workplace_page}">Start a workplace assessment' in panel
    assert later.competency.code not in panel
    assert client.get(module.url).status_code == 200
    assert client.get(workplace_page).status_code == 200


def test_the_next_step_follows_the_trainee_through_each_requirement(
    workplace, area_page
):
    trainee = workplace.trainee
    both = CompetencyFactory(
        requires_knowledge=True, requires_workplace_assessment=True
    )
    module = make_module(area_page, lessons=1, competencies=[both])
    make_settings(module)
    validation = CompetencyFactory(
        requires_workplace_assessment=False, requires_process_validation=True
    )

    def step(competency):
        return next_steps(trainee, [competency])[competency.pk]

    assert step(both).label == f"Start {module.title}"
    complete_lesson(trainee, lesson=module.get_children().first().specific)
    assert step(both).label == f"Take the assessment: {module.title}"
    assert step(both).url == reverse("assessments:module_assessment", args=[module.pk])
    assert step(validation).url == reverse("assessments:my_validations")

    draft = start_workplace_assessment(trainee=trainee, competency=workplace.competency)
    assert step(workplace.competency).label == "Add evidence and request sign-off"
    assert step(workplace.competency).url == reverse(
        "assessments:workplace_assessment", args=[draft.pk]
    )
    add_evidence(assessment=draft, uploaded_by=trainee, upload=pdf_upload())
    request_sign_off(assessment=draft, assessor=workplace.trainer, reflection="Done.")
    assert step(workplace.competency).label == "See your sign-off request"


def test_a_passed_knowledge_assessment_moves_the_next_step_on(
    ready_trainee, module, competency, assessment_settings
):
    from assessments.knowledge.services import start_attempt, submit_attempt
    from tests.assessments.conftest import right_answers

    competency.requires_workplace_assessment = True
    competency.save()
    assert next_steps(ready_trainee, [competency])[competency.pk].label == (
        f"Take the assessment: {module.title}"
    )
    attempt = start_attempt(ready_trainee, module=module)
    submit_attempt(attempt, responses=right_answers(attempt))
    assert KnowledgeRequirementMet.objects.filter(
        trainee=ready_trainee, competency=competency
    ).exists()

    step = next_steps(ready_trainee, [competency])[competency.pk]

    assert step.label == "Start a workplace assessment"


@pytest.fixture
def requested(workplace):
    draft = start_workplace_assessment(
        trainee=workplace.trainee, competency=workplace.competency
    )
    add_evidence(assessment=draft, uploaded_by=workplace.trainee, upload=pdf_upload())
    return request_sign_off(
        assessment=draft, assessor=workplace.trainer, reflection="I washed my hands."
    )


def test_a_trainee_sees_their_sign_off_requests_and_their_state(
    client, workplace, requested
):
    client.force_login(workplace.trainee)

    page = home(client)

    panel = page[page.index("Workplace sign-off") :]
    url = reverse("assessments:workplace_assessment", args=[requested.pk])
    assert f'<a href="{url}">{workplace.competency.code}' in panel
    assert "Waiting for sign-off" in panel
    assert f"Asked of {workplace.trainer.full_name}" in panel
    for link in ("workplace", "my_assessments", "my_validations"):
        assert f'href="{reverse(f"assessments:{link}")}"' in panel
    assert client.get(url).status_code == 200


def test_a_trainer_sees_the_queue_count_and_its_oldest_request(
    client, workplace, requested
):
    client.force_login(workplace.trainer)

    page = home(client)

    sign = reverse("assessments:workplace_sign", args=[requested.pk])
    assert "1 request waiting for your sign-off." in page
    assert f'<a href="{sign}">{workplace.trainee.full_name}: ' in page
    assert f'href="{reverse("assessments:sign_off_queue")}"' in page
    assert client.get(sign).status_code == 200


def test_a_trainer_with_an_empty_queue_is_told_so(client, workplace):
    client.force_login(workplace.trainer)

    assert "0 requests waiting for your sign-off." in home(client)


def test_a_trainer_sees_the_validations_their_trainees_have_due(client, validators):
    n = validators
    record_validation(
        operator=n.trainee,
        kind=ValidationKind.GOWNING,
        recorded_by=n.trainer,
        result=gowning(340),
        password=PASSWORD,
    )
    record_validation(
        operator=n.trainee,
        kind=ValidationKind.BROTH_TRANSFER,
        recorded_by=n.trainer,
        result=broth(20),
        password=PASSWORD,
    )
    client.force_login(n.trainer)

    page = home(client)

    panel = page[page.index("Process validations due") :]
    record = reverse("trainers:trainee_record", args=[n.trainee.pk])
    assert "2 validations of your trainees need a result recorded." in panel
    assert (
        f'<a href="{record}">{n.trainee.full_name}</a>: Gowning qualification, qualified until'
        in panel
    )
    assert (
        "Broth transfer validation, not qualified: 2 more consecutive passes needed"
        in panel
    )
    assert client.get(record).status_code == 200
