"""The training lead, from the home page and clicking only, gives the demo trainee's
overdue plan item a new due date with a reason; the trainee then sees the
notification and the new date in her plan. Every page is axe-clean at desktop width
and at 320 CSS pixels."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.dateformat import format as date_format

from academy.models import AuditEvent
from passport.models import TrainingPlanItem

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
REASON = "Priya was on leave for six weeks; the unit agreed a new date."


def test_lead_changes_a_due_date_and_the_trainee_sees_it(
    page, demo_server, sign_in, check_page
):
    overdue = TrainingPlanItem.objects.select_related("competency").get(
        plan__trainee__email="trainee@academy.example", competency__code="COR-02"
    )
    code = overdue.competency.code
    new_date = timezone.localdate() + timedelta(days=75)
    new_date_words = date_format(new_date, "j F Y")

    sign_in("lead@academy.example")
    page.wait_for_url(re.compile(r"/$"))
    page.get_by_role("link", name=re.compile(r"^Competence matrix")).first.click()
    page.wait_for_url(re.compile(r"/passport/matrix/\d+/$"))
    page.get_by_role("link", name="Priya Shah", exact=True).click()
    page.get_by_role("heading", level=1, name="Priya Shah").wait_for()
    breadcrumbs = page.get_by_role("navigation", name="Breadcrumb")
    assert breadcrumbs.get_by_role("link", name="Home").count()
    assert page.get_by_role("heading", name="E-learning").is_visible()
    assert page.get_by_role("heading", name="Knowledge assessments").is_visible()
    assert page.get_by_role("heading", name="Workplace assessments").is_visible()
    check_page("lead-due-date-trainee-record")

    page.get_by_role("link", name=re.compile(rf"^Change due date of {code} ")).click()
    page.get_by_role("heading", level=1, name=re.compile(code)).wait_for()
    check_page("lead-due-date-form")

    with page.expect_navigation():
        page.get_by_role("button", name="Change due date").click()
    assert page.title().startswith("Error:")
    summary = page.locator(".nhsuk-error-summary")
    summary.get_by_role("link", name="Enter the new due date").wait_for()
    assert summary.get_by_role(
        "link", name="Give the reason for the new due date"
    ).is_visible()
    check_page("lead-due-date-form-errors")
    summary.get_by_role("link", name="Enter the new due date").click()
    assert page.evaluate("() => document.activeElement.id") == "id_due_on_0"

    due_date = page.get_by_role("group", name="New due date")
    due_date.get_by_label("Day").fill(str(new_date.day))
    due_date.get_by_label("Year").fill(str(new_date.year))
    page.get_by_label("Reason for the new date").fill(REASON)
    page.get_by_role("button", name="Change due date").click()
    summary.get_by_role("link", name="New due date must include a month").wait_for()
    assert summary.get_by_role("link").count() == 1
    month = due_date.get_by_label("Month")
    assert "nhsuk-input--error" in month.get_attribute("class")
    assert due_date.get_by_label("Day").input_value() == str(new_date.day)
    check_page("lead-due-date-form-month-missing")
    summary.get_by_role("link", name="New due date must include a month").click()
    assert page.evaluate("() => document.activeElement.id") == "id_due_on_1"

    month.fill(str(new_date.month))
    assert page.get_by_label("Reason for the new date").input_value() == REASON
    page.get_by_role("button", name="Change due date").click()
    page.get_by_text(f"{code} is now due on {new_date_words}.").wait_for()
    hint = page.locator(f"#plan-item-{overdue.pk}-hint")
    assert new_date_words in hint.inner_text()
    check_page("lead-due-date-trainee-record-changed")

    overdue.refresh_from_db()
    assert overdue.due_on == new_date
    event = AuditEvent.objects.get(action="passport.plan_item_due_date_changed")
    assert event.actor_name == "Helen Morris"
    assert event.details["reason"] == REASON

    page.get_by_role("button", name="Sign out").click()
    sign_in("trainee@academy.example")
    page.wait_for_url(re.compile(r"/$"))
    page.get_by_role("link", name=re.compile(r"^Notifications, \d+ unread")).click()
    page.wait_for_url(re.compile(r"/notifications/$"))
    told = page.get_by_role(
        "link", name=f"{code} {overdue.competency.title} is now due on {new_date_words}"
    )
    assert told.is_visible()
    assert page.get_by_text(f"Reason: {REASON}").is_visible()
    check_page("lead-due-date-notification")

    told.click()
    page.wait_for_url(re.compile(r"/passport/plan/$"))
    item_hint = page.locator(f"#plan-item-{overdue.pk}-hint")
    assert f"Due {new_date_words}" in item_hint.inner_text()
    assert "talk to your trainer" not in page.content()
    assert page.get_by_role("link", name=re.compile("^See the career pathway")).count()
    check_page("lead-due-date-trainee-plan")
