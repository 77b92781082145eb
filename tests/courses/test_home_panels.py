"""What the e-learning shows on the home page: the trainee's next lesson or the
assessment after the last one, and content work for editors and moderators."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import AuditFinding, ReviewRequest
from courses.services import complete_lesson, enrol_trainee
from tests.factories.academy import CompetencyFactory
from tests.factories.assessments import make_bank, make_settings
from tests.factories.courses import make_module

pytestmark = pytest.mark.django_db


def home(client) -> str:
    html = client.get("/").content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_the_trainee_continues_with_the_lesson_they_left_off_at(
    client, trainee, module, lessons
):
    enrol_trainee(trainee, module=module)
    complete_lesson(trainee, lesson=lessons[0].specific)
    client.force_login(trainee)

    page = home(client)

    assert f"{module.title}: lesson 2 of 3." in page
    assert f'href="{lessons[1].url}"' in page
    assert f"Continue: {lessons[1].title}" in page
    assert client.get(lessons[1].url).status_code == 200


def test_after_the_last_lesson_the_assessment_is_next(client, trainee, area_page):
    competency = CompetencyFactory(requires_knowledge=True)
    module = make_module(area_page, lessons=2, competencies=[competency])
    make_bank(module, competency=competency)
    make_settings(module)
    enrol_trainee(trainee, module=module)
    for lesson in module.get_children().specific():
        complete_lesson(trainee, lesson=lesson)
    client.force_login(trainee)

    page = home(client)

    assessment = reverse("assessments:module_assessment", args=[module.pk])
    assert "every lesson done, the knowledge assessment is next" in page
    assert f'href="{assessment}"' in page
    assert f"Take the assessment: {module.title}" in page


def test_with_nothing_in_progress_the_catalogue_is_next(client, trainee, catalogue):
    client.force_login(trainee)

    page = home(client)

    assert "You have no module in progress." in page
    assert f'href="{catalogue.url}"' in page
    assert "Find a module in the catalogue" in page
    assert f'href="{reverse("courses:my_learning")}"' in page


def test_the_continue_panel_is_for_trainees_only(client, make_user, module):
    client.force_login(make_user("Trainer"))

    assert "Continue learning" not in home(client)


@pytest.fixture
def flagged(area_page, make_user):
    """A module due for review owned by an editor, and one flagged by a finding."""
    editor = make_user("TSET editor")
    due = make_module(
        area_page,
        lessons=1,
        content_owner=editor,
        next_review_date=timezone.localdate() + datetime.timedelta(days=10),
    )
    competency = CompetencyFactory()
    other = make_module(area_page, lessons=1, competencies=[competency])
    finding = AuditFinding.objects.create(
        reference="MHRA-2026-01",
        source="mhra",
        found_on=timezone.localdate(),
        summary="Glove changes not recorded.",
    )
    ReviewRequest.objects.create(
        module=other, finding=finding, requested_at=timezone.now()
    )
    return editor, due


def summary_value(page: str, key: str) -> str:
    row = page[page.index(key) :]
    return row[row.index("__value") : row.index("</dd>")].split(">", 1)[1].strip()


def test_an_editor_sees_their_content_work_with_links_into_the_admin(
    client, flagged, area_page
):
    editor, due = flagged
    make_module(  # due, but someone else's
        area_page,
        lessons=1,
        next_review_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    due.get_workflow().start(due, editor)
    client.force_login(editor)

    page = home(client)

    assert "Content you edit" in page
    assert summary_value(page, "Submitted, awaiting review") == "1"
    assert summary_value(page, "Your modules due for review") == "1"
    assert summary_value(page, "Flagged by audit findings") == "1"
    for url in (
        reverse("wagtailadmin_home"),
        reverse("courses_due_for_review"),
        reverse("courses_review_requested"),
        reverse("wagtailsnippets_courses_auditfinding:list"),
    ):
        assert f'href="{url}"' in page
        assert client.get(url).status_code == 200, url


def test_a_moderator_sees_what_awaits_their_review(client, flagged, make_user):
    editor, due = flagged
    due.get_workflow().start(due, editor)
    moderator = make_user("TSET moderator")
    client.force_login(moderator)

    page = home(client)

    assert "Content to review" in page
    assert summary_value(page, "Awaiting your review") == "1"
    assert summary_value(page, "Modules due for review") == "1"
    assert summary_value(page, "Flagged by audit findings") == "1"
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(reverse("courses_review_requested")).status_code == 200


def test_an_administrator_sees_the_content_review_panel(client, flagged, make_user):
    admin = make_user()
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)

    page = home(client)

    assert "Administration" in page
    assert summary_value(page, "Modules due for review") == "1"
