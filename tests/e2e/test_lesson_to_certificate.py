"""No dead ends, by clicking alone: the demo trainee opens a module from the catalogue,
works through its lessons, is led from the last one to the knowledge assessment,
checks her answers (one left unanswered, then answered), passes, and downloads the
certificate of the competence the pass awarded. Every page on the way is checked by
axe at 1280 and 320 pixels wide."""

import re

import pytest

from academy.models import User
from assessments.models import Attempt
from courses.models import ModulePage

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MODULE_SLUG = "good-documentation-practice-and-data-integrity"
COMPETENCY = "COR-02"
DESKTOP = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 800}


@pytest.fixture
def check_page(page, assert_accessible):
    """axe-clean at desktop width and at 320 pixels (WCAG reflow)."""

    def check(name: str):
        assert_accessible(f"{name}-1280")
        page.set_viewport_size(NARROW)
        assert_accessible(f"{name}-320")
        page.set_viewport_size(DESKTOP)

    return check


def _answer(page, question: dict) -> None:
    name = f"q-{question['id']}"
    if question["kind"] == "numeric":
        page.locator(f"input[name='{name}']").fill(question["answer"])
        return
    for option in question["options"]:
        if option["correct"]:
            page.locator(f"[id='{name}-{option['value']}']").check()


def test_trainee_goes_from_a_module_to_the_certificate_of_her_pass(
    page, demo_server, sign_in, follow_header_link, check_page
):
    trainee = User.objects.get(email="trainee@academy.example")
    module = ModulePage.objects.get(slug=MODULE_SLUG)
    sign_in("trainee@academy.example")

    # The module, found in the catalogue.
    follow_header_link("Catalogue")
    page.get_by_role("link", name=module.title).click()
    assert page.get_by_text("Not started", exact=True).is_visible()
    check_page("dead-ends-module")

    # Its lessons, one after the other.
    page.get_by_role("link", name=re.compile("Start the module")).click()
    for number in (1, 2):
        assert page.get_by_text(f"lesson {number} of 3").is_visible()
        page.get_by_role("button", name="Mark as complete").click()
    assert page.get_by_text("lesson 3 of 3").is_visible()
    next_link = page.locator(".nhsuk-pagination__link--next")
    assert "Knowledge assessment" in next_link.inner_text()
    check_page("dead-ends-last-lesson")

    # Completing the last lesson leads on to the assessment, never back to itself.
    page.get_by_role("button", name="Mark as complete").click()
    page.wait_for_url(re.compile(r"/assessments/modules/\d+/$"))
    assert page.get_by_text("You have completed every lesson").is_visible()
    page.get_by_role("link", name="Go to the module's lessons").click()
    assert page.get_by_text(
        "Lessons complete \N{EN DASH} assessment to do", exact=True
    ).is_visible()
    check_page("dead-ends-module-assessment-to-do")
    page.get_by_role("link", name="Take the assessment").click()
    page.get_by_role("button", name="Start the assessment").click()

    # The attempt: the deadline, and the time left counting down.
    attempt = Attempt.objects.get(trainee=trainee, module=module, status="in_progress")
    assert page.get_by_text("Submit by").is_visible()
    countdown = page.locator("[data-countdown]")
    countdown.wait_for()
    assert re.fullmatch(r"Time left: (19|20):\d\d", countdown.inner_text().strip())
    check_page("dead-ends-attempt")
    first, *others = attempt.snapshot["questions"]
    for question in others:
        _answer(page, question)

    # Check your answers: the one left unanswered, with a link back to it.
    page.get_by_role("button", name="Check your answers").click()
    assert page.get_by_role(
        "heading", name="Check your answers before you submit"
    ).is_visible()
    total = len(attempt.snapshot["questions"])
    assert page.get_by_text(
        f"You have not answered 1 of {total} questions"
    ).is_visible()
    assert Attempt.objects.get(pk=attempt.pk).is_open  # nothing submitted yet
    check_page("dead-ends-check-answers")
    page.locator(".nhsuk-warning-callout").get_by_role(
        "link", name=re.compile("^Question 1")
    ).click()
    page.wait_for_url(re.compile(r"/attempts/\d+/#q-"))
    _answer(page, first)
    page.get_by_role("button", name="Check your answers").click()
    assert page.get_by_text("You have not answered").count() == 0

    # The final submission is its own confirmation.
    page.get_by_role("button", name="Submit answers").click()
    assert page.get_by_role("heading", name="You passed").is_visible()
    assert page.get_by_role("heading", name="Competence awarded").is_visible()
    assert page.get_by_text(COMPETENCY, exact=False).first.is_visible()
    check_page("dead-ends-result")

    # The certificate of the competence the pass awarded.
    with page.expect_download() as download:
        page.get_by_role(
            "link", name=f"Download your certificate for {COMPETENCY} (PDF)"
        ).click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert trainee.competences.get(competency__code=COMPETENCY).is_valid
