"""notify: once per event per person, e-mailed after commit in plain text and HTML to
that person alone, or kept for the daily digest, or not at all, as they chose."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from notifications.kinds import Delivery, EmailState, Kind
from notifications.models import Notification, NotificationPreference
from notifications.services import (
    mark_all_read,
    mark_read,
    notify,
    requeue_unsent_emails,
    send_daily_digests,
    send_notification_email,
    set_notification_preferences,
)
from notifications.tasks import (
    send_notification_digests,
    sweep_unsent_notification_emails,
)
from tests.factories.academy import UserFactory

pytestmark = pytest.mark.django_db


def tell(person, *, key="event:1", kind=Kind.PLAN_ITEM_ASSIGNED, **fields):
    values = {
        "title": "COR-01 added to your training plan",
        "body": "Due by 1 March 2027.",
        "link": "/passport/plan/",
    }
    values.update(fields)
    return notify(recipient=person, kind=kind, event_key=key, **values)


def choose(person, kind, delivery):
    NotificationPreference.objects.create(person=person, kind=kind, delivery=delivery)


def test_one_notification_and_one_e_mail_per_event_per_person(sent):
    person = UserFactory(full_name="Siobhán O'Neill-Reyes")
    other = UserFactory()

    first = sent(tell, person)
    assert sent(tell, person) is None  # the same event again
    sent(tell, other)

    assert Notification.objects.filter(recipient=person).count() == 1
    assert [m.to for m in mail.outbox] == [[person.email], [other.email]]
    message = mail.outbox[0]
    assert message.subject == "COR-01 added to your training plan"
    # Greeted by the name as typed: no HTML escaping in the plain text.
    assert "Dear Siobhán O'Neill-Reyes," in message.body
    assert "http://127.0.0.1:8000/passport/plan/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Dear Siobhán O&#x27;Neill-Reyes," in html
    assert 'href="http://127.0.0.1:8000/passport/plan/"' in html
    first.refresh_from_db()
    assert first.email_state == EmailState.SENT
    assert first.emailed_at is not None


def test_nothing_is_e_mailed_before_the_event_commits(
    django_capture_on_commit_callbacks,
):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        tell(person)
    assert not mail.outbox
    assert len(callbacks) == 1


def test_a_rolled_back_event_tells_nobody(sent):
    person = UserFactory()

    def event_that_fails():
        with transaction.atomic():
            tell(person)
            raise RuntimeError("the event's own write failed")

    with pytest.raises(RuntimeError):
        sent(event_that_fails)
    assert not Notification.objects.exists()
    assert not mail.outbox


def test_a_repeated_event_leaves_the_callers_transaction_usable(sent):
    person = UserFactory()

    def twice_in_one_transaction():
        with transaction.atomic():
            tell(person)
            assert tell(person) is None
            return Notification.objects.count()

    assert sent(twice_in_one_transaction) == 1


def test_off_records_nothing_and_digest_waits_for_the_daily_e_mail(sent):
    person = UserFactory()
    choose(person, Kind.PLAN_ITEM_ASSIGNED, Delivery.OFF)
    choose(person, Kind.MENTORING_ACCEPTED, Delivery.DIGEST)

    assert sent(tell, person) is None
    digested = sent(tell, person, key="m:1", kind=Kind.MENTORING_ACCEPTED)
    sent(tell, person, key="m:2", kind=Kind.MENTORING_ACCEPTED, title="Second", link="")

    assert digested.delivery == Delivery.DIGEST
    assert not mail.outbox
    assert Notification.objects.filter(recipient=person).count() == 2

    assert send_notification_digests.delay().get() == 1
    assert send_daily_digests() == 0  # nothing twice
    [digest] = mail.outbox
    assert digest.to == [person.email]
    assert "2 new" in digest.subject
    assert "COR-01 added to your training plan" in digest.body
    assert "Second" in digest.body
    assert "Second" in digest.alternatives[0][0]
    assert set(Notification.objects.values_list("email_state", flat=True)) == {
        EmailState.SENT
    }


def test_each_person_gets_their_own_digest(sent):
    people = UserFactory.create_batch(3)
    for person in people:
        choose(person, Kind.PLAN_ITEM_DUE_SOON, Delivery.DIGEST)
        sent(tell, person, kind=Kind.PLAN_ITEM_DUE_SOON)

    assert send_daily_digests() == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in mail.outbox)


def test_mandatory_kinds_ignore_a_stored_off_or_digest(sent):
    person = UserFactory()
    # Not possible through the form or the service: written straight to the table.
    NotificationPreference.objects.create(
        person=person, kind=Kind.SIGN_OFF_RETURNED, delivery=Delivery.OFF
    )
    notification = sent(tell, person, kind=Kind.SIGN_OFF_RETURNED)
    assert notification.delivery == Delivery.EACH
    assert len(mail.outbox) == 1


def test_inactive_accounts_are_not_told(sent):
    person = UserFactory(is_active=False)
    assert sent(tell, person) is None
    assert not mail.outbox


@pytest.mark.parametrize(
    "link", ["https://elsewhere.example/", "//elsewhere.example/x", "passport/"]
)
def test_links_go_only_to_pages_of_this_site(link):
    with pytest.raises(ValueError, match="not a page of this site"):
        tell(UserFactory(), link=link)


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="not a kind"):
        tell(UserFactory(), kind="gossip")


def test_a_failed_send_waits_and_the_sweep_sends_it(sent, monkeypatch):
    person = UserFactory()

    def down(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", down)
    notification = sent(tell, person)  # retried at once when eager, then logged
    notification.refresh_from_db()
    assert notification.email_state == EmailState.WAITING
    monkeypatch.undo()

    assert requeue_unsent_emails() == 0  # too recent: its own task may still run
    assert sweep_unsent_notification_emails.delay().get() == 0
    assert requeue_unsent_emails(older_than=timedelta(0)) == 1
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert send_notification_email(notification_id=notification.pk) is False


def test_an_e_mail_lost_with_its_worker_is_sent_again():
    notification = tell(UserFactory())  # its on-commit task never ran
    Notification.objects.filter(pk=notification.pk).update(
        email_state=EmailState.SENDING,
        email_claimed_at=timezone.now() - timedelta(minutes=16),
    )
    assert requeue_unsent_emails(older_than=timedelta(0)) == 1
    assert len(mail.outbox) == 1


def test_marking_read_is_the_recipients_alone():
    person, other = UserFactory(), UserFactory()
    first = tell(person, key="a")
    tell(person, key="b")
    theirs = tell(other, key="a")

    assert mark_read(notification=first, person=person) is True
    assert mark_read(notification=first, person=person) is False
    with pytest.raises(PermissionError):
        mark_read(notification=theirs, person=person)
    assert mark_all_read(person=person) == 1
    assert Notification.objects.filter(recipient=other, read_at=None).count() == 1


def test_preferences_are_kept_and_mandatory_kinds_cannot_change():
    person = UserFactory()
    set_notification_preferences(
        person=person, deliveries={Kind.PLAN_ITEM_DUE_SOON: Delivery.DIGEST}
    )
    set_notification_preferences(
        person=person, deliveries={Kind.PLAN_ITEM_DUE_SOON: Delivery.OFF}
    )
    assert NotificationPreference.objects.get(person=person).delivery == Delivery.OFF

    with pytest.raises(ValidationError) as refused:
        set_notification_preferences(
            person=person, deliveries={Kind.COMPETENCE_SUSPENDED: Delivery.OFF}
        )
    assert Kind.COMPETENCE_SUSPENDED.value in refused.value.message_dict
    with pytest.raises(ValidationError):
        set_notification_preferences(
            person=person, deliveries={Kind.PLAN_ITEM_DUE_SOON: "sometimes"}
        )
    assert NotificationPreference.objects.filter(person=person).count() == 1


def test_with_the_broker_down_the_event_stands_and_the_sweep_sends_later(
    sent, monkeypatch, caplog
):
    from kombu.exceptions import OperationalError

    from notifications.tasks import send_notification_email as task

    person = UserFactory()

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379")

    monkeypatch.setattr(task, "delay", broker_down)
    notification = sent(tell, person)
    assert "not queued for e-mail" in caplog.text
    monkeypatch.undo()

    assert not mail.outbox
    assert requeue_unsent_emails(older_than=timedelta(0)) == 1
    assert [m.to for m in mail.outbox] == [[person.email]]
    notification.refresh_from_db()
    assert notification.email_state == EmailState.SENT
