import hashlib
import hmac
import json
import threading
import uuid
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone
from jwcrypto import jwk

from passport.competences.services import (
    award_competence,
    revoke_competence,
    suspend_competence,
)
from passport.feed.services import (
    FeedDeliveryFailed,
    deliver_feed_event,
    deliver_queued_feed_events,
    feed_body,
)
from passport.models import FeedDeliveryStatus, FeedEvent
from passport.tasks import deliver_passport_feed_event, sweep_passport_feed
from tests.academy.test_settings_and_demo import STRONG_KEY, manage
from tests.conftest import PASSWORD
from tests.factories.academy import CompetencyFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET = "feed-test-secret"


class Receiver:
    """A national passport stand-in on 127.0.0.1 that answers 503 to its first
    `failures` requests and then accepts, recording every request it saw."""

    def __init__(self, failures: int = 0):
        self.failures = failures
        self.requests: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body))
                failing = len(receiver.requests) <= receiver.failures
                self.send_response(503 if failing else 202)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/feed"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    @property
    def accepted(self):
        return self.requests[self.failures :]


@pytest.fixture
def receiver(settings):
    receivers = []

    def start(failures=0):
        receiver = Receiver(failures)
        receivers.append(receiver)
        settings.PASSPORT_FEED_URL = receiver.url
        settings.PASSPORT_FEED_SECRET = SECRET
        return receiver

    yield start
    for receiver in receivers:
        receiver.close()


@pytest.fixture
def eager_retries(monkeypatch):
    """Let Celery run a task's retries in this process, as a worker would run them
    (with propagation on, an eager task stops at its first retry)."""
    from academy.celery import app

    monkeypatch.setitem(app.conf, "task_eager_propagates", False)


@pytest.fixture
def competency():
    return CompetencyFactory(revalidation_kind="every", revalidation_months=12)


def _award(holder, competency, **fields):
    return award_competence(
        holder=holder,
        competency=competency,
        achieved_on=timezone.localdate(),
        evidence={"note": "Observed preparing for patient J. Bloggs"},
        awarded_by=None,
        **fields,
    )


def test_every_change_is_queued_with_the_change_and_without_patient_data(
    competency,
):
    holder = UserFactory(registration_number="5012345")
    trainer = UserFactory()

    awarded = _award(holder, competency)
    renewed = _award(holder, competency)
    suspended = suspend_competence(
        competence=awarded.competence,
        signed_by=trainer,
        role="Trainer",
        reason="Contamination seen when preparing for patient J. Bloggs",
        password=PASSWORD,
    )
    revoked = revoke_competence(
        competence=awarded.competence,
        signed_by=trainer,
        role="Lead",
        reason="Fraud",
        password=PASSWORD,
    )

    feed = {f.competence_event_id: f for f in FeedEvent.objects.all()}
    assert [feed[e.pk].event_type for e in (awarded, renewed, suspended, revoked)] == [
        "competence.awarded",
        "competence.renewed",
        "competence.suspended",
        "competence.revoked",
    ]
    payload = feed[suspended.pk].payload
    assert payload["holder"]["registration_number"] == "5012345"
    assert payload["competency"]["code"] == competency.code
    assert payload["status"] == "suspended"
    assert "Bloggs" not in json.dumps([f.payload for f in feed.values()])
    assert all(f.status == FeedDeliveryStatus.PENDING for f in feed.values())


def test_a_rolled_back_change_leaves_no_feed_event(competency):
    holder = UserFactory()
    with pytest.raises(ValueError, match="Unknown revalidation rule"):
        _award(holder, CompetencyFactory(revalidation_kind="sometimes"))

    assert not FeedEvent.objects.exists()


def test_delivery_is_retried_until_accepted_and_marked_delivered_once(
    competency, receiver
):
    server = receiver(failures=2)
    feed_event = FeedEvent.objects.get(
        competence_event=_award(UserFactory(), competency)
    )

    for _ in range(2):
        with pytest.raises(FeedDeliveryFailed, match="503"):
            deliver_feed_event(feed_event_id=feed_event.pk)
    feed_event.refresh_from_db()
    assert (feed_event.attempts, feed_event.status) == (2, FeedDeliveryStatus.PENDING)
    assert "503" in feed_event.last_error

    assert deliver_feed_event(feed_event_id=feed_event.pk) is True
    assert deliver_feed_event(feed_event_id=feed_event.pk) is False

    feed_event.refresh_from_db()
    assert feed_event.status == FeedDeliveryStatus.DELIVERED
    assert (feed_event.attempts, feed_event.last_error) == (3, "")
    assert feed_event.delivered_at is not None
    assert len(server.requests) == 3
    assert len(server.accepted) == 1
    keys = {headers["Idempotency-Key"] for headers, _ in server.requests}
    assert keys == {str(feed_event.uuid)}
    assert len({body for _, body in server.requests}) == 1


def test_the_signature_verifies_over_the_exact_body(competency, receiver):
    server = receiver()
    feed_event = FeedEvent.objects.get(
        competence_event=_award(UserFactory(), competency)
    )

    deliver_feed_event(feed_event_id=feed_event.pk)

    headers, body = server.requests[0]
    expected = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-Academy-Signature"], f"sha256={expected}")
    assert headers["Content-Type"] == "application/json"
    envelope = json.loads(body)
    assert envelope["id"] == str(feed_event.uuid)
    assert envelope["type"] == "competence.awarded"
    assert envelope["data"] == feed_event.payload
    assert body == feed_body(feed_event)


