"""The demo trainee asks for workplace sign-off with evidence; the demo trainer records
the checklist and signs with their password; the trainee sees the competence awarded."""

import os
import re
from pathlib import Path

import pytest

from assessments.models import WorkplaceAssessment

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHOTS = Path(os.environ.get("WORKPLACE_SHOTS", "test-artifacts/workplace"))
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_trainee_requests_and_trainer_signs_off(
    page, demo_server, sign_in, assert_accessible, follow_header_link
):
    sign_in("trainee@academy.example")
    follow_header_link("Workplace assessments")
    page.get_by_role("heading", name="Workplace assessments", level=1).wait_for()
    assert_accessible("workplace-list")
    shot(page, "1-trainee-list")

    start = page.get_by_role("button", name=re.compile(r"^Start ASP-"))
    code = start.first.inner_text().split()[-1]
    start.first.click()
    page.get_by_role("heading", level=1, name=re.compile(code)).wait_for()
    assert_accessible("workplace-request-form")

    page.get_by_label("Upload a file").set_input_files(
        {"name": "session-log.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Upload evidence").click()
    page.get_by_text("Your evidence has been uploaded.").wait_for()
    page.get_by_label("Your reflection").fill(
        "I was observed in the grade B room. <b>Next time</b> I will slow down."
    )
    grace = page.locator("option", has_text="Grace Lee").get_attribute("value")
    page.get_by_label("Who should sign off this assessment?").select_option(grace)
    shot(page, "2-trainee-request-form")
    page.get_by_role("button", name="Ask for sign-off").click()
    page.get_by_text("Your request for sign-off has been sent.").wait_for()
    assert page.get_by_text("Waiting for sign-off").first.is_visible()
    assert_accessible("workplace-assessment-requested")
    shot(page, "3-trainee-requested")
    assessment = WorkplaceAssessment.objects.get(
        trainee__email="trainee@academy.example", competency__code=code
    )

    page.context.clear_cookies()
    sign_in("trainer@academy.example")
    follow_header_link("Sign-off queue")
    page.get_by_role("heading", name="Sign-off queue", level=1).wait_for()
    assert_accessible("workplace-queue")
    shot(page, "4-trainer-queue")
    page.get_by_role("link", name=re.compile(f"^{code} .*Priya Shah")).click()
    page.get_by_role("heading", level=1, name=re.compile(code)).wait_for()
    assert_accessible("workplace-sign")
    for radio in page.locator("input[type=radio][value=met]").all():
        radio.check()
    page.get_by_label("Comment on criterion 1").fill("Correct technique throughout.")
    page.get_by_label("Competent", exact=True).check()
    page.get_by_label("Your password").fill("academy-demo")
    shot(page, "5-trainer-sign")
    page.get_by_role("button", name="Sign the assessment").click()
    page.get_by_text("You have signed the assessment.").wait_for()
    assert page.get_by_text("Signature verified").is_visible()
    shot(page, "6-trainer-signed")

    page.context.clear_cookies()
    sign_in("trainee@academy.example")
    page.goto(f"{demo_server.url}/assessments/workplace/{assessment.pk}/")
    page.get_by_text("Competence valid").wait_for()
    assert page.get_by_text(re.compile("Expires on|No expiry date")).first.is_visible()
    assert page.get_by_text("<b>Next time</b>", exact=False).first.is_visible()
    assert_accessible("workplace-assessment-signed")
    shot(page, "7-trainee-competence")


FOCUSED = """() => {
  const e = document.activeElement;
  const label = e.labels && e.labels[0];
  const own = getComputedStyle(e);
  const mark = label ? getComputedStyle(label, "::before") : own;
  return {
    tag: e.tagName.toLowerCase(),
    name: e.name || "",
    type: e.type || "",
    value: e.value || "",
    text: (e.innerText || "").trim(),
    label: label ? label.innerText.trim() : "",
    expanded: e.getAttribute("aria-expanded"),
    visible: own.outlineStyle !== "none" || own.boxShadow !== "none"
      || mark.boxShadow !== "none",
  };
}"""


def _tab_until(page, wanted, *, limit=120, on_the_way=None):
    """Press Tab until `wanted(focused)`; every stop on the way must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["tag"] != "body", "Tabbed past the end of the page"
        assert focused["visible"], f"No visible focus on {focused}"
        if wanted(focused):
            return focused
        if on_the_way:
            on_the_way(focused)
    pytest.fail(f"Never reached the wanted element by Tab in {limit} presses")


def test_trainer_signs_off_by_keyboard_alone(page, demo_server):
    """Grace Lee signs Priya's waiting ASP-03 with Tab, Space, Enter and typing only:
    sign in, open the sign-off queue from the header, record the checklist, choose the
    outcome, re-enter her password and sign."""
    waiting = WorkplaceAssessment.objects.get(
        trainee__email="trainee@academy.example", status="requested"
    )
    code = waiting.competency.code
    page.goto(f"{demo_server.url}/account/sign-in/")
    _tab_until(page, lambda f: f["name"] == "username")
    page.keyboard.type("trainer@academy.example")
    _tab_until(page, lambda f: f["name"] == "password")
    page.keyboard.type("academy-demo")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Sign out").wait_for()

    def open_more_menu(focused):
        # NHS.UK's header moves the links that do not fit under its "More" button.
        more = focused["tag"] == "button" and focused["text"].endswith("More")
        if more and focused["expanded"] != "true":
            page.keyboard.press("Enter")

    _tab_until(
        page,
        lambda f: f["tag"] == "a" and f["text"] == "Sign-off queue",
        on_the_way=open_more_menu,
    )
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Sign-off queue", level=1).wait_for()

    _tab_until(page, lambda f: f["tag"] == "a" and f["text"].startswith(code))
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name=re.compile(code)).wait_for()

    criteria = waiting.criteria.count()
    results, comments = set(), set()

    def record(focused):
        name = focused["name"]
        if name.startswith("result_") and name not in results:
            assert focused["value"] == "met", focused  # the first choice of each group
            page.keyboard.press("Space")
            results.add(name)
        elif name.startswith("comment_") and name not in comments:
            page.keyboard.type(f"Observed by keyboard: {name}.")
            comments.add(name)

    first_outcome = _tab_until(
        page,
        lambda f: f["name"] == "outcome",
        limit=8 * criteria + 60,
        on_the_way=record,
    )
    assert len(results) == criteria, results
    assert first_outcome["label"] == "Competent"
    page.keyboard.press("Space")
    _tab_until(page, lambda f: f["name"] == "password")
    page.keyboard.type("academy-demo")
    _tab_until(page, lambda f: f["tag"] == "button" and "Sign the" in f["text"])
    page.keyboard.press("Enter")

    page.get_by_text("You have signed the assessment.").wait_for()
    assert page.get_by_text("Signature verified").is_visible()
    shot(page, "keyboard-signed")
    waiting.refresh_from_db()
    assert waiting.status in ("complete", "awaiting_countersign")
    assert waiting.outcome == "competent"
    assert set(waiting.criteria.values_list("result", flat=True)) == {"met"}
    commented = waiting.criteria.exclude(comment="").count()
    assert commented == len(comments) > 0
