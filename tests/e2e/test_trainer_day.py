"""A trainer's day, by clicking alone: Grace Lee signs in from the home page, follows
its sign-off panel to the oldest request waiting for her, records the checklist and
signs with her password, sees the NHS.UK confirmation panel, and goes straight on to
the next request in her queue. The home page, the sign-off page and the confirmation
are checked by axe at 1280 and 320 pixels wide."""

import re

import pytest

from academy.models import User
from assessments.models import AssessmentStatus, Outcome, WorkplaceAssessment
from assessments.workplace.queries import sign_off_queue

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TRAINER = "trainer@academy.example"


def _click_to_next_page(page, link) -> None:
    with page.expect_navigation():
        link.click()


def test_trainer_signs_the_oldest_request_and_goes_on_to_the_next(
    page, demo_server, check_page
):
    # The demo leaves two requests waiting for Grace, from two trainees.
    oldest, following = sign_off_queue(User.objects.get(email=TRAINER))

    # Signed in from the home page's header, back on the home page.
    page.goto(f"{demo_server.url}/")
    _click_to_next_page(
        page, page.locator("header").get_by_role("link", name="Sign in")
    )
    page.get_by_label("E-mail address").fill(TRAINER)
    page.get_by_label("Password").fill("academy-demo")
    _click_to_next_page(page, page.get_by_role("button", name="Sign in"))
    page.wait_for_url(f"{demo_server.url}/")

    panel = (
        page.locator("main .academy-home-panel")
        .filter(has=page.get_by_role("heading", name="Sign-off requests", level=3))
        .first
    )
    assert panel.get_by_text("2 requests waiting for your sign-off").is_visible()
    check_page("trainer-day-home")

    # The oldest request, from the panel.
    _click_to_next_page(
        page,
        panel.get_by_role(
            "link",
            name=f"{oldest.trainee.full_name}: {oldest.competency.code} "
            f"{oldest.competency.title}",
        ),
    )
    assert page.url == f"{demo_server.url}/assessments/workplace/{oldest.pk}/sign/"
    assert page.get_by_role(
        "heading", level=1, name=f"{oldest.competency.code} {oldest.competency.title}"
    ).is_visible()
    assert page.get_by_text(
        f"Workplace assessment of {oldest.trainee.full_name}"
    ).is_visible()
    check_page("trainer-day-sign")

    # Every criterion met, competent, signed with her password.
    criteria = page.locator("input[type=radio][value=met]")
    assert criteria.count() == oldest.criteria.count() > 0
    for radio in criteria.all():
        radio.check()
    page.get_by_label("Comment on criterion 1").fill("Six-step technique throughout.")
    page.get_by_label("Competent", exact=True).check()
    page.get_by_label("Your password").fill("academy-demo")
    _click_to_next_page(page, page.get_by_role("button", name="Sign the assessment"))

    # The confirmation: NHS.UK's confirmation panel, and the signature checked.
    confirmation = page.locator(".nhsuk-panel")
    assert confirmation.get_by_role(
        "heading", level=1, name="Assessment signed"
    ).is_visible()
    assert confirmation.get_by_text(
        f"{oldest.trainee.full_name}, {oldest.competency.code}: Competent"
    ).is_visible()
    assert page.get_by_text("Signature verified").is_visible()
    signed = WorkplaceAssessment.objects.get(pk=oldest.pk)
    assert signed.status == AssessmentStatus.COMPLETE
    assert signed.outcome == Outcome.COMPETENT
    assert signed.signature.printed_name == "Grace Lee"
    assert page.url == f"{demo_server.url}/assessments/workplace/{oldest.pk}/signed/"
    check_page("trainer-day-signed")

    # Next in the queue: the request that was second, now the oldest.
    assert page.get_by_role("heading", level=2, name="Next in your queue").is_visible()
    _click_to_next_page(
        page,
        page.get_by_role(
            "link",
            name=f"{following.competency.code} {following.competency.title} "
            f"for {following.trainee.full_name}",
        ),
    )
    assert page.url == f"{demo_server.url}/assessments/workplace/{following.pk}/sign/"
    assert page.get_by_role(
        "heading",
        level=1,
        name=f"{following.competency.code} {following.competency.title}",
    ).is_visible()
    assert page.get_by_text(
        f"Workplace assessment of {following.trainee.full_name}"
    ).is_visible()
    assert page.get_by_role("button", name="Sign the assessment").is_visible()
    assert (
        WorkplaceAssessment.objects.get(pk=following.pk).status
        == AssessmentStatus.REQUESTED
    )

    # Home again: one request left, and it is the oldest.
    _click_to_next_page(page, page.locator("a.nhsuk-header__service-logo"))
    assert panel.get_by_text("1 request waiting for your sign-off").is_visible()
    assert panel.get_by_role(
        "link", name=re.compile(f"^{following.trainee.full_name}: ")
    ).is_visible()