def test_with_the_feed_off_events_stay_queued(competency, settings):
    settings.PASSPORT_FEED_URL = ""
    feed_event = FeedEvent.objects.get(
        competence_event=_award(UserFactory(), competency)
    )

    assert deliver_feed_event(feed_event_id=feed_event.pk) is False
    assert deliver_queued_feed_events(older_than=timedelta(0)) == 0

    feed_event.refresh_from_db()
    assert (feed_event.status, feed_event.attempts) == ("pending", 0)


def test_an_unreachable_receiver_is_recorded_as_a_failed_attempt(competency, settings):
    settings.PASSPORT_FEED_URL = "http://127.0.0.1:9/nothing-listens-here"
    feed_event = FeedEvent.objects.get(
        competence_event=_award(UserFactory(), competency)
    )

    with pytest.raises(FeedDeliveryFailed, match="Unreachable"):
        deliver_feed_event(feed_event_id=feed_event.pk)

    feed_event.refresh_from_db()
    assert feed_event.attempts == 1


def test_the_sweep_delivers_queued_events_oldest_first_and_stops_when_down(
    competency, receiver
):
    server = receiver(failures=1)
    holders = UserFactory.create_batch(3)
    for holder in holders:
        _award(holder, competency)
    FeedEvent.objects.update(created_at=timezone.now() - timedelta(hours=1))

    assert sweep_passport_feed.delay().get() == 0  # the receiver is down: stop
    assert len(server.requests) == 1
    assert deliver_queued_feed_events() == 3

    holder_ids = [
        json.loads(body)["data"]["holder"]["id"] for _, body in server.accepted
    ]
    assert holder_ids == [h.pk for h in holders]
    assert not FeedEvent.objects.exclude(status=FeedDeliveryStatus.DELIVERED).exists()


def test_the_sweep_leaves_fresh_events_to_their_own_delivery_task(competency, receiver):
    server = receiver()
    _award(UserFactory(), competency)

    assert deliver_queued_feed_events() == 0
    assert not server.requests


def test_the_task_retries_with_back_off_until_accepted(
    competency, receiver, eager_retries
):
    server = receiver(failures=2)
    feed_event = FeedEvent.objects.get(
        competence_event=_award(UserFactory(), competency)
    )

    # apply() runs Celery's retries in this process, without the back-off delays.
    result = deliver_passport_feed_event.apply(args=[feed_event.pk], throw=False)

    assert result.get() is True
    feed_event.refresh_from_db()
    assert feed_event.status == FeedDeliveryStatus.DELIVERED
    assert feed_event.attempts == 3
    assert len(server.accepted) == 1
    assert {h["Idempotency-Key"] for h, _ in server.requests} == {str(feed_event.uuid)}


def test_the_task_gives_up_after_bounded_retries_and_leaves_it_to_the_sweep(
    competency, receiver, eager_retries
):
    server = receiver(failures=100)
    feed_event = FeedEvent.objects.get(
        competence_event=_award(UserFactory(), competency)
    )

    result = deliver_passport_feed_event.apply(args=[feed_event.pk], throw=False)

    assert isinstance(result.result, FeedDeliveryFailed)
    retries = deliver_passport_feed_event.max_retries
    assert len(server.requests) == retries + 1
    feed_event.refresh_from_db()
    assert feed_event.status == FeedDeliveryStatus.PENDING
    assert feed_event.attempts == retries + 1


def test_on_commit_the_first_delivery_is_attempted(
    competency, receiver, django_capture_on_commit_callbacks
):
    server = receiver()

    with django_capture_on_commit_callbacks(execute=True):
        event = _award(UserFactory(), competency)

    feed_event = FeedEvent.objects.get(competence_event=event)
    assert feed_event.status == FeedDeliveryStatus.DELIVERED
    assert len(server.requests) == 1


def test_a_feed_outage_never_fails_the_change_that_committed(
    competency, settings, django_capture_on_commit_callbacks
):
    settings.PASSPORT_FEED_URL = "http://127.0.0.1:9/nothing-listens-here"

    with django_capture_on_commit_callbacks(execute=True):
        event = _award(UserFactory(), competency)

    feed_event = FeedEvent.objects.get(competence_event=event)
    assert feed_event.status == FeedDeliveryStatus.PENDING
    assert feed_event.attempts >= 1
    assert uuid.UUID(str(feed_event.uuid))


def test_administrators_see_the_feed_read_only(client, make_user, competency):
    feed_event = FeedEvent.objects.get(
        competence_event=_award(UserFactory(), competency)
    )
    admin = make_user(is_superuser=True, is_staff=True)
    client.force_login(admin)

    assert client.get("/admin/passport_feed/").status_code == 200
    inspect = client.get(f"/admin/passport_feed/inspect/{feed_event.pk}/")
    assert inspect.status_code == 200
    assert str(feed_event.uuid) in inspect.text
    assert client.get(f"/admin/passport_feed/edit/{feed_event.pk}/").status_code in {
        302,
        403,
        404,
    }


def test_editors_cannot_see_the_feed(client, make_user):
    client.force_login(make_user("Editor", is_staff=True))

    assert client.get("/admin/passport_feed/").status_code in {302, 403}


@pytest.mark.parametrize(
    ("feed", "message"),
    [
        ({"PASSPORT_FEED_URL": "http://feed.example"}, "must be an https://"),
        ({"PASSPORT_FEED_URL": "https://feed.example"}, "PASSPORT_FEED_SECRET is"),
    ],
)
def test_production_refuses_an_insecure_or_unsigned_feed(feed, message):
    result = manage(
        "check",
        DJANGO_SETTINGS_MODULE="academy.settings.production",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="academy.example.nhs.uk",
        PASSPORT_SIGNING_KEY=jwk.JWK.generate(
            kty="OKP", crv="Ed25519"
        ).export_private(),
        **feed,
    )

    assert result.returncode != 0
    assert message in result.stderr
