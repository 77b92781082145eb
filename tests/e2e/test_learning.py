"""The e-learning journey: the editor changes a module and submits it to TSET review,
the moderator approves it, and the demo trainee finds it by band and by search,
completes its lessons and sees their progress. Every learner page is checked by axe."""

import re

import pytest

from courses.models import ModulePage

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
MODULE_SLUG = "radiation-protection-and-local-rules"
NEW_SUMMARY = (
    "How to keep your radiation dose as low as reasonably practicable, "
    "including extremity dosimetry for hand doses."
)


def sign_out(page):
    page.context.clear_cookies()


def test_editor_submits_moderator_approves_trainee_learns(
    page, demo_server, sign_in, assert_accessible, follow_header_link
):
    url = demo_server.url
    module = ModulePage.objects.get(slug=MODULE_SLUG)

    # The editor drafts a change and submits it to the "TSET review" workflow.
    sign_in("editor@academy.example")
    page.goto(f"{url}/admin/pages/{module.pk}/edit/")
    page.locator("#id_summary").fill(NEW_SUMMARY)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to TSET review").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    module.refresh_from_db()
    assert module.workflow_in_progress
    assert module.summary != NEW_SUMMARY  # not published by the editor
    sign_out(page)

    # The moderator approves it; the module now shows who approved it.
    sign_in("moderator@academy.example")
    page.goto(f"{url}/admin/pages/{module.pk}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_load_state()
    module.refresh_from_db()
    assert module.summary == NEW_SUMMARY
    sign_out(page)

    # The trainee finds it by band and by search.
    sign_in("trainee@academy.example")
    follow_header_link("Catalogue")
    assert_accessible("learning-catalogue")
    page.get_by_label("Agenda for Change band").select_option("3")
    page.get_by_role("button", name="Apply filters").click()
    assert "band=3" in page.url
    assert page.get_by_role(
        "link", name="Radiation protection and local rules"
    ).is_visible()
    page.get_by_label("Search modules and lessons").fill("extremity dosimetry")
    page.get_by_label("Agenda for Change band").select_option("")
    page.get_by_role("button", name="Apply filters").click()
    assert page.locator("h2", has_text="1 module found").is_visible()
    page.get_by_role("link", name="Radiation protection and local rules").click()

    assert page.get_by_text("By Ruth Campbell, TSET").is_visible()
    assert page.get_by_text("0 of 3 lessons complete").is_visible()
    assert_accessible("learning-module")

    page.get_by_role("link", name=re.compile("Start the module")).click()
    assert_accessible("learning-lesson")
    for _ in range(3):
        page.get_by_role("button", name="Mark as complete").click()
        page.wait_for_load_state()
    # The last lesson leads on to the module's knowledge assessment.
    assert page.get_by_text("You have completed every lesson").is_visible()
    page.get_by_role("link", name="Go to the module's lessons").click()
    assert page.get_by_text("3 of 3 lessons complete").is_visible()
    to_do = "Lessons complete \N{EN DASH} assessment to do"
    assert page.get_by_text(to_do, exact=True).is_visible()

    follow_header_link("My learning")
    in_progress = page.locator("h2:has-text('In progress') + ul")
    assert "Radiation protection and local rules" in in_progress.inner_text()
    assert to_do in in_progress.inner_text()
    assert_accessible("learning-my-learning")

    page.goto(f"{url}/courses/aseptic-preparation/band-3-pathway/")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Aseptic preparation: Band 3"
    )
    assert_accessible("learning-pathway")


def test_knowledge_check_gives_feedback_without_recording(
    page, demo_server, assert_accessible
):
    page.goto(
        f"{demo_server.url}/courses/core/gmp-and-the-pharmaceutical-quality-system/"
        "what-gmp-is-and-why-it-matters/"
    )
    page.get_by_text("Because testing is too expensive").click()
    assert page.get_by_text("Cost is not the reason").is_visible()
    assert_accessible("learning-public-lesson")
