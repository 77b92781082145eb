"""Pages run a fixed number of queries, whatever the number of modules, lessons and people."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.services import complete_lesson, enrol_trainee
from tests.factories.courses import make_lesson, make_module, make_pathway

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    client.get(url)  # warm: enrolment on first visit, site root cache
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def grow(area_page, trainee, make_user, *, modules: int, lessons: int) -> None:
    """More modules, lessons, enrolments, progress and other people's progress."""
    others = [make_user("Trainee") for _ in range(2)]
    for _ in range(modules):
        module = make_module(area_page, lessons=lessons)
        enrol_trainee(trainee, module=module)
        for lesson in module.get_children().specific():
            complete_lesson(trainee, lesson=lesson)
            for other in others:
                complete_lesson(other, lesson=lesson)


@pytest.mark.parametrize(
    "page_name", ["catalogue", "module", "lesson", "my_learning", "pathway", "area"]
)
def test_page_queries_do_not_grow_with_data(
    client, trainee, make_user, catalogue, area_page, page_name
):
    module = make_module(area_page, lessons=2)
    lesson = module.get_children().first().specific
    complete_lesson(trainee, lesson=lesson)
    pathway = make_pathway(area_page, band=3)
    urls = {
        "catalogue": catalogue.url,
        "module": module.url,
        "lesson": lesson.url,
        "my_learning": reverse("courses:my_learning"),
        "pathway": pathway.url,
        "area": area_page.url,
    }
    client.force_login(trainee)
    small = queries(client, urls[page_name])

    grow(area_page, trainee, make_user, modules=3, lessons=3)
    make_module(area_page, lessons=0)
    for extra in range(3):
        make_lesson(module, title=f"Extra lesson {extra}")

    large = queries(client, urls[page_name])
    assert large == small, f"{page_name}: {small} queries grew to {large}"
