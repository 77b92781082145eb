"""Eastfield's training lead, from the home page and clicking only, logs the demo
apprentice's off-the-job hours (first typing more than 24, which is refused with the
error summary leading to the field) and records and signs a progress review with
her password. Every page is axe-clean at 1280 and at 320 CSS pixels."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from apprenticeships.models import OffTheJobEntry, ProgressReview

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
APPRENTICE = "apprentice@academy.example"


def test_lead_logs_hours_and_signs_a_review(page, demo_server, sign_in, check_page):
    entries = OffTheJobEntry.objects.filter(
        apprenticeship__apprentice__email=APPRENTICE
    ).count()
    yesterday = timezone.localdate() - timedelta(days=1)
    today = timezone.localdate()

    sign_in("lead.eastfield@academy.example")
    page.wait_for_url(re.compile(r"/$"))
    page.get_by_role("heading", name="Apprentices").wait_for()
    check_page("apprenticeships-home")
    panel = page.locator(
        ".nhsuk-card", has=page.get_by_role("heading", name="Apprentices", exact=True)
    )
    with page.expect_navigation():
        panel.get_by_role("link", name="Jordan Reid", exact=True).click()
    page.get_by_role("heading", level=1, name="Jordan Reid").wait_for()
    assert page.get_by_text("Signed by all three").is_visible()
    check_page("apprenticeships-detail")

    with page.expect_navigation():
        page.get_by_role("link", name="Log training hours").click()
    page.get_by_role("heading", level=1, name="Log training hours").wait_for()
    check_page("apprenticeships-log-hours")
    page.get_by_label("Activity").fill("Isolator practice with a trainer")
    day = page.get_by_role("group", name="Date of the activity")
    day.get_by_label("Day").fill(str(yesterday.day))
    day.get_by_label("Month").fill(str(yesterday.month))
    day.get_by_label("Year").fill(str(yesterday.year))
    page.get_by_label("Hours", exact=True).fill("25")
    page.get_by_label("Yes, off-the-job training").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Log the hours").click()
    assert page.title().startswith("Error:")
    summary = page.locator(".nhsuk-error-summary")
    link = summary.get_by_role("link", name="Hours in one day must be 24 or fewer")
    link.wait_for()
    check_page("apprenticeships-log-hours-error")
    link.click()
    assert page.evaluate("() => document.activeElement.id") == "id_hours"
    assert (
        OffTheJobEntry.objects.filter(
            apprenticeship__apprentice__email=APPRENTICE
        ).count()
        == entries
    )

    page.get_by_label("Hours", exact=True).fill("3.5")
    with page.expect_navigation():
        page.get_by_role("button", name="Log the hours").click()
    page.get_by_role("heading", level=1, name="Hours logged").wait_for()
    check_page("apprenticeships-hours-logged")
    assert (
        OffTheJobEntry.objects.filter(
            apprenticeship__apprentice__email=APPRENTICE
        ).count()
        == entries + 1
    )

    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("^Back to Jordan Reid")).click()
    with page.expect_navigation():
        page.get_by_role("link", name="Record a progress review").click()
    page.get_by_role("heading", level=1, name="Record a progress review").wait_for()
    check_page("apprenticeships-record-review")
    held = page.get_by_role("group", name="Date of the review")
    held.get_by_label("Day").fill(str(today.day))
    held.get_by_label("Month").fill(str(today.month))
    held.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Progress made").fill("Gowning qualification passed.")
    page.get_by_label("Next steps agreed").fill("Broth transfer validation.")
    page.get_by_label("Your password").fill("academy-demo")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign the review").click()
    page.get_by_role("heading", level=1, name="Review signed").wait_for()
    check_page("apprenticeships-review-signed")

    with page.expect_navigation():
        page.get_by_role("link", name="View the review").click()
    page.get_by_role(
        "heading", level=1, name=re.compile("^Progress review of")
    ).wait_for()
    assert page.get_by_text("Not signed yet").count() == 2
    check_page("apprenticeships-review")
    with page.expect_navigation():
        page.get_by_role("navigation", name="Breadcrumb").get_by_role(
            "link", name="Apprentices"
        ).click()
    page.get_by_role("heading", level=1, name="Apprentices").wait_for()
    assert page.get_by_role("link", name=re.compile("CSV")).is_visible()
    check_page("apprenticeships-index")

    review = ProgressReview.objects.get(
        apprenticeship__apprentice__email=APPRENTICE, held_on=today
    )
    assert review.employer_signature.signer.email == "lead.eastfield@academy.example"
    assert review.apprentice_signature is None
