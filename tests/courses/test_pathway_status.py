"""What other apps add to course pages through hooks: the trainee's status against each
competency of a career pathway (passport) and the way to a module's assessment
(assessments)."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from academy.models import RevalidationKind
from courses.services import complete_lesson
from passport.competences.queries import pathway_status_label
from passport.competences.services import award_competence
from passport.models import TrainingPlan, TrainingPlanItem
from tests.factories.academy import CompetencyFactory
from tests.factories.assessments import make_settings
from tests.factories.courses import make_pathway

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("held", "due", "label"),
    [
        ("current", None, "Valid"),
        ("expiring", TODAY, "Expiring soon"),
        ("suspended", None, "Suspended"),
        ("revoked", date(2027, 3, 1), "In your plan: due 1 March 2027"),
        ("revoked", None, "Revoked"),
        (None, date(2027, 3, 1), "In your plan: due 1 March 2027"),
        (None, date(2026, 11, 16), "In your plan: overdue since 16 November 2026"),
        (None, TODAY, "In your plan: due 23 November 2026"),
        (None, None, "Not started"),
    ],
)
def test_what_is_held_comes_first_then_the_plan(held, due, label):
    assert pathway_status_label(held_status=held, plan_due_on=due, today=TODAY) == label


def competencies(area):
    return [
        CompetencyFactory(
            area=area,
            band_from=2,
            band_to=4,
            title=title,
            revalidation_kind=RevalidationKind.EVERY,
            revalidation_months=12,
        )
        for title in ("Held one", "Expired one", "Planned one", "Untouched one")
    ]


def plan(trainee, competency, *, due_on):
    item_plan, _ = TrainingPlan.objects.get_or_create(trainee=trainee)
    TrainingPlanItem.objects.create(
        plan=item_plan, competency=competency, added_by=trainee, due_on=due_on
    )


def test_pathway_page_shows_the_trainees_status_against_each_competency(
    client, trainee, area_page
):
    held, expired, planned, _ = competencies(area_page.area)
    today = timezone.localdate()
    for competency, achieved_on in ((held, today), (expired, date(2020, 1, 1))):
        award_competence(
            holder=trainee,
            competency=competency,
            achieved_on=achieved_on,
            evidence={},
            awarded_by=None,
        )
    due = today + timedelta(days=40)
    plan(trainee, planned, due_on=due)
    pathway = make_pathway(area_page, band=3)
    client.force_login(trainee)
    page = client.get(pathway.url).content.decode()
    assert "Your status" in page
    assert "Valid" in page
    assert "Expired" in page
    assert f"In your plan: due {due.day} {due:%B %Y}" in page
    assert "Not started" in page


def test_pathway_page_shows_no_status_when_signed_out(client, area_page):
    competencies(area_page.area)
    page = client.get(make_pathway(area_page, band=3).url).content.decode()
    assert "Your status" not in page


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_pathway_status_queries_do_not_grow(client, trainee, area_page):
    pathway = make_pathway(area_page, band=3)
    first = competencies(area_page.area)
    client.force_login(trainee)
    small = _queries(client, pathway.url)
    for competency in [*first, *competencies(area_page.area)]:
        award_competence(
            holder=trainee,
            competency=competency,
            achieved_on=timezone.localdate(),
            evidence={},
            awarded_by=None,
        )
    assert _queries(client, pathway.url) == small


def test_module_page_says_the_assessment_unlocks_after_every_lesson(
    client, trainee, module, lessons
):
    make_settings(module)
    client.force_login(trainee)
    page = client.get(module.url).content.decode()
    assert "It unlocks when you have completed all the lessons" in page
    assert "Take the assessment" not in page

    for lesson in lessons:
        complete_lesson(trainee, lesson=lesson)
    page = client.get(module.url).content.decode()
    assert "Take the assessment" in page
    assert reverse("assessments:module_assessment", args=[module.pk]) in page


def test_module_without_an_assessment_mentions_none(client, trainee, module):
    client.force_login(trainee)
    page = client.get(module.url).content.decode()
    assert "Take the assessment" not in page
    assert "knowledge assessment" not in page
