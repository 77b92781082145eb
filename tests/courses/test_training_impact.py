"""Training impact is decided with the change: the editor says, when submitting a
lesson to TSET review, whether it affects practice and what changed; the moderator
confirms or changes that when approving; trainees who completed the lesson before
see the lesson tagged "Updated: review required" with what changed in practice."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Workflow
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from courses.models import LessonPage, TrainingImpactingChange, TSETReviewTask
from courses.services import complete_lesson

pytestmark = pytest.mark.django_db

WIPES = "Wipe each vial septum with a new sterile wipe for 30 seconds."


@pytest.fixture
def moderator(make_user):
    return make_user("TSET moderator", full_name="Ruth Campbell")


@pytest.fixture
def editor(make_user):
    return make_user("TSET editor", full_name="Olu Adeyemi")


def edit_data(lesson, *, action="action-submit", **fields) -> dict:
    """The lesson's edit form as a browser posts it, with a changed body."""
    return nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "body": streamfield([("richtext", rich_text(f"<p>{WIPES}</p>"))]),
            "comments": inline_formset([]),
            action: "yes",
            **fields,
        }
    )


def edit_url(lesson):
    return reverse("wagtailadmin_pages:edit", args=[lesson.pk])


def submit(client, editor, lesson, **fields):
    client.force_login(editor)
    return client.post(edit_url(lesson), edit_data(lesson, **fields))


def action_url(lesson, action="approve"):
    lesson.refresh_from_db()
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=[lesson.pk, action, lesson.current_workflow_task_state.pk],
    )


def chosen(html: str) -> str:
    """The value of the checked "affects practice" radio."""
    radio = BeautifulSoup(html, "html.parser").select_one(
        'input[name="changes_practice"][checked]'
    )
    return radio["value"] if radio else ""


def messages_of(response) -> list[str]:
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def test_the_workflows_moderator_step_is_a_tset_review_task():
    workflow = Workflow.objects.get(name="TSET review")
    steps = [task.specific for task in workflow.tasks.all()]
    assert len(steps) == 1
    assert isinstance(steps[0], TSETReviewTask)
    assert list(steps[0].groups.values_list("name", flat=True)) == ["TSET moderator"]


def test_an_editor_marks_a_change_as_affecting_practice_when_submitting(
    client, lessons, editor, moderator, trainee
):
    lesson = lessons[0]
    complete_lesson(trainee, lesson=lesson)

    response = submit(
        client, editor, lesson, changes_practice="on", practice_change_summary=WIPES
    )
    assert response.status_code == 302, response.text[:3000]
    lesson.refresh_from_db()
    assert lesson.workflow_in_progress
    assert not TrainingImpactingChange.objects.exists()

    client.force_login(moderator)
    modal = client.get(action_url(lesson)).json()["html"]
    assert "The editor submitted this change as affecting practice." in modal
    assert chosen(modal) == "yes"
    assert WIPES in modal
    approved = client.post(
        action_url(lesson),
        {"changes_practice": "yes", "practice_change_summary": WIPES, "comment": ""},
    )
    assert approved.status_code == 302

    lesson = LessonPage.objects.get(pk=lesson.pk)
    change = TrainingImpactingChange.objects.get()
    assert change.revision_id == lesson.live_revision_id
    assert change.summary == WIPES
    assert change.marked_by == moderator

    client.force_login(trainee)
    page = client.get(lesson.url).text
    assert "Updated: review required" in page
    assert 'nhsuk-tag nhsuk-tag--orange">Updated: review required' in page
    assert f"What changed in practice:</strong> {WIPES}" in page


def test_a_change_marked_as_affecting_practice_needs_its_summary(
    client, lessons, editor
):
    response = submit(client, editor, lessons[0], changes_practice="on")
    assert response.status_code == 200
    assert "Say what changed in practice" in response.text
    lessons[0].refresh_from_db()
    assert not lessons[0].workflow_in_progress


