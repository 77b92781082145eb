"""Sharing a passport by link: the rules, the services and the pages."""

import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from academy.models import AuditEvent
from passport.competences.services import award_competence
from passport.competences.status import competence_status
from passport.models import CompetenceStatus, ShareLink, ShareLinkView
from passport.sharing.services import (
    active_share_link,
    create_share_link,
    record_share_view,
    revoke_share_link,
    share_expiry_error,
    share_links_of,
    token_hash,
    truncated_network,
)
from tests.factories.academy import CompetencyFactory

TODAY = date(2026, 11, 23)


# Pure rules.


@pytest.mark.parametrize(
    ("expires_on", "ok"),
    [
        (TODAY + timedelta(days=1), True),
        (date(2027, 11, 23), True),
        (date(2027, 11, 24), False),
        (TODAY, False),
        (TODAY - timedelta(days=3), False),
        (None, False),
    ],
)
def test_share_links_last_from_tomorrow_to_twelve_months(expires_on, ok):
    assert (share_expiry_error(expires_on, today=TODAY) is None) is ok


@pytest.mark.parametrize(
    ("address", "network"),
    [
        ("203.0.113.42", "203.0.113.0/24"),
        ("2001:db8:abcd:12::1", "2001:db8:abcd::/48"),
        ("not an address", ""),
        (None, ""),
    ],
)
def test_only_the_viewers_network_is_kept(address, network):
    assert truncated_network(address) == network


@pytest.mark.parametrize(
    ("status", "expires_on", "shown"),
    [
        ("current", TODAY + timedelta(days=200), "current"),
        ("current", TODAY + timedelta(days=30), "expiring"),
        ("current", TODAY - timedelta(days=1), "expired"),
        ("expiring", TODAY - timedelta(days=1), "expired"),
        ("current", None, "current"),
        ("suspended", TODAY - timedelta(days=1), "suspended"),
        ("revoked", TODAY + timedelta(days=30), "revoked"),
    ],
)
def test_status_shown_follows_the_last_day(status, expires_on, shown):
    assert competence_status(status, expires_on=expires_on, today=TODAY) == shown


# Services.


def test_a_new_link_stores_only_the_hash_of_its_token_and_is_audited(trainee):
    created = create_share_link(
        holder=trainee, expires_on=timezone.localdate() + timedelta(days=30)
    )
    link = ShareLink.objects.get()
    assert created.token not in link.token_hash
    assert link.token_hash == token_hash(created.token)
    assert len(created.token) >= 40
    event = AuditEvent.objects.get(action="passport.share_link_created")
    assert event.actor_id == trainee.pk
    assert created.token not in str(event.details)
    assert active_share_link(created.token) == link


def test_bad_expiry_stores_nothing(trainee):
    with pytest.raises(ValidationError):
        create_share_link(
            holder=trainee, expires_on=timezone.localdate() + timedelta(days=400)
        )
    assert not ShareLink.objects.exists()
    assert not AuditEvent.objects.filter(action="passport.share_link_created").exists()


def test_revoked_and_expired_links_open_nothing(trainee):
    today = timezone.localdate()
    created = create_share_link(holder=trainee, expires_on=today + timedelta(days=5))
    assert active_share_link(created.token, today=today + timedelta(days=5))
    assert active_share_link(created.token, today=today + timedelta(days=6)) is None
    revoke_share_link(link=created.link, revoked_by=trainee)
    revoke_share_link(link=created.link, revoked_by=trainee)
    assert active_share_link(created.token) is None
    assert AuditEvent.objects.filter(action="passport.share_link_revoked").count() == 1


def test_a_view_keeps_the_network_and_a_trimmed_browser(trainee):
    created = create_share_link(
        holder=trainee, expires_on=timezone.localdate() + timedelta(days=5)
    )
    view = record_share_view(
        link=created.link, address="198.51.100.7", user_agent="x" * 500
    )
    assert view.network == "198.51.100.0/24"
    assert len(view.user_agent) == 200


# Pages.


def share(client, holder, days=30):
    client.force_login(holder)
    expires_on = timezone.localdate() + timedelta(days=days)
    response = client.post(
        reverse("passport:sharing"), {"expires_on": expires_on.isoformat()}
    )
    assert response.status_code == 200
    return re.search(r"/passport/shared/([\w-]+)/", response.content.decode())[1]


