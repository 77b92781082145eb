"""The notification centre, marking read, preferences and the header's count: each
person sees and marks only their own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from notifications.kinds import MANDATORY, OPTIONAL, Delivery, Kind
from notifications.models import Notification, NotificationPreference
from notifications.services import notify
from notifications.views import PER_PAGE

pytestmark = pytest.mark.django_db
CENTRE = reverse("notifications:centre")
PREFERENCES = reverse("notifications:preferences")


def tell(person, n: int, **fields):
    values = {
        "kind": Kind.PLAN_ITEM_DUE_SOON,
        "title": f"Item {n} is due in 3 days",
        "body": f"Body of item {n}.",
        "link": "/passport/plan/",
    }
    values.update(fields)
    return notify(recipient=person, event_key=f"test:{n}", **values)


@pytest.fixture
def person(trainee, client):
    client.force_login(trainee)
    return trainee


def test_the_centre_lists_the_persons_own_newest_first_unread_marked(
    person, make_user, client
):
    older = tell(person, 1)
    tell(person, 2)
    tell(make_user("Trainee"), 3)
    Notification.objects.filter(pk=older.pk).update(
        read_at=older.created_at, created_at=older.created_at.replace(year=2020)
    )

    page = client.get(CENTRE).content.decode()

    assert page.index("Item 2 is due") < page.index("Item 1 is due")
    assert "Item 3" not in page
    assert page.count(">Unread<") == 1
    assert page.count("Mark as read<") == 1
    assert "Mark all as read" in page
    assert reverse("notifications:open", args=[older.pk]) in page


def test_the_centre_is_paginated(person, client):
    for n in range(PER_PAGE + 3):
        tell(person, n)

    first = client.get(CENTRE).content.decode()
    second = client.get(CENTRE, {"page": 2}).content.decode()
    beyond = client.get(CENTRE, {"page": "x99"})

    assert first.count("nhsuk-card__heading") == PER_PAGE
    assert second.count("nhsuk-card__heading") == 3
    assert "Page 2 of 2" in first
    assert beyond.status_code == 200


def test_an_empty_centre_says_so(person, client):
    assert "You have no notifications yet" in client.get(CENTRE).content.decode()


def test_mark_as_read_and_mark_all_as_read(person, client):
    first = tell(person, 0)
    tell(person, 1)
    tell(person, 2)

    response = client.post(
        reverse("notifications:mark_read", args=[first.pk]), {"page": "2"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{CENTRE}?page=2"
    first.refresh_from_db()
    assert first.read_at is not None

    response = client.post(reverse("notifications:mark_all_read"), follow=True)
    assert "2 notifications marked as read." in response.content.decode()
    assert not Notification.objects.filter(read_at=None).exists()
    assert "Mark all as read" not in response.content.decode()


def test_opening_a_notification_marks_it_read_and_goes_where_the_person_acts(
    person, client
):
    notification = tell(person, 1)

    response = client.get(reverse("notifications:open", args=[notification.pk]))

    assert response.status_code == 302
    assert response["Location"] == "/passport/plan/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_another_persons_notification_is_not_found(person, make_user, client):
    theirs = tell(make_user("Trainee"), 1)

    for name, method in [("open", client.get), ("mark_read", client.post)]:
        response = method(reverse(f"notifications:{name}", args=[theirs.pk]))
        assert response.status_code == 404
    assert client.get(reverse("notifications:open", args=[2**63])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_marking_read_needs_a_post(person, client):
    notification = tell(person, 1)
    response = client.get(reverse("notifications:mark_read", args=[notification.pk]))
    assert response.status_code == 405


def test_visitors_are_sent_to_sign_in(client):
    for url in (CENTRE, PREFERENCES):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("sign_in"))
    assert client.post(reverse("notifications:mark_all_read")).status_code == 302


def test_the_header_shows_the_unread_count_to_eyes_and_screen_readers(person, client):
    page = client.get(CENTRE).content.decode()
    assert f'href="{CENTRE}">Notifications</a>' in page

    for n in range(3):
        tell(person, n)
    page = client.get(reverse("passport:passport")).content.decode()
    assert (
        '<span class="nhsuk-u-visually-hidden">Notifications, 3 unread</span>'
        '<span aria-hidden="true">Notifications'
        '<span class="academy-notification-count">3</span></span>'
    ) in page


def test_the_unread_count_costs_one_query_on_an_existing_page(
    person, client, django_assert_max_num_queries
):
    url = reverse("passport:passport")
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for n in range(30):
        tell(person, n)

    with django_assert_max_num_queries(len(before)) as captured:
        response = client.get(url)

    assert "30 unread" in response.content.decode()
    counting = [
        q["sql"] for q in captured.captured_queries if "notifications_" in q["sql"]
    ]
    assert len(counting) == 1


def test_a_visitor_costs_no_notification_query(client):
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("sign_in"))
    assert not [q for q in captured.captured_queries if "notifications_" in q["sql"]]


def test_preferences_show_each_optional_kind_and_the_mandatory_ones_as_always_on(
    person, client
):
    page = client.get(PREFERENCES).content.decode()

    for kind in OPTIONAL:
        assert f'name="{kind.value}"' in page
    for kind in MANDATORY:
        assert f"{kind.label}: always on" in page
        assert f'name="{kind.value}"' not in page
    # Each time by e-mail until the person chooses.
    assert page.count('value="each" checked') == len(OPTIONAL)


def test_saving_preferences(person, client):
    data = {kind.value: Delivery.EACH for kind in OPTIONAL}
    data[Kind.PLAN_ITEM_DUE_SOON.value] = Delivery.DIGEST
    data[Kind.MENTORING_ACCEPTED.value] = Delivery.OFF
    data[Kind.COMPETENCE_REVOKED.value] = Delivery.OFF  # not a field: ignored

    response = client.post(PREFERENCES, data, follow=True)

    assert "Your notification preferences are saved." in response.content.decode()
    assert dict(
        NotificationPreference.objects.filter(person=person).values_list(
            "kind", "delivery"
        )
    ) == {
        **{k.value: Delivery.EACH for k in OPTIONAL},
        **{
            Kind.PLAN_ITEM_DUE_SOON.value: Delivery.DIGEST,
            Kind.MENTORING_ACCEPTED.value: Delivery.OFF,
        },
    }
    page = client.get(PREFERENCES).content.decode()
    assert page.count('value="digest" checked') == 1
    assert page.count('value="off" checked') == 1


def test_a_missing_or_bad_choice_is_an_error_linked_to_its_first_radio(person, client):
    data = {kind.value: Delivery.EACH for kind in OPTIONAL}
    del data[Kind.PLAN_ITEM_ASSIGNED.value]
    data[Kind.PLAN_ITEM_OVERDUE.value] = "sometimes"

    response = client.post(PREFERENCES, data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "<title>Error: " in page
    assert f'href="#id_{Kind.PLAN_ITEM_ASSIGNED.value}_0"' in page
    assert f'href="#id_{Kind.PLAN_ITEM_OVERDUE.value}_0"' in page
    assert f'id="id_{Kind.PLAN_ITEM_ASSIGNED.value}_0"' in page
    # In page order: the summary lists the errors as the fields come.
    assert page.index(f"#id_{Kind.PLAN_ITEM_ASSIGNED.value}_0") < page.index(
        f"#id_{Kind.PLAN_ITEM_OVERDUE.value}_0"
    )
    assert not NotificationPreference.objects.exists()