def test_the_moderator_decides_a_change_does_not_affect_practice(
    client, lessons, editor, moderator, trainee
):
    lesson = lessons[0]
    complete_lesson(trainee, lesson=lesson)
    submit(client, editor, lesson, changes_practice="on", practice_change_summary=WIPES)

    client.force_login(moderator)
    client.post(action_url(lesson), {"changes_practice": "no", "comment": ""})

    assert LessonPage.objects.get(pk=lesson.pk).body.raw_data[0]["type"] == "richtext"
    assert not TrainingImpactingChange.objects.exists()
    client.force_login(trainee)
    assert "Updated: review required" not in client.get(lesson.url).text


def test_the_moderator_marks_a_change_the_editor_did_not(
    client, lessons, editor, moderator
):
    lesson = lessons[0]
    submit(client, editor, lesson)
    client.force_login(moderator)
    modal = client.get(action_url(lesson)).json()["html"]
    assert "The editor did not mark this change as affecting practice." in modal
    assert chosen(modal) == "no"

    refused = client.post(
        action_url(lesson),
        {"changes_practice": "yes", "practice_change_summary": ""},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert "Say what changed in practice" in refused.json()["html"]
    client.post(
        action_url(lesson),
        {"changes_practice": "yes", "practice_change_summary": WIPES},
    )
    assert TrainingImpactingChange.objects.get().summary == WIPES


def test_without_the_moderators_answer_the_editors_stands(
    client, lessons, editor, moderator
):
    lesson = lessons[0]
    submit(client, editor, lesson, changes_practice="on", practice_change_summary=WIPES)
    lesson.refresh_from_db()
    task_state = lesson.current_workflow_task_state

    task_state.task.specific.on_action(task_state, moderator, "approve")

    assert TrainingImpactingChange.objects.get().summary == WIPES


def test_each_change_is_judged_afresh(client, lessons, editor, moderator):
    lesson = lessons[0]
    submit(client, editor, lesson, changes_practice="on", practice_change_summary=WIPES)
    client.force_login(moderator)
    client.post(action_url(lesson), {"changes_practice": "yes", "comment": "ok",
                                     "practice_change_summary": WIPES})  # fmt: skip

    client.force_login(editor)
    form = BeautifulSoup(client.get(edit_url(lesson)).text, "html.parser")
    box = form.select_one('input[name="changes_practice"]')
    assert box is not None
    assert not box.has_attr("checked")
    assert (
        form.select_one('textarea[name="practice_change_summary"]').text.strip() == ""
    )
    assert LessonPage.objects.get(pk=lesson.pk).changes_practice  # as published


def test_a_moderator_publishing_directly_records_the_change(client, lessons, moderator):
    lesson = lessons[0]
    client.force_login(moderator)
    response = client.post(
        edit_url(lesson),
        edit_data(
            lesson,
            action="action-publish",
            changes_practice="on",
            practice_change_summary=WIPES,
        ),
    )
    assert response.status_code == 302, response.text[:3000]
    lesson = LessonPage.objects.get(pk=lesson.pk)
    change = TrainingImpactingChange.objects.get()
    assert change.revision_id == lesson.live_revision_id
    assert change.marked_by == moderator


def test_the_moderator_is_told_an_approval_or_a_request_for_changes_is_done(
    client, lessons, editor, moderator
):
    first, second = lessons[0], lessons[1]
    submit(client, editor, first)
    submit(client, editor, second)
    client.force_login(moderator)

    approved = client.post(action_url(first), {"changes_practice": "no"}, follow=True)
    assert f"“{first.title}” is approved and published." in messages_of(approved)
    rejected = client.post(
        action_url(second, "reject"), {"comment": "Cite Annex 1"}, follow=True
    )
    assert any(
        message.startswith(f"Changes requested on “{second.title}”")
        for message in messages_of(rejected)
    )


def test_approving_a_competency_says_so(client, make_user, moderator, editor):
    from tests.factories.academy import CompetencyFactory

    competency = CompetencyFactory(description="Old text")
    competency.save_revision(user=moderator).publish(user=moderator)
    competency.description = "New text"
    competency.save_revision(user=editor)
    Workflow.objects.get(name="TSET review").start(competency, editor)
    competency.refresh_from_db()
    client.force_login(moderator)

    response = client.post(
        f"/admin/snippets/academy/competency/workflow/action/{competency.pk}/approve/"
        f"{competency.current_workflow_task_state.pk}/",
        {"comment": ""},
        follow=True,
    )

    assert f"“{competency}” is approved and published." in messages_of(response)