def test_holder_shares_and_anyone_with_the_link_sees_the_passport(client, trainee):
    competency = CompetencyFactory(title="Aseptic gowning")
    award_competence(
        holder=trainee,
        competency=competency,
        achieved_on=timezone.localdate() - timedelta(days=10),
        evidence={
            "file": "secret-evidence.pdf",
            "process_validation": {
                "kind": "gowning",
                "validation_ids": [],
                "performed_on": ["2026-09-25"],
            },
        },
        awarded_by=None,
    )
    token = share(client, trainee)
    client.logout()
    response = client.get(
        reverse("passport:shared_passport", args=[token]),
        HTTP_USER_AGENT="Inspector browser",
        REMOTE_ADDR="203.0.113.9",
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert trainee.full_name in page
    assert "Aseptic gowning" in page
    assert "Valid" in page
    assert trainee.email not in page
    assert "secret-evidence" not in page
    assert "Gowning" not in page  # evidence is never shared
    assert response["Referrer-Policy"] == "no-referrer"
    view = ShareLinkView.objects.get()
    assert (view.network, view.user_agent) == ("203.0.113.0/24", "Inspector browser")

    client.force_login(trainee)
    sharing = client.get(reverse("passport:sharing")).content.decode()
    assert "203.0.113.0/24" in sharing
    assert "Inspector browser" in sharing


@pytest.mark.parametrize(
    ("expires_on", "message"),
    [
        ("", "Enter the date the link stops working"),
        ("2020-01-01", "must be in the future"),
        ("not-a-date", "Enter a real date"),
        ("2999-01-01", "up to 12 months"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_stored(
    client, trainee, expires_on, message
):
    client.force_login(trainee)
    response = client.post(reverse("passport:sharing"), {"expires_on": expires_on})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not ShareLink.objects.exists()


def test_expired_revoked_and_unknown_links_are_the_same_404(client, trainee):
    token = share(client, trainee, days=1)
    link = ShareLink.objects.get()
    client.post(reverse("passport:revoke_share_link", args=[link.pk]))
    client.logout()
    url = reverse("passport:shared_passport", args=[token])
    assert client.get(url).status_code == 404
    assert client.get(url.replace(token, "unknown-token")).status_code == 404
    ShareLink.objects.update(revoked_at=None, expires_on=date(2020, 1, 1))
    assert client.get(url).status_code == 404
    assert not ShareLinkView.objects.exists()


def test_nobody_revokes_another_persons_link(client, trainee, make_user):
    token = share(client, trainee)
    link = ShareLink.objects.get()
    client.force_login(make_user("Trainee"))
    response = client.post(reverse("passport:revoke_share_link", args=[link.pk]))
    assert response.status_code == 404
    assert active_share_link(token) is not None


def test_revoking_is_post_only(client, trainee):
    share(client, trainee)
    link = ShareLink.objects.get()
    response = client.get(reverse("passport:revoke_share_link", args=[link.pk]))
    assert response.status_code == 405
    assert ShareLink.objects.get().revoked_at is None


def test_sharing_page_needs_sign_in(client):
    response = client.get(reverse("passport:sharing"))
    assert response.status_code == 302


def test_shared_passport_shows_suspended_competences_as_such(client, trainee):
    event = award_competence(
        holder=trainee,
        competency=CompetencyFactory(),
        achieved_on=timezone.localdate(),
        evidence={},
        awarded_by=None,
    )
    event.competence.status = CompetenceStatus.SUSPENDED
    event.competence.save()
    token = share(client, trainee)
    page = client.get(reverse("passport:shared_passport", args=[token]))
    assert "Suspended" in page.content.decode()


def test_sharing_page_queries_do_not_grow_with_links_or_views(client, trainee):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("passport:sharing")).status_code == 200
        return len(captured)

    share(client, trainee)
    small = queries()
    for _ in range(4):
        created = create_share_link(
            holder=trainee, expires_on=timezone.localdate() + timedelta(days=9)
        )
        record_share_view(link=created.link, address="192.0.2.1", user_agent="A")
    assert queries() == small
    assert small > 2


def test_holders_links_are_listed_newest_first_with_their_views(trainee):
    expires_on = timezone.localdate() + timedelta(days=9)
    older = create_share_link(holder=trainee, expires_on=expires_on).link
    newer = create_share_link(holder=trainee, expires_on=expires_on).link
    record_share_view(link=older, address="192.0.2.1", user_agent="A")
    links = list(share_links_of(trainee))
    assert links == [newer, older]
    assert [link.view_count for link in links] == [0, 1]
