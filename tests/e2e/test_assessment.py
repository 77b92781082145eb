"""The demo trainee completes a module, fails its assessment, waits out the cool-down,
passes using the keyboard alone, and an editor reads the item analysis."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db.models import F

from academy.models import User
from assessments.models import Attempt
from courses.models import LessonPage, LessonProgress, ModulePage

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GOWNING = "cleanroom-entry-and-aseptic-gowning"
FOCUSED = """() => {
  const e = document.activeElement;
  return {name: e.name || "", type: e.type || "", value: e.value || ""};
}"""


def _open_attempt(trainee, module) -> Attempt:
    return Attempt.objects.get(trainee=trainee, module=module, status="in_progress")


def _number(text: str) -> str:
    return format(Decimal(text).normalize(), "f")


def _answer_wrongly(page, attempt):
    for question in attempt.snapshot["questions"]:
        name = f"q-{question['id']}"
        if question["kind"] == "numeric":
            page.locator(f"input[name='{name}']").fill("1")
        else:
            wrong = next(o for o in question["options"] if not o["correct"])
            page.locator(f"[id='{name}-{wrong['value']}']").check()


def _answer_by_keyboard(page, attempt):
    """Tab through the page, answering each question with Space, arrows and typing."""
    wanted = {}
    for question in attempt.snapshot["questions"]:
        name = f"q-{question['id']}"
        if question["kind"] == "numeric":
            wanted[name] = _number(question["answer"])
        else:
            wanted[name] = [o["value"] for o in question["options"] if o["correct"]]
    answered = set()
    for _ in range(300):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        name = focused["name"]
        if name in wanted:
            if focused["type"] == "text":
                page.keyboard.type(wanted[name])
                answered.add(name)
            elif focused["type"] == "checkbox":
                if focused["value"] in wanted[name]:
                    page.keyboard.press("Space")
                answered.add(name)
            elif focused["type"] == "radio" and name not in answered:
                values = page.eval_on_selector_all(
                    f"input[name='{name}']", "inputs => inputs.map(i => i.value)"
                )
                steps = values.index(wanted[name][0])
                if steps == 0:
                    page.keyboard.press("Space")
                for _ in range(steps):
                    page.keyboard.press("ArrowDown")
                answered.add(name)
        elif name == "action" and focused["value"] == "check":
            assert answered == set(wanted)
            page.keyboard.press("Enter")
            _submit_by_keyboard(page)
            return
    pytest.fail("Never reached the Check your answers button by keyboard")


def _submit_by_keyboard(page):
    """On "Check your answers", Tab to the final Submit answers button and press it."""
    page.wait_for_url(re.compile(r"/check/$"))
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent.trim()") == (
            "Submit answers"
        ):
            page.keyboard.press("Enter")
            return
    pytest.fail("Never reached the Submit answers button by keyboard")


def test_trainee_fails_waits_passes_and_editor_sees_item_analysis(
    page, demo_server, sign_in, assert_accessible
):
    trainee = User.objects.get(email="trainee@academy.example")
    module = ModulePage.objects.get(slug=GOWNING)
    sign_in("trainee@academy.example")

    done = set(
        LessonProgress.objects.filter(trainee=trainee, module=module).values_list(
            "lesson_id", flat=True
        )
    )
    for lesson in LessonPage.objects.live().child_of(module).order_by("path"):
        if lesson.pk in done:
            continue
        page.goto(f"{demo_server.url}{lesson.url}")
        page.get_by_role("button", name="Mark as complete").click()

    page.goto(f"{demo_server.url}/assessments/")
    page.get_by_role("link", name=module.title).click()
    assert_accessible("assessment-module-ready")
    # The answer sheet's autosave listens once its script has run (the page's load).
    with page.expect_navigation():
        page.get_by_role("button", name="Start the assessment").click()

    attempt = _open_attempt(trainee, module)
    numeric = [q for q in attempt.snapshot["questions"] if q["kind"] == "numeric"]
    if numeric:  # five of the bank's fifteen are drawn, not always a calculation
        unit = numeric[0]["unit"]
        assert page.get_by_text(unit, exact=True).first.is_visible()
    _answer_wrongly(page, attempt)
    page.get_by_text(re.compile(r"^Saved at ")).wait_for()  # autosave as they go
    assert Attempt.objects.get(pk=attempt.pk).responses
    page.get_by_role("button", name="Check your answers").click()
    page.get_by_role("button", name="Submit answers").click()
    assert page.get_by_role("heading", name="You did not pass this time").is_visible()
    assert_accessible("assessment-result-fail")
    # Until a pass: the topics and the questions got wrong, never the right answers.
    assert page.get_by_role("heading", name="Questions to look at again").is_visible()
    assert page.get_by_text("Correct answer").count() == 0
    first_questions = {q["id"] for q in attempt.snapshot["questions"]}

    page.get_by_role("link", name="Back to the assessment and your attempts").click()
    assert page.get_by_text("You can try again after the cool-down period").is_visible()
    an_hour = datetime.timedelta(minutes=61)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=F("started_at") - an_hour,
        deadline=F("deadline") - an_hour,
        submitted_at=F("submitted_at") - an_hour,
    )
    page.reload()
    with page.expect_navigation():
        page.get_by_role("button", name="Start the assessment").click()
    attempt = _open_attempt(trainee, module)
    assert attempt.number == 2
    assert not first_questions & {q["id"] for q in attempt.snapshot["questions"]}
    page.wait_for_selector("form[data-autosave-url]")
    assert_accessible("assessment-attempt")

    _answer_by_keyboard(page, attempt)
    page.wait_for_url(re.compile(r"/result/$"))
    assert page.get_by_role("heading", name="You passed").is_visible()
    assert page.get_by_text("5 out of 5 (100%)").is_visible()
    assert_accessible("assessment-result-pass")

    page.get_by_role("button", name="Sign out").click()
    sign_in("editor@academy.example")
    page.goto(f"{demo_server.url}/admin/reports/item-analysis/?module={module.pk}")
    assert page.get_by_role("heading", name=module.title).is_visible()
    assert page.get_by_role("columnheader", name="Discrimination").is_visible()
    page.screenshot(path="test-artifacts/assessment-item-analysis.png", full_page=True)
