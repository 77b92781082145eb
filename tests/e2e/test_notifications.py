"""The trainee sees the unread count in the header, reads and marks notifications in
the notification centre, and chooses a daily digest; every page axe-clean at desktop
width and at 320 CSS pixels."""

import re

import pytest

from notifications.kinds import Delivery, Kind
from notifications.models import NotificationPreference

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def test_trainee_reads_notifications_and_chooses_a_daily_digest(
    page, demo_server, sign_in, assert_accessible
):
    sign_in("trainee@academy.example")
    page.get_by_role("link", name="Notifications, 3 unread").click()
    page.wait_for_url(re.compile(r"/notifications/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Notifications"
    assert page.locator(".academy-notification--unread").count() == 3
    assert_accessible("notifications-centre")

    page.get_by_role("button", name=re.compile(r"^Mark as read")).first.click()
    page.wait_for_url(re.compile(r"/notifications/$"))
    assert page.get_by_role("link", name="Notifications, 2 unread").is_visible()
    assert page.locator(".academy-notification--unread").count() == 2

    # Following a notification marks it read and opens the page where Priya acts.
    unread = page.locator(".academy-notification--unread .nhsuk-card__link").first
    unread.click()
    page.wait_for_load_state()
    assert "/notifications/" not in page.url
    assert page.get_by_role("link", name="Notifications, 1 unread").is_visible()

    page.get_by_role("link", name=re.compile(r"^Notifications")).click()
    page.get_by_role("button", name="Mark all as read").click()
    assert page.get_by_text("1 notification marked as read.").is_visible()
    assert page.get_by_role("link", name="Notifications", exact=True).is_visible()

    page.get_by_role(
        "link", name="Choose how you are told about each kind of notification"
    ).click()
    page.wait_for_url(re.compile(r"/notifications/preferences/$"))
    assert_accessible("notifications-preferences")
    fieldset = page.get_by_role("group", name=Kind.PLAN_ITEM_DUE_SOON.label)
    fieldset.get_by_label(Delivery.DIGEST.label).check()
    page.get_by_role("button", name="Save preferences").click()
    assert page.get_by_text("Your notification preferences are saved.").is_visible()
    assert (
        NotificationPreference.objects.get(
            person__email="trainee@academy.example", kind=Kind.PLAN_ITEM_DUE_SOON
        ).delivery
        == Delivery.DIGEST
    )

    page.set_viewport_size({"width": 320, "height": 640})
    for path, name in [
        ("/notifications/", "notifications-centre-320"),
        ("/notifications/preferences/", "notifications-preferences-320"),
    ]:
        page.goto(demo_server.url + path)
        assert page.evaluate(NO_SIDEWAYS_SCROLL), f"{path} scrolls sideways"
        assert_accessible(name)
