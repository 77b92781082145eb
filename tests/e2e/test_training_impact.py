"""In Chromium: the editor marks a lesson change as affecting practice when submitting
it; the moderator approves it in the approval form, which shows the editor's answer;
the demo trainee, who completed the lesson before, sees it tagged "Updated: review
required" with what changed in practice."""

import re

import pytest

from courses.models import LessonProgress, TrainingImpactingChange

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
WHAT_CHANGED = "Wipe each vial septum with a new sterile wipe for 30 seconds."


def test_a_change_that_affects_practice_reaches_the_trainee(
    page, demo_server, sign_in, assert_accessible
):
    url = demo_server.url
    lesson = (
        LessonProgress.objects.filter(trainee__email="trainee@academy.example")
        .select_related("lesson")
        .first()
        .lesson
    )

    sign_in("editor@academy.example")
    page.goto(f"{url}/admin/pages/{lesson.pk}/edit/")
    page.get_by_label("This change affects practice").check()
    page.get_by_label("What changed in practice").fill(WHAT_CHANGED)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to TSET review").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    page.context.clear_cookies()

    sign_in("moderator@academy.example")
    page.goto(f"{url}/admin/pages/{lesson.pk}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve", exact=True).click()
    modal = page.locator(".modal-content")
    # The approval form opens with the editor's answer (it loads into the dialog).
    modal.get_by_text(
        "The editor submitted this change as affecting practice."
    ).wait_for()
    assert modal.get_by_label(
        "Yes: people who completed the lesson before must read it again"
    ).is_checked()
    assert modal.get_by_label("What changed in practice").input_value() == WHAT_CHANGED
    modal.get_by_role("button", name="Approve").click()
    page.get_by_text("is approved and published").wait_for()
    change = TrainingImpactingChange.objects.get(lesson=lesson)
    assert change.summary == WHAT_CHANGED
    page.context.clear_cookies()

    sign_in("trainee@academy.example")
    page.goto(f"{url}{lesson.url}")
    assert page.locator(
        "strong.nhsuk-tag", has_text="Updated: review required"
    ).is_visible()
    assert page.get_by_text(WHAT_CHANGED).is_visible()
    assert_accessible("lesson-updated-review-required")
