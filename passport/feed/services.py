"""The national passport feed: queue competence changes in an outbox, deliver them as
signed JSON, and mark each delivered exactly once."""

import hashlib
import hmac
import json
import logging
import urllib.error
import urllib.request
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from passport.models import CompetenceEvent, FeedDeliveryStatus, FeedEvent

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Academy-Signature"
IDEMPOTENCY_HEADER = "Idempotency-Key"


class FeedDeliveryFailed(Exception):
    """The receiver could not be reached or did not accept the event; retry later."""


def feed_payload(event: CompetenceEvent) -> dict[str, Any]:
    """What the national passport learns of a change: who holds which competency,
    its status and dates. Never evidence or free-text reasons, which may mention
    patients."""
    competence = event.competence
    holder = competence.holder
    organisation = holder.organisation
    return {
        "competence_event_id": event.pk,
        "kind": event.kind,
        "occurred_at": event.occurred_at,
        "holder": {
            "id": holder.pk,
            "name": holder.full_name,
            "registration_number": holder.registration_number,
            "organisation_ods_code": organisation.ods_code if organisation else "",
        },
        "competency": {
            "code": competence.competency.code,
            "title": competence.competency.title,
        },
        "status": event.status_after,
        "first_achieved_on": competence.first_achieved_on,
        "achieved_on": event.achieved_on,
        "expires_on": event.expires_on,
    }


def feed_body(feed_event: FeedEvent) -> bytes:
    """The exact bytes POSTed and signed; the same on every attempt."""
    envelope = {
        "id": str(feed_event.uuid),
        "type": feed_event.event_type,
        "created_at": feed_event.created_at.isoformat(),
        "data": feed_event.payload,
    }
    return json.dumps(envelope, sort_keys=True, separators=(",", ":")).encode()


def feed_signature(body: bytes, *, secret: str) -> str:
    """HMAC-SHA256 of the body with the shared secret, as the receiver checks it."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def _enqueue_delivery(feed_event_id: int) -> None:
    # Imported here: the tasks module imports these services.
    from passport.tasks import deliver_passport_feed_event

    deliver_passport_feed_event.delay(feed_event_id)


def record_feed_event(event: CompetenceEvent) -> FeedEvent:
    """Queue a competence change for the national passport in the caller's
    transaction; delivery is enqueued once that transaction commits, so a rolled-back
    change is never announced."""
    feed_event = FeedEvent.objects.create(
        event_type=f"competence.{event.kind}",
        competence_event=event,
        payload=json.loads(json.dumps(feed_payload(event), cls=DjangoJSONEncoder)),
        created_at=event.occurred_at,
    )
    # robust: a feed outage must never fail the award or suspension that committed.
    transaction.on_commit(lambda: _enqueue_delivery(feed_event.pk), robust=True)
    return feed_event


def feed_enabled() -> bool:
    return bool(settings.PASSPORT_FEED_URL)


def _post(feed_event: FeedEvent) -> None:
    url = settings.PASSPORT_FEED_URL
    if not url.startswith(("https://", "http://")):
        raise FeedDeliveryFailed(f"Unsupported feed address: {url!r}")
    body = feed_body(feed_event)
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            SIGNATURE_HEADER: feed_signature(
                body, secret=settings.PASSPORT_FEED_SECRET
            ),
            IDEMPOTENCY_HEADER: str(feed_event.uuid),
        },
    )
    try:
        with urllib.request.urlopen(  # noqa: S310 - scheme checked above
            request, timeout=settings.PASSPORT_FEED_TIMEOUT
        ) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        raise FeedDeliveryFailed(f"HTTP {error.code} {error.reason}") from error
    except (urllib.error.URLError, OSError) as error:
        raise FeedDeliveryFailed(f"Unreachable: {error}") from error
    if not 200 <= status < 300:
        raise FeedDeliveryFailed(f"HTTP {status}")


def deliver_feed_event(*, feed_event_id: int) -> bool:
    """POST one queued event to the national passport; True if this call delivered it.

    The row is locked while it is sent (another worker skips it) and marked
    delivered only if it was not already, so it is marked delivered exactly once.
    A failure is recorded on the event and raised for the caller to retry. With the
    feed off, nothing is sent and the event stays queued.
    """
    if not feed_enabled():
        return False
    with transaction.atomic():
        feed_event = (
            FeedEvent.objects.select_for_update(skip_locked=True)
            .filter(pk=feed_event_id, delivered_at=None)
            .first()
        )
        if feed_event is None:
            return False
        now = timezone.now()
        try:
            _post(feed_event)
        except FeedDeliveryFailed as error:
            failure = error
            FeedEvent.objects.filter(pk=feed_event.pk).update(
                attempts=feed_event.attempts + 1,
                last_attempt_at=now,
                last_error=str(error)[:1000],
            )
        else:
            return bool(
                FeedEvent.objects.filter(pk=feed_event.pk, delivered_at=None).update(
                    status=FeedDeliveryStatus.DELIVERED,
                    attempts=feed_event.attempts + 1,
                    last_attempt_at=now,
                    last_error="",
                    delivered_at=now,
                )
            )
    logger.warning("Passport feed event %s not delivered: %s", feed_event_id, failure)
    raise failure


def deliver_queued_feed_events(
    *, older_than: timedelta = timedelta(minutes=5), limit: int = 500
) -> int:
    """The sweep: deliver events still queued (oldest first), for example after the
    feed was switched on or the receiver was down; stops at the first failure, since
    the receiver is then likely down. Returns how many it delivered."""
    if not feed_enabled():
        return 0
    queued = FeedEvent.objects.filter(
        status=FeedDeliveryStatus.PENDING,
        created_at__lte=timezone.now() - older_than,
    ).order_by("created_at", "id")
    delivered = 0
    for feed_event_id in queued.values_list("pk", flat=True)[:limit]:
        try:
            delivered += deliver_feed_event(feed_event_id=feed_event_id)
        except FeedDeliveryFailed:
            break
    return delivered
