"""No dead ends, by clicking alone: the demo trainee starts from her home page, follows
its "Continue" link into the module she started, works through its last lessons, is
led from the last one to the knowledge assessment, checks her answers (one left
unanswered, then answered), passes, and downloads the certificate of the competence
the pass awarded. Signed out, she checks that certificate with the verification code
printed on it, as an employer would. Every page on the way is checked by axe at 1280
and 320 pixels wide."""

import io
import re
from pathlib import Path

import pypdfium2
import pytest

from academy.models import User
from assessments.models import Attempt
from courses.models import LessonPage, ModulePage
from courses.services import complete_lesson

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MODULE_SLUG = "good-documentation-practice-and-data-integrity"
COMPETENCY = "COR-02"
# Twelve characters with no 0, O, 1, I or L, printed in groups of four.
PRINTED_CODE = re.compile(
    r"Verification code\s+([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})\b"
)


def _pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(io.BytesIO(content))
    text = " ".join(page.get_textpage().get_text_range() for page in document)
    document.close()
    return " ".join(text.split())


def _answer(page, question: dict) -> None:
    name = f"q-{question['id']}"
    if question["kind"] == "numeric":
        page.locator(f"input[name='{name}']").fill(question["answer"])
        return
    for option in question["options"]:
        if option["correct"]:
            page.locator(f"[id='{name}-{option['value']}']").check()


def test_trainee_goes_from_her_home_page_to_a_certificate_she_checks_signed_out(
    page, demo_server, sign_in, check_page
):
    trainee = User.objects.get(email="trainee@academy.example")
    module = ModulePage.objects.get(slug=MODULE_SLUG)
    lessons = list(LessonPage.objects.live().child_of(module).order_by("path"))
    # She began this module (her overdue COR-02) last, so home offers to continue it.
    complete_lesson(trainee, lesson=lessons[0])
    sign_in("trainee@academy.example")

    # Home: the lesson she left off at, one click away.
    page.wait_for_url(f"{demo_server.url}/")
    panel = (
        page.locator("main .academy-home-panel")
        .filter(has=page.get_by_role("heading", name="Continue learning", level=3))
        .first
    )
    assert panel.get_by_text(f"{module.title}: lesson 2 of 3").is_visible()
    check_page("dead-ends-home")
    with page.expect_navigation():
        panel.get_by_role("link", name=f"Continue: {lessons[1].title}").click()

    # Its remaining lessons, one after the other.
    assert page.get_by_role("heading", level=1, name=lessons[1].title).is_visible()
    assert page.get_by_text("lesson 2 of 3").is_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Mark as complete").click()
    assert page.get_by_text("lesson 3 of 3").is_visible()
    next_link = page.locator(".nhsuk-pagination__link--next")
    assert "Knowledge assessment" in next_link.inner_text()
    check_page("dead-ends-last-lesson")

    # Completing the last lesson leads on to the assessment, never back to itself.
    with page.expect_navigation():
        page.get_by_role("button", name="Mark as complete").click()
    page.wait_for_url(re.compile(r"/assessments/modules/\d+/$"))
    assert page.get_by_text("You have completed every lesson").is_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Go to the module's lessons").click()
    assert page.get_by_text(
        "Lessons complete \N{EN DASH} assessment to do", exact=True
    ).is_visible()
    check_page("dead-ends-module-assessment-to-do")
    with page.expect_navigation():
        page.get_by_role("link", name="Take the assessment").click()
    with page.expect_navigation():
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
    with page.expect_navigation():
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
    with page.expect_navigation():
        page.get_by_role("button", name="Check your answers").click()
    assert page.get_by_text("You have not answered").count() == 0

    # The final submission is its own confirmation.
    with page.expect_navigation():
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
    competence = trainee.competences.get(competency__code=COMPETENCY)
    assert competence.is_valid

    # The verification code printed on it, as the holder or an employer reads it.
    printed = PRINTED_CODE.search(_pdf_text(Path(download.value.path()).read_bytes()))
    assert printed, "No verification code printed on the certificate"
    code = printed.group(1)
    certificate = competence.events.get().certificate
    assert code == certificate.printed_code

    # Signed out, the check is a click away from the home page.
    with page.expect_navigation():
        page.locator("header").get_by_role("button", name="Sign out").click()
    assert page.url == f"{demo_server.url}/"
    assert page.locator("header").get_by_role("link", name="Sign in").is_visible()
    with page.expect_navigation():
        page.locator("footer").get_by_role("link", name="Check a certificate").click()
    page.get_by_label("Verification code").fill(code)
    with page.expect_navigation():
        page.get_by_role("button", name="Check certificate").click()

    # Verified: the holder and the competency, valid.
    assert page.get_by_role(
        "heading", level=1, name=re.compile(f"^{COMPETENCY} ")
    ).is_visible()
    facts = {
        row.locator("dt").inner_text().strip(): row.locator("dd").inner_text().strip()
        for row in page.locator(".nhsuk-summary-list__row").all()
    }
    assert facts["Holder"] == trainee.full_name == "Priya Shah"
    assert facts["Competency"].startswith(f"{COMPETENCY} {competence.competency.title}")
    assert facts["Certificate number"] == certificate.number
    assert page.get_by_text("Status: Valid").is_visible()
    check_page("dead-ends-certificate-checked")
