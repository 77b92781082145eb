"""No dead ends from lesson to assessment: the last lesson leads on to the module's
assessment, the module reads that its lessons are complete and the assessment is to do
until it is passed, and outline modules are "Coming soon" and refuse enrolment."""

import random

import pytest
from django.urls import reverse

from assessments.knowledge.services import start_attempt, submit_attempt
from courses.models import Enrolment, LessonProgress
from courses.progress import ModuleStatus
from courses.queries.cards import module_cards
from courses.queries.learning import my_modules
from courses.services import ModuleComingSoon, complete_lesson, enrol_trainee
from tests.assessments.conftest import right_answers
from tests.factories.academy import CompetencyFactory
from tests.factories.assessments import make_bank, make_settings
from tests.factories.courses import make_module

pytestmark = pytest.mark.django_db

TO_DO = ModuleStatus.ASSESSMENT_TO_DO


@pytest.fixture
def assessed(module):
    """The module has a knowledge assessment with a bank of questions."""
    competency = CompetencyFactory(requires_knowledge=True)
    make_bank(module, competency=competency)
    return make_settings(module)


def _assessment_url(module) -> str:
    return reverse("assessments:module_assessment", args=[module.pk])


def _complete(trainee, lessons):
    for lesson in lessons:
        complete_lesson(trainee, lesson=lesson)


def _pass(trainee, module):
    attempt = start_attempt(trainee, module=module, rng=random.Random(5))
    return submit_attempt(attempt, responses=right_answers(attempt))


# The last lesson leads on to the assessment.


def test_the_last_lesson_links_on_to_the_assessment(
    client, trainee, module, lessons, assessed
):
    client.force_login(trainee)
    body = client.get(lessons[-1].url).text
    # "Next" goes to the assessment, never back to the lesson or its module.
    assert (
        f'<a class="nhsuk-pagination__link nhsuk-pagination__link--next" '
        f'href="{_assessment_url(module)}">'
    ) in body
    assert "Knowledge assessment</span>" in body
    assert "Back to module" not in body
    # The action link appears once the lessons are all done.
    assert "Take the assessment" not in body
    _complete(trainee, lessons)
    body = client.get(lessons[-1].url).text
    assert f'<a class="nhsuk-action-link" href="{_assessment_url(module)}">' in body
    assert "Take the assessment" in body


def test_the_next_link_of_no_lesson_is_the_lesson_itself(
    client, trainee, module, lessons, assessed
):
    client.force_login(trainee)
    for lesson in lessons:
        body = client.get(lesson.url).text
        next_link = body.split("nhsuk-pagination__link--next", 1)[1].split('"')[2]
        assert next_link != lesson.url


def test_without_an_assessment_the_last_lesson_leads_back_to_the_module(
    client, trainee, module, lessons
):
    client.force_login(trainee)
    _complete(trainee, lessons)
    body = client.get(lessons[-1].url).text
    assert "Back to module" in body
    assert "Take the assessment" not in body


def test_after_a_pass_the_last_lesson_offers_no_assessment_to_take(
    client, trainee, module, lessons, assessed
):
    _complete(trainee, lessons)
    _pass(trainee, module)
    client.force_login(trainee)
    assert "Take the assessment" not in client.get(lessons[-1].url).text


def test_completing_the_last_lesson_goes_on_to_the_assessment(
    client, trainee, module, lessons, assessed
):
    client.force_login(trainee)
    _complete(trainee, lessons[:-1])
    response = client.post(reverse("courses:complete_lesson", args=[lessons[-1].pk]))
    assert response.url == _assessment_url(module)
    page = client.get(response.url)
    assert "You have completed every lesson" in page.text
    assert "Start the assessment" in page.text


def test_completing_the_last_lesson_with_one_skipped_goes_to_the_skipped_one(
    client, trainee, module, lessons, assessed
):
    client.force_login(trainee)
    complete_lesson(trainee, lesson=lessons[0])
    response = client.post(reverse("courses:complete_lesson", args=[lessons[-1].pk]))
    assert response.url == lessons[1].url


def test_completing_a_lesson_skips_lessons_already_done(
    client, trainee, module, lessons
):
    client.force_login(trainee)
    complete_lesson(trainee, lesson=lessons[1])
    response = client.post(reverse("courses:complete_lesson", args=[lessons[0].pk]))
    assert response.url == lessons[2].url


