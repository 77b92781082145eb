"""Published e-learning pages for tests: catalogue → area → module → lessons."""

import datetime
import itertools

from django.utils import timezone
from wagtail.models import Page

from academy.models import Competency, SpecialistArea, User
from courses.models import (
    CareerPathwayPage,
    CataloguePage,
    LessonPage,
    ModuleCompetency,
    ModulePage,
    SpecialistAreaIndexPage,
)
from tests.factories.academy import SpecialistAreaFactory

_numbers = itertools.count(1)


def publish(parent: Page, page: Page, *, user: User | None = None) -> Page:
    page.live = False
    parent.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


def make_catalogue(site_root) -> CataloguePage:
    existing = CataloguePage.objects.first()
    if existing:
        return existing
    return publish(site_root, CataloguePage(title="Catalogue", slug="courses"))


def make_area_page(catalogue, area: SpecialistArea | None = None):
    area = area or SpecialistAreaFactory()
    existing = SpecialistAreaIndexPage.objects.filter(area=area).first()
    if existing:
        return existing
    return publish(
        catalogue, SpecialistAreaIndexPage(title=area.name, slug=area.slug, area=area)
    )


def make_module(
    area_page: SpecialistAreaIndexPage,
    *,
    lessons: int = 3,
    competencies: list[Competency] = (),
    user: User | None = None,
    **fields,
) -> ModulePage:
    number = next(_numbers)
    values = {
        "title": f"Module {number}",
        "slug": f"module-{number}",
        "summary": f"Summary of module {number}.",
        "learning_outcomes": "<ul><li>Do the thing safely</li></ul>",
        "area": area_page.area,
        "band_from": 2,
        "band_to": 5,
        "estimated_minutes": 30,
        "next_review_date": timezone.localdate() + datetime.timedelta(days=200),
        **fields,
    }
    module = ModulePage(**values)
    module.covered_competencies = [
        ModuleCompetency(competency=competency) for competency in competencies
    ]
    publish(area_page, module, user=user)
    for index in range(lessons):
        make_lesson(module, title=f"Lesson {index + 1} of module {number}")
    return module


def make_lesson(module: ModulePage, *, title: str = "", body=None) -> LessonPage:
    number = next(_numbers)
    lesson = LessonPage(
        title=title or f"Lesson {number}",
        slug=f"lesson-{number}",
        body=body
        or [{"type": "richtext", "value": f"<p>Content of lesson {number}.</p>"}],
    )
    return publish(module, lesson)


def make_pathway(area_page: SpecialistAreaIndexPage, *, band: int = 3):
    return publish(
        area_page,
        CareerPathwayPage(
            title=f"{area_page.area.name}: Band {band}",
            slug=f"band-{band}",
            band=band,
            typical_job_titles="Pharmacy technician",
            role_purpose="<p>Prepares medicines.</p>",
            ksf_dimensions=[
                {"type": "dimension", "value": {"dimension": "Quality", "level": 2}}
            ],
        ),
    )
