"""The trainee record, as a trainer, mentor or training lead sees it: breadcrumbs back
the way they came, e-learning progress, knowledge assessment results and workplace
assessments; others still get 404."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from assessments.knowledge.services import start_attempt, submit_attempt
from assessments.trainee_record import knowledge_results_of
from assessments.workplace.evidence import add_evidence
from assessments.workplace.services.request import (
    request_sign_off,
    start_workplace_assessment,
)
from courses.models import LessonPage
from courses.services import complete_lesson, enrol_trainee
from demo.assessments import correct_responses
from tests.factories.academy import CompetencyFactory
from tests.factories.assessments import make_bank, make_settings
from tests.factories.courses import make_area_page, make_catalogue, make_module
from tests.factories.passport import TrainingPlanItemFactory
from tests.factories.trainers import AccreditationFactory, DirectoryProfileFactory
from tests.factories.workplace import make_template, pdf_upload
from trainers import services


def record_url(trainee):
    return reverse("trainers:trainee_record", args=[trainee.pk])


def crumbs(page: str) -> list[str]:
    nav = re.search(r'<nav class="nhsuk-breadcrumb".*?</nav>', page, re.S).group()
    return re.findall(r'class="nhsuk-breadcrumb__link" href="[^"]*">([^<]+)<', nav)


@pytest.fixture
def supervised(network):
    services.assign_trainer(
        trainer=network.trainer, trainee=network.trainee, assigned_by=network.lead
    )
    return network


@pytest.fixture
def learning(supervised, site_root):
    """The trainee has done one of two lessons of a module, and passed after failing
    the knowledge assessment of another."""
    competency = CompetencyFactory(requires_knowledge=True, area=supervised.aseptic)
    area_page = make_area_page(make_catalogue(site_root), supervised.aseptic)
    started = make_module(area_page, lessons=2, title="Gowning for grade A")
    enrol_trainee(supervised.trainee, module=started)
    complete_lesson(
        supervised.trainee, lesson=LessonPage.objects.child_of(started).first()
    )
    assessed = make_module(
        area_page, lessons=1, competencies=[competency], title="Aseptic technique"
    )
    make_bank(assessed, competency=competency)
    make_settings(assessed, cooldown_minutes=0)
    for lesson in LessonPage.objects.child_of(assessed):
        complete_lesson(supervised.trainee, lesson=lesson)
    submit_attempt(start_attempt(supervised.trainee, module=assessed), responses={})
    attempt = start_attempt(supervised.trainee, module=assessed)
    submit_attempt(attempt, responses=correct_responses(attempt))
    return started, assessed


def test_the_lead_comes_back_through_the_organisation(client, network):
    client.force_login(network.lead)
    page = client.get(record_url(network.trainee)).content.decode()
    assert crumbs(page) == ["Home", network.home.name]


def test_a_trainer_comes_back_through_their_dashboard(client, supervised):
    client.force_login(supervised.trainer)
    page = client.get(record_url(supervised.trainee)).content.decode()
    assert crumbs(page) == ["Home", "Trainer dashboard"]


def test_a_mentor_comes_back_through_mentoring(client, network):
    DirectoryProfileFactory(person=network.mentor)
    mentorship = services.request_mentorship(
        mentee=network.trainee, mentor=network.mentor, message="Help"
    )
    services.accept_mentorship(mentorship=mentorship, by=network.mentor)
    client.force_login(network.mentor)
    page = client.get(record_url(network.trainee)).content.decode()
    assert crumbs(page) == ["Home", "Mentoring"]


def test_the_record_shows_e_learning_progress_and_knowledge_results(
    client, supervised, learning
):
    client.force_login(supervised.trainer)
    page = client.get(record_url(supervised.trainee)).content.decode()
    elearning = page[page.index("<h2>E-learning</h2>") :]
    assert "Gowning for grade A" in elearning
    assert "1 of 2" in elearning
    assert "In progress" in elearning
    knowledge = page[page.index("<h2>Knowledge assessments</h2>") :]
    row = re.search(r"Aseptic technique.*?</tr>", knowledge, re.S).group()
    assert "Passed" in row
    assert "100%" in row
    assert "(2 attempts)" in row


def test_knowledge_results_are_the_latest_attempt_per_module(supervised, learning):
    [result] = knowledge_results_of(supervised.trainee)
    assert result.module_title == "Aseptic technique"
    assert result.attempts == 2
    assert result.passed
    assert result.latest_passed
    assert result.latest_percent == 100


def test_the_record_lists_workplace_assessments_linked(client, supervised):
    competency = CompetencyFactory(area=supervised.aseptic)
    TrainingPlanItemFactory(plan__trainee=supervised.trainee, competency=competency)
    AccreditationFactory(person=supervised.trainer, areas=[supervised.aseptic])
    make_template(competency)
    assessment = start_workplace_assessment(
        trainee=supervised.trainee, competency=competency
    )
    add_evidence(
        assessment=assessment, uploaded_by=supervised.trainee, upload=pdf_upload()
    )
    request_sign_off(
        assessment=assessment, assessor=supervised.trainer, reflection="Observed."
    )
    client.force_login(supervised.lead)
    page = client.get(record_url(supervised.trainee)).content.decode()
    workplace = page[page.index("<h2>Workplace assessments</h2>") :]
    link = reverse("assessments:workplace_assessment", args=[assessment.pk])
    assert f'href="{link}"' in workplace
    assert "Waiting for sign-off" in workplace
    assert supervised.trainer.full_name in workplace
    caption = f"Workplace assessments of {escape(supervised.trainee.full_name)}"
    assert f"{caption}</caption>" in workplace


def test_the_record_says_when_there_is_nothing_yet(client, network):
    client.force_login(network.lead)
    page = client.get(record_url(network.trainee)).content.decode()
    name = network.trainee.full_name
    assert f"{name} has not started an e-learning module yet." in page
    assert f"{name} has not taken a knowledge assessment yet." in page
    assert f"{name} has no workplace assessments yet." in page


def test_panels_come_in_order_plan_knowledge_workplace(client, network):
    client.force_login(network.lead)
    page = client.get(record_url(network.trainee)).content.decode()
    headings = re.findall(r"<h2>([^<]+)</h2>", page)
    wanted = [
        "E-learning",
        "Training plan",
        "Knowledge assessments",
        "Workplace assessments",
    ]
    assert [h for h in headings if h in wanted] == wanted


def test_the_record_runs_a_bounded_number_of_queries(
    client, supervised, learning, django_assert_max_num_queries
):
    client.force_login(supervised.trainer)
    with django_assert_max_num_queries(60):
        response = client.get(record_url(supervised.trainee))
    assert response.status_code == 200


def test_others_still_get_404(client, supervised, learning):
    for outsider in (
        supervised.neighbour_trainer,
        supervised.far_lead,
        supervised.stranger,
    ):
        client.force_login(outsider)
        response = client.get(record_url(supervised.trainee))
        assert response.status_code == 404
        assert "Aseptic technique" not in response.content.decode()
