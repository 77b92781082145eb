"""The lesson page: its shared body cache, per-trainee progress and view restrictions."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from courses.models import LessonPage
from courses.services import complete_lesson, mark_training_impacting_change
from tests.factories.courses import make_module

pytestmark = pytest.mark.django_db


def editor_request(client, make_user):
    """A request from a signed-in editor, as the admin's preview view would pass on."""
    client.force_login(make_user("TSET editor"))
    session = client.cookies["sessionid"].value
    return RequestFactory().get("/", HTTP_COOKIE=f"sessionid={session}")


def publish_body(lesson: LessonPage, text: str, *, publish: bool = True):
    lesson = LessonPage.objects.get(pk=lesson.pk)
    lesson.body = [{"type": "richtext", "value": f"<p>{text}</p>"}]
    revision = lesson.save_revision()
    if publish:
        revision.publish()
    return revision


def test_a_new_published_revision_replaces_the_cached_body(client, trainee, lessons):
    client.force_login(trainee)
    lesson = lessons[0]
    assert "Content of lesson" in client.get(lesson.url).text  # now cached

    publish_body(lesson, "Hold the vial below the first air.")

    text = client.get(lesson.url).text
    assert "Hold the vial below the first air." in text
    assert "Content of lesson" not in text


def test_a_draft_leaves_the_live_lesson_alone_and_previews_afresh(
    client, trainee, make_user, lessons
):
    client.force_login(trainee)
    lesson = lessons[0]
    client.get(lesson.url)

    revision = publish_body(lesson, "Draft wording, not yet approved.", publish=False)

    assert "Draft wording" not in client.get(lesson.url).text
    preview = revision.as_object().make_preview_request(
        original_request=editor_request(client, make_user)
    )
    assert "Draft wording, not yet approved." in preview.content.decode()
    client.force_login(trainee)
    assert "Draft wording" not in client.get(lesson.url).text


def test_preview_of_a_lesson_never_published_takes_its_place_in_the_module(
    client, module, lessons, make_user
):
    draft = LessonPage(
        title="Draft lesson",
        slug="draft-lesson",
        live=False,
        body=[{"type": "richtext", "value": "<p>Not published.</p>"}],
    )
    module.add_child(instance=draft)

    response = draft.make_preview_request(
        original_request=editor_request(client, make_user)
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "Not published." in text
    assert "lesson 4 of 4" in text


def test_progress_on_a_cached_lesson_stays_with_its_trainee(
    client, trainee, make_user, lessons
):
    other = make_user("Trainee")
    lesson = lessons[0]
    complete_lesson(trainee, lesson=lesson)

    client.force_login(trainee)
    mine = client.get(lesson.url).text
    client.force_login(other)
    theirs = client.get(lesson.url).text

    assert "Completed" in mine
    assert "Mark as complete" not in mine
    assert "Mark as complete" in theirs
    assert "Completed</strong>" not in theirs
    assert trainee.full_name not in theirs
    assert other.full_name in theirs


def test_review_required_after_a_training_impacting_change(
    client, trainee, make_user, lessons
):
    moderator = make_user("TSET moderator")
    other = make_user("Trainee")
    lesson = lessons[0]
    complete_lesson(trainee, lesson=lesson)
    client.force_login(trainee)
    client.get(lesson.url)

    publish_body(lesson, "Use a new sterile wipe for each vial.")
    lesson = LessonPage.objects.get(pk=lesson.pk)
    mark_training_impacting_change(
        lesson=lesson, summary="New wipe rule", marked_by=moderator
    )

    text = client.get(lesson.url).text
    assert "Updated: review required" in text
    assert "Use a new sterile wipe for each vial." in text
    assert "Mark as complete" in text
    client.force_login(other)
    assert "Updated: review required" not in client.get(lesson.url).text

    client.force_login(trainee)
    client.post(reverse("courses:complete_lesson", args=[lesson.pk]))
    text = client.get(lesson.url).text
    assert "Updated: review required" not in text
    assert "Completed" in text


def test_breadcrumbs_and_lesson_navigation(client, trainee, catalogue, module, lessons):
    client.force_login(trainee)

    text = client.get(lessons[1].url).text

    for page in (catalogue, module):
        assert f'href="{page.url}">{page.title}</a>' in text
    assert "lesson 2 of 3" in text
    assert lessons[0].url in text
    assert lessons[2].url in text


def test_login_restriction_above_a_public_lesson_is_enforced(client, area_page):
    public = make_module(area_page, lessons=1, is_public=True)
    lesson = public.get_children().first()
    assert client.get(lesson.url).status_code == 200

    PageViewRestriction.objects.create(
        page=area_page, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(lesson.url)
    assert response.status_code == 302
    assert "login" in response.url or "sign-in" in response.url


def test_password_restriction_on_a_module_is_enforced(client, trainee, module, lessons):
    PageViewRestriction.objects.create(
        page=module, restriction_type=PageViewRestriction.PASSWORD, password="x1"
    )
    client.force_login(trainee)

    response = client.get(lessons[0].url)

    assert response.status_code == 200
    assert "Content of lesson" not in response.text
    assert 'name="password"' in response.text


def test_group_restriction_on_a_lesson_is_enforced(client, trainee, lessons):
    from django.contrib.auth.models import Group

    restriction = PageViewRestriction.objects.create(
        page=lessons[0], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Trainer"))
    client.force_login(trainee)

    response = client.get(lessons[0].url)

    assert response.status_code == 302
    assert client.get(lessons[1].url).status_code == 200


def test_signed_in_lesson_page_runs_few_queries(client, trainee, lessons):
    """Session, user, the lesson (the site comes from the cache), its outline, the
    trainee's marks and the header's role lookup."""
    complete_lesson(trainee, lesson=lessons[0])
    client.force_login(trainee)
    client.get(lessons[1].url)

    with CaptureQueriesContext(connection) as captured:
        response = client.get(lessons[1].url)

    assert response.status_code == 200
    assert len(captured) <= 6, [query["sql"][:80] for query in captured]
