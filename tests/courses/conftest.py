import pytest

from tests.factories.courses import make_area_page, make_catalogue, make_module


@pytest.fixture
def catalogue(site_root):
    return make_catalogue(site_root)


@pytest.fixture
def area_page(catalogue):
    return make_area_page(catalogue)


@pytest.fixture
def module(area_page):
    return make_module(area_page, lessons=3)


@pytest.fixture
def lessons(module):
    from courses.models import LessonPage

    return list(LessonPage.objects.child_of(module).order_by("path"))
