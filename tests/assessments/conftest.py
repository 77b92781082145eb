from types import SimpleNamespace

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
    from demo.assessments import correct_responses

    return correct_responses(attempt)


def option_values(attempt) -> dict[int, str]:
    """Option id -> the opaque value the attempt's page posts for it."""
    from assessments.knowledge.forms import option_value

    return {
        option["id"]: option_value(option)
        for question in attempt.snapshot["questions"]
        for option in question["options"]
    }


def posted(responses: dict, attempt) -> dict:
    """Responses as the attempt's answer sheet posts them: q-<id> fields, option values."""
    values = option_values(attempt)
    data = {}
    for key, value in responses.items():
        data[f"q-{key}"] = (
            [values[v] for v in value] if isinstance(value, list) else value
        )
    return data


@pytest.fixture
def workplace(db, make_user):
    """A trainee of Northshire with a planned ASP competency, supervised by an
    accredited trainer; the checklist is published."""
    from academy.models import Organisation
    from tests.factories.academy import CompetencyFactory, OrganisationFactory
    from tests.factories.passport import TrainingPlanItemFactory
    from tests.factories.trainers import AccreditationFactory, SupervisionFactory
    from tests.factories.workplace import make_template
    from trainers.permissions import sync_record_access

    organisation: Organisation = OrganisationFactory()
    trainee = make_user("Trainee", band=3, organisation=organisation)
    trainer = make_user("Trainer", band=6, organisation=organisation)
    competency = CompetencyFactory(requires_workplace_assessment=True)
    TrainingPlanItemFactory(plan__trainee=trainee, competency=competency)
    AccreditationFactory(person=trainer, areas=[competency.area])
    SupervisionFactory(trainer=trainer, trainee=trainee)
    sync_record_access(user=trainer, trainee=trainee)
    template = make_template(competency)
    return SimpleNamespace(
        organisation=organisation,
        trainee=trainee,
        trainer=trainer,
        competency=competency,
        template=template,
    )


# Process validations: a supervising, accredited trainer and an operator.
from tests.factories.validations import validators  # noqa: E402, F401
from tests.trainers.conftest import network  # noqa: E402, F401
