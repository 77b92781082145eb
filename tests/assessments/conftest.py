import pytest

from courses.services import complete_lesson
from tests.factories.academy import CompetencyFactory
from tests.factories.assessments import make_bank, make_settings
from tests.factories.courses import make_area_page, make_catalogue, make_module


@pytest.fixture
def competency(db):
    return CompetencyFactory(requires_knowledge=True)


@pytest.fixture
def module(site_root, competency):
    area_page = make_area_page(make_catalogue(site_root))
    return make_module(area_page, lessons=2, competencies=[competency])


@pytest.fixture
def bank(module, competency):
    return make_bank(module, competency=competency)


@pytest.fixture
def assessment_settings(module, bank):
    return make_settings(module)


@pytest.fixture
def ready_trainee(trainee, module):
    """A trainee who has completed every lesson of the module."""
    from courses.models import LessonPage

    for lesson in LessonPage.objects.live().child_of(module):
        complete_lesson(trainee, lesson=lesson)
    return trainee


def right_answers(attempt) -> dict:
    from assessments.demo import correct_responses

    return correct_responses(attempt)


def posted(responses: dict) -> dict:
    """Responses as the answer sheet posts them: q-<id> fields."""
    data = {}
    for key, value in responses.items():
        data[f"q-{key}"] = [str(v) for v in value] if isinstance(value, list) else value
    return data