def test_completing_the_last_lesson_without_an_assessment_goes_to_the_module(
    client, trainee, module, lessons
):
    client.force_login(trainee)
    _complete(trainee, lessons[:-1])
    response = client.post(reverse("courses:complete_lesson", args=[lessons[-1].pk]))
    assert response.url == module.url
    assert ModuleStatus.COMPLETED in client.get(module.url).text


# Lessons complete, assessment to do: until the pass.


def test_the_module_reads_assessment_to_do_until_passed(
    client, trainee, module, lessons, assessed
):
    client.force_login(trainee)
    _complete(trainee, lessons)
    body = client.get(module.url).text
    assert f'<strong class="nhsuk-tag nhsuk-tag--yellow">{TO_DO}</strong>' in body
    assert ">Completed</strong>" not in body
    assert f'<a class="nhsuk-action-link" href="{_assessment_url(module)}">' in body
    in_progress, completed = my_modules(trainee)
    assert [card.status for card in in_progress] == [TO_DO]
    assert completed == []

    _pass(trainee, module)
    body = client.get(module.url).text
    assert '<strong class="nhsuk-tag nhsuk-tag--green">Completed</strong>' in body
    assert TO_DO not in body
    assert "Take the assessment" not in body
    assert "You have passed this module's knowledge assessment" in body
    in_progress, completed = my_modules(trainee)
    assert in_progress == []
    assert [card.status for card in completed] == [ModuleStatus.COMPLETED]


def test_my_learning_lists_a_module_with_its_assessment_to_do_as_in_progress(
    client, trainee, module, lessons, assessed
):
    _complete(trainee, lessons)
    client.force_login(trainee)
    body = client.get(reverse("courses:my_learning")).text
    in_progress = body.split("<h2>In progress</h2>", 1)[1].split("<h2>Completed", 1)[0]
    assert module.title in in_progress
    assert TO_DO in in_progress


def test_the_catalogue_shows_the_same_words(
    client, trainee, catalogue, module, lessons, assessed
):
    _complete(trainee, lessons)
    client.force_login(trainee)
    assert TO_DO in client.get(catalogue.url).text


def test_the_assessment_still_unlocks_when_the_lessons_are_done(
    trainee, module, lessons, assessed
):
    """The assessment's own rule reads the lessons, not the module's status."""
    _complete(trainee, lessons)
    (card,) = module_cards([module], trainee=trainee)
    assert card.lessons_complete
    assert not card.complete
    assert start_attempt(trainee, module=module).is_open


# Outline modules: "Coming soon", no enrolment.


@pytest.fixture
def outline(area_page):
    return make_module(area_page, lessons=0)


def test_an_outline_module_refuses_enrolment(trainee, outline):
    with pytest.raises(ModuleComingSoon, match="coming soon"):
        enrol_trainee(trainee, module=outline)
    assert not Enrolment.objects.exists()


def test_opening_an_outline_module_says_coming_soon_and_enrols_nobody(
    client, trainee, outline
):
    client.force_login(trainee)
    response = client.get(outline.url)
    assert response.status_code == 200
    assert '<strong class="nhsuk-tag nhsuk-tag--white">Coming soon</strong>' in (
        response.text
    )
    assert "you cannot enrol on it yet" in response.text
    assert "Not started" not in response.text
    assert "In progress" not in response.text
    assert not Enrolment.objects.exists()
    assert my_modules(trainee) == ([], [])


def test_an_outline_module_is_coming_soon_in_the_catalogue_for_everyone(
    client, trainee, catalogue, outline
):
    for signed_in in (False, True):
        if signed_in:
            client.force_login(trainee)
        body = client.get(catalogue.url).text
        card = body.split(outline.title, 1)[1].split('<div class="nhsuk-card', 1)[0]
        assert '<strong class="nhsuk-tag nhsuk-tag--white">Coming soon</strong>' in card
        assert "0 lessons" not in card


def test_a_module_whose_lessons_are_published_can_be_enrolled_on(
    client, trainee, outline
):
    from tests.factories.courses import make_lesson

    lesson = make_lesson(outline)
    enrol_trainee(trainee, module=outline)
    complete_lesson(trainee, lesson=lesson)
    assert LessonProgress.objects.filter(trainee=trainee).count() == 1
