"""The network journey: a training lead assigns a trainer and a plan, the trainee sees
the plan and asks a mentor from the directory, the mentor accepts; a trainer from
another region cannot open the trainee's record."""

import re

import pytest
from django.contrib.auth.models import Group

from academy.models import Organisation
from tests.factories.academy import UserFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "correct-horse-battery"


@pytest.fixture
def new_starter(demo_server):
    """A trainee who has just joined RBS, and a trainer from another region."""
    alex = UserFactory(
        email="alex.green@test.example",
        full_name="Alex Green",
        band=3,
        job_title="Assistant technical officer",
        organisation=Organisation.objects.get(ods_code="RBS"),
        roles=["Trainee"],
    )
    far_trainer = UserFactory(
        email="far.trainer@test.example",
        full_name="Rita Far",
        organisation=Organisation.objects.get(ods_code="RYQ"),
        roles=["Trainer"],
    )
    assert Group.objects.filter(name="Trainer", user=far_trainer).exists()
    return alex, far_trainer


def sign_out(page):
    page.context.clear_cookies()


def test_lead_assigns_trainer_and_plan_trainee_finds_mentor_mentor_accepts(
    page, demo_server, sign_in, assert_accessible, new_starter, follow_header_link
):
    alex, far_trainer = new_starter
    url = demo_server.url

    sign_in("lead@academy.example")
    page.get_by_role("link", name="Organisation", exact=True).click()
    page.wait_for_url(re.compile(r"/network/organisations/\d+/$"))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Northshire")
    assert_accessible("network-organisation")

    with page.expect_navigation():
        page.get_by_role("link", name="Assign a trainer").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Assign trainer").click()
    assert page.title().startswith("Error:")
    assert page.locator(".nhsuk-error-summary").is_visible()
    assert_accessible("network-assign-trainer-error")
    rbs = "Northshire Teaching Hospitals NHS Foundation Trust"
    page.get_by_label("Trainee").select_option(
        label=f"Alex Green, Assistant technical officer, {rbs}"
    )
    page.get_by_label("Trainer", exact=True).select_option(
        label=f"Grace Lee, Specialist technician, aseptic services, {rbs}"
    )
    page.get_by_role("button", name="Assign trainer").click()
    assert page.get_by_text("Grace Lee is now the trainer of Alex Green.").is_visible()

    page.get_by_role("link", name="Accredit an assessor").click()
    assert_accessible("network-grant-accreditation")
    page.go_back()

    page.get_by_role("link", name="Alex Green").click()
    assert_accessible("network-trainee-record-no-plan")
    page.get_by_role("link", name="Assign a training plan").click()
    page.get_by_label("Career pathway: specialist area").select_option(
        label="Aseptic preparation"
    )
    page.get_by_label("Career pathway: band").select_option(label="Band 3")
    assert_accessible("passport-assign-plan")
    page.get_by_role("button", name="Save training plan").click()
    assert page.get_by_text("added to the plan of Alex Green").is_visible()
    assert page.locator(".nhsuk-task-list__item").count() > 5
    assert_accessible("network-trainee-record-with-plan")

    sign_out(page)
    sign_in(alex.email, PASSWORD)
    follow_header_link("My training plan")
    assert page.get_by_role("heading", name="My training plan").is_visible()
    assert page.get_by_text("ASP-08 Operator broth transfer validation").is_visible()
    assert page.locator(".nhsuk-tag", has_text="Not started").count() > 5
    assert_accessible("passport-my-plan")

    page.get_by_role("link", name="Find a mentor in the network directory").click()
    assert_accessible("network-directory")
    page.get_by_label("Specialist area").select_option(label="Quality assurance")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_text("1 person found").is_visible()
    page.get_by_role("link", name="Sam Patel").click()
    assert_accessible("network-directory-entry")
    page.get_by_label("What would you like help with?").fill(
        "Help preparing for QA audits of our aseptic unit."
    )
    page.get_by_role("button", name="Send mentoring request").click()
    assert page.get_by_text("Your request has been sent to Sam Patel").is_visible()
    assert_accessible("network-mentorship-requested")

    sign_out(page)
    sign_in("mentor@academy.example")
    follow_header_link("Mentees")
    assert_accessible("network-mentoring")
    page.get_by_role("link", name="Request from Alex Green").click()
    page.get_by_role("button", name="Accept request").click()
    assert page.get_by_text("You are now mentoring Alex Green.").is_visible()
    assert_accessible("network-mentorship-active")
    page.get_by_role("link", name="See Alex Green's plan and progress").click()
    assert page.get_by_role("heading", name="Alex Green").is_visible()
    assert page.get_by_role("link", name="Add to the training plan").count() == 0

    sign_out(page)
    sign_in(far_trainer.email, PASSWORD)
    response = page.goto(f"{url}/network/trainees/{alex.pk}/")
    assert response.status == 404
    assert "Alex Green" not in page.content()


def test_trainer_dashboard_and_directory_entry_are_accessible(
    page, demo_server, sign_in, assert_accessible, follow_header_link
):
    sign_in("trainer@academy.example")
    follow_header_link("Trainer dashboard")
    assert page.get_by_role("link", name="Priya Shah").first.is_visible()
    assert page.get_by_role("link", name="Tom Okafor").first.is_visible()
    assert page.locator(".nhsuk-tag", has_text="Overdue").count() >= 1
    assert_accessible("network-trainer-dashboard")
    page.goto(f"{demo_server.url}/network/directory/my-entry/")
    assert_accessible("network-directory-my-entry")
    page.get_by_role("button", name="Save entry").click()
    assert page.get_by_text("Your directory entry has been saved.").is_visible()
