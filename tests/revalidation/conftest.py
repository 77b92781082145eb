from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import LessonPage
from courses.services import complete_lesson
from revalidation.models import RevalidationStandard
from revalidation.services import start_revalidation_year
from tests.factories.academy import UserFactory
from tests.factories.courses import make_area_page, make_catalogue, make_module


@pytest.fixture
def registrant(db):
    return UserFactory(
        full_name="Ada Registrant", registration_number="5012345", roles=["Trainee"]
    )


@pytest.fixture
def year(registrant):
    """A year closing in 100 days: it began about 265 days ago."""
    today = timezone.localdate()
    return start_revalidation_year(
        registrant, renewal_date=today + timedelta(days=100), today=today
    )


@pytest.fixture
def standards(db):
    today = timezone.localdate()
    return [
        RevalidationStandard.objects.create(
            code=f"Standard {number}",
            title=title,
            applies_from=today - timedelta(days=400),
        )
        for number, title in (
            (1, "Provide person-centred care"),
            (2, "Work in partnership with others"),
        )
    ]


@pytest.fixture
def finished_module(site_root, registrant):
    """A module of one lesson the registrant has completed today."""
    module = make_module(
        make_area_page(make_catalogue(site_root)), lessons=1, title="Aseptic gowning"
    )
    for lesson in LessonPage.objects.live().child_of(module):
        complete_lesson(registrant, lesson=lesson)
    return module
