"""The process validation journey: the demo trainer records broth transfer results for
Tom Okafor with password re-entry (a renewal pass, then a failure that suspends his
validation and ASP-08), and Tom sees the suspension on "My validations"."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from academy.models import User
from passport.models import Competence, CompetenceStatus
from tests.e2e.conftest import ARTIFACTS

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"validations-{name}.png"), full_page=True)


def fill_broth(page, *, days_ago: int, passed: bool, password: str) -> None:
    today = timezone.localdate()
    performed = (today - timedelta(days=days_ago)).isoformat()
    page.get_by_label("Date of the test").fill(performed)
    page.get_by_label("Date the result was read").fill(
        (today - timedelta(days=days_ago - 15)).isoformat()
    )
    page.get_by_label("Result read by").fill("Jo Wright")
    page.get_by_label("Broth transfer kit").fill("Universal operator kit")
    page.get_by_label("Kit lot number").fill("BT26-204")
    page.get_by_label("Manipulations").fill("Vial to syringe to bag, 10 transfers")
    page.get_by_label("Incubation start date").fill(performed)
    if passed:
        page.get_by_label("No growth in any unit: pass").check()
    else:
        page.get_by_label("Growth (turbidity) in a unit: fail").check()
    page.get_by_label("Your password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign and record the result").click()


def test_trainer_records_a_failed_broth_test_and_tom_is_suspended(
    page, demo_server, sign_in, assert_accessible, follow_header_link
):
    tom = User.objects.get(email="trainee2@academy.example")
    record_url = f"{demo_server.url}/network/trainees/{tom.pk}/"

    sign_in("trainer@academy.example")
    page.get_by_role("link", name="Trainer dashboard", exact=True).click()
    assert page.get_by_role("heading", name="Unsupervised aseptic work").is_visible()
    assert_accessible("validations-trainer-dashboard")
    shot(page, "00-trainer-dashboard")
    page.goto(record_url)
    panel = page.get_by_role("heading", name="Process validations")
    assert panel.is_visible()
    assert page.get_by_text("The broth transfer validation is suspended.").is_visible()
    assert_accessible("validations-trainee-record")
    shot(page, "01-trainee-record-suspended")

    page.get_by_role("link", name="Record a broth transfer test for Tom Okafor").click()
    page.wait_for_url(re.compile(r"/validations/operators/\d+/broth_transfer/$"))
    assert_accessible("validations-record-form")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign and record the result").click()
    assert page.title().startswith("Error:")
    assert page.get_by_role("link", name="Enter the date of the test").is_visible()
    assert_accessible("validations-record-errors")
    shot(page, "02-record-form-errors")

    fill_broth(page, days_ago=20, passed=True, password="not-my-password")
    assert page.get_by_role(
        "link", name="The password you entered is not correct."
    ).is_visible()
    shot(page, "03-wrong-password")

    # A renewal pass lifts the suspension...
    fill_broth(page, days_ago=20, passed=True, password="academy-demo")
    page.wait_for_url(record_url)
    assert page.get_by_text("recorded for Tom Okafor: pass").is_visible()
    assert page.get_by_text(
        "a current gowning qualification and a current"
    ).is_visible()
    held = Competence.objects.get(holder=tom, competency__code="ASP-08")
    assert held.status == CompetenceStatus.CURRENT

    # ...and the failed test that follows suspends it again.
    page.get_by_role("link", name="Record a broth transfer test for Tom Okafor").click()
    fill_broth(page, days_ago=19, passed=False, password="academy-demo")
    page.wait_for_url(record_url)
    assert page.get_by_text("recorded for Tom Okafor: fail").is_visible()
    assert page.get_by_text("The broth transfer validation is suspended.").is_visible()
    held.refresh_from_db()
    assert held.status == CompetenceStatus.SUSPENDED
    assert_accessible("validations-after-failure")
    shot(page, "04-trainee-record-after-failure")

    page.get_by_role("link", name=re.compile(r"^Correct the result of")).first.click()
    assert page.get_by_label("Reason for the correction").is_visible()
    assert_accessible("validations-correction-form")
    shot(page, "05-correction-form")

    page.context.clear_cookies()
    sign_in("trainee2@academy.example")
    follow_header_link("My validations")
    assert page.get_by_role("heading", name="My validations", level=1).is_visible()
    assert page.get_by_text(
        "You may work in aseptic preparation only under"
    ).is_visible()
    assert_accessible("validations-my-validations")
    shot(page, "06-my-validations")
