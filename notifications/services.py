"""Telling people: record a notification once per event, e-mail it after commit (or
in the daily digest), mark it read, and keep each person's preferences.

Higher apps call `notify` from the service that causes the event, inside its
transaction: a rolled-back event tells no one.
"""

import logging
from collections import defaultdict
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from kombu.exceptions import OperationalError

from academy.models import User
from notifications.kinds import (
    MANDATORY,
    OPTIONAL,
    Delivery,
    EmailState,
    Kind,
    delivery_for,
)
from notifications.models import Notification, NotificationPreference

logger = logging.getLogger(__name__)

# An e-mail claimed this long ago and not marked sent was lost with its worker.
STUCK_AFTER = timedelta(minutes=15)


def absolute_url(path: str) -> str:
    """A link on this site as an address that works from an e-mail."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def is_site_path(link: str) -> bool:
    """Notifications link only to pages of this site, never elsewhere."""
    return link.startswith("/") and url_has_allowed_host_and_scheme(
        link, allowed_hosts=None
    )


def notify(
    *,
    recipient: User,
    kind: str,
    title: str,
    body: str,
    link: str,
    event_key: str,
) -> Notification | None:
    """Tell a person about an event once: the notification is recorded now and e-mailed
    after the event commits, or kept for the daily digest, as the person chose (a
    mandatory kind is always e-mailed at once). Nothing is recorded for a kind turned
    off, for an inactive account, or for an event the person was already told of."""
    if kind not in Kind.values:
        raise ValueError(f"{kind!r} is not a kind of notification.")
    if link and not is_site_path(link):
        raise ValueError(f"{link!r} is not a page of this site.")
    if not recipient.is_active:
        return None
    chosen = None
    if kind not in MANDATORY:
        chosen = (
            NotificationPreference.objects.filter(person=recipient, kind=kind)
            .values_list("delivery", flat=True)
            .first()
        )
    delivery = delivery_for(kind, chosen=chosen)
    if delivery == Delivery.OFF:
        return None
    try:
        # A savepoint: the caller's transaction carries on if this event was
        # already notified (the unique constraint, not a prior read, decides).
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient,
                kind=kind,
                title=title[:200],
                body=body,
                link=link,
                event_key=event_key[:200],
                delivery=delivery,
            )
    except IntegrityError:
        return None
    if delivery == Delivery.EACH:
        # robust: the event has committed, so no failure here may reach the person
        # who caused it; the sweep sends what was not queued.
        transaction.on_commit(lambda: queue_email(notification.pk), robust=True)
    return notification


def queue_email(notification_id: int) -> None:
    # Imported here: the tasks module imports these services.
    from notifications.tasks import send_notification_email

    try:
        send_notification_email.delay(notification_id)
    except OperationalError as error:
        logger.warning(
            "Notification %s not queued for e-mail (%s); the sweep will queue it.",
            notification_id,
            error,
        )


def _claim(notifications, *, now: datetime) -> list[Notification]:
    """Claim waiting e-mails for this run: a second run, or a concurrent worker, finds
    them claimed and sends nothing twice."""
    ids = list(
        notifications.filter(email_state=EmailState.WAITING).values_list(
            "pk", flat=True
        )
    )
    Notification.objects.filter(pk__in=ids, email_state=EmailState.WAITING).update(
        email_state=EmailState.SENDING, email_claimed_at=now
    )
    return list(
        Notification.objects.filter(
            pk__in=ids, email_state=EmailState.SENDING, email_claimed_at=now
        )
        .select_related("recipient")
        .order_by("created_at", "id")
    )


def _release(claimed: list[Notification]) -> None:
    Notification.objects.filter(
        pk__in=[n.pk for n in claimed], email_state=EmailState.SENDING
    ).update(email_state=EmailState.WAITING, email_claimed_at=None)


def _mark_sent(claimed: list[Notification], *, now: datetime) -> None:
    Notification.objects.filter(pk__in=[n.pk for n in claimed]).update(
        email_state=EmailState.SENT, emailed_at=now
    )


def _send(recipient: User, *, subject: str, template: str, context: dict) -> None:
    """One e-mail to one person, in plain text and HTML, greeting them by the name
    they typed."""
    context = {
        **context,
        "recipient": recipient,
        "service_name": settings.SERVICE_NAME,
        "preferences_url": absolute_url(reverse("notifications:preferences")),
        "centre_url": absolute_url(reverse("notifications:centre")),
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"notifications/email/{template}.txt", context),
        to=[recipient.email],
    )
    message.attach_alternative(
        render_to_string(f"notifications/email/{template}.html", context),
        "text/html",
    )
    message.send(fail_silently=False)


def send_notification_email(*, notification_id: int) -> bool:
    """E-mail one notification to its recipient, once: True if this call sent it. A
    failed send leaves it waiting for a retry."""
    now = timezone.now()
    claimed = _claim(
        Notification.objects.filter(pk=notification_id, delivery=Delivery.EACH),
        now=now,
    )
    if not claimed:
        return False
    notification = claimed[0]
    try:
        _send(
            notification.recipient,
            subject=notification.title,
            template="notification",
            context={
                "notification": notification,
                "url": absolute_url(notification.link) if notification.link else "",
            },
        )
    except Exception:
        _release(claimed)
        raise
    _mark_sent(claimed, now=timezone.now())
    return True


def send_daily_digests() -> int:
    """Daily: one e-mail to each person whose notifications wait for the digest,
    listing them oldest first. Returns how many people were e-mailed."""
    waiting = Notification.objects.filter(
        delivery=Delivery.DIGEST, email_state=EmailState.WAITING
    )
    recipients = set(waiting.values_list("recipient_id", flat=True))
    sent = 0
    for recipient_id in sorted(recipients):
        claimed = _claim(waiting.filter(recipient_id=recipient_id), now=timezone.now())
        if not claimed:
            continue
        try:
            _send(
                claimed[0].recipient,
                subject=(
                    f"Your {settings.SERVICE_NAME} notifications: {len(claimed)} new"
                ),
                template="digest",
                context={
                    "items": [
                        (n, absolute_url(n.link) if n.link else "") for n in claimed
                    ]
                },
            )
        except Exception:
            _release(claimed)
            logger.exception("Daily digest to person %s not sent.", recipient_id)
            continue
        _mark_sent(claimed, now=timezone.now())
        sent += 1
    return sent


def requeue_unsent_emails(
    *, older_than: timedelta = timedelta(minutes=5), limit: int = 500
) -> int:
    """The sweep: e-mails lost with their worker wait again, and e-mails still waiting
    some minutes after the event (the broker was down, or every retry failed) are
    queued again. Returns how many it queued."""
    now = timezone.now()
    Notification.objects.filter(
        email_state=EmailState.SENDING, email_claimed_at__lt=now - STUCK_AFTER
    ).update(email_state=EmailState.WAITING, email_claimed_at=None)
    pending = list(
        Notification.objects.filter(
            delivery=Delivery.EACH,
            email_state=EmailState.WAITING,
            created_at__lte=now - older_than,
        )
        .order_by("created_at", "id")
        .values_list("pk", flat=True)[:limit]
    )
    for notification_id in pending:
        queue_email(notification_id)
    return len(pending)


def mark_read(*, notification: Notification, person: User) -> bool:
    """The recipient marks one notification read; True if it was unread. Nobody marks
    another person's."""
    if notification.recipient_id != person.pk:
        raise PermissionError("Only the recipient marks a notification read.")
    return bool(
        Notification.objects.filter(pk=notification.pk, read_at=None).update(
            read_at=timezone.now()
        )
    )


def mark_all_read(*, person: User) -> int:
    """The person marks every notification of theirs read; returns how many were
    unread."""
    return Notification.objects.filter(recipient=person, read_at=None).update(
        read_at=timezone.now()
    )


@transaction.atomic
def set_notification_preferences(*, person: User, deliveries: dict[str, str]) -> None:
    """Keep how a person wants to hear of each optional kind; mandatory kinds cannot
    be turned off or put in the digest."""
    errors = defaultdict(list)
    for kind, delivery in deliveries.items():
        if kind in MANDATORY:
            errors[kind].append("This notification is always sent; it cannot change.")
        elif kind not in OPTIONAL:
            errors["__all__"].append(f"{kind!r} is not a kind of notification.")
        elif delivery not in Delivery.values:
            errors[kind].append("Choose how you want to hear of this.")
    if errors:
        raise ValidationError(dict(errors))
    for kind, delivery in deliveries.items():
        NotificationPreference.objects.update_or_create(
            person=person, kind=kind, defaults={"delivery": delivery}
        )
