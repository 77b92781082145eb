"""Guessing a signing password: after too many wrong passwords the account may not
sign for a while, every session of it ends and the people responsible are told.

The count is durable: it is the signer's `academy.signature_rejected` audit events,
so a restart or a second server forgets nothing. A block is one marker on the account,
`User.signing_blocked_until`; the account's sessions end because the marker is part of
its session hash (`User.get_session_auth_hash`). Only rejections after the last block
ended count towards the next one, so an administrator who clears a block gives the
signer a fresh start. A block ends by itself, or an administrator clears it.
"""

import logging
import smtplib
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from academy.audit_actions import stored_names
from academy.models import AuditEvent, User
from academy.services import record_audit_event

logger = logging.getLogger(__name__)

# Five wrong passwords within fifteen minutes block signing for fifteen minutes.
MAX_REJECTIONS = 5
REJECTION_WINDOW = timedelta(minutes=15)
BLOCK_LENGTH = timedelta(minutes=15)

# Other apps name who else is told of a block (trainers: the organisation's training
# leads) with a function of the signer returning people; administrators always are.
RECIPIENTS_HOOK = "signing_blocked_recipients"


def signing_blocked(signer: User, *, now: datetime | None = None) -> bool:
    """Whether the account may not sign now."""
    until = signer.signing_blocked_until
    return until is not None and until > (now or timezone.now())


def blocked_message(signer: User) -> str:
    until = timezone.localtime(signer.signing_blocked_until)
    return (
        f"Signing is blocked for your account until {until:%H:%M} because the "
        f"password was entered wrongly {MAX_REJECTIONS} times. Nothing was signed. "
        "Ask your training lead or an administrator if you need to sign sooner."
    )


def recent_rejections(signer: User, *, now: datetime) -> int:
    """The signer's wrong signing passwords that count towards a block: within the
    window, and after any earlier block ended or was cleared."""
    since = now - REJECTION_WINDOW
    if signer.signing_blocked_until is not None:
        since = max(since, signer.signing_blocked_until)
    return AuditEvent.objects.filter(
        actor=signer,
        action__in=stored_names("academy.signature_rejected"),
        occurred_at__gt=since,
    ).count()


def block_if_guessing(signer: User) -> bool:
    """After a wrong signing password: block the account, end its sessions, audit and
    tell the people responsible, when it is the limit's worth. Whether it blocked."""
    now = timezone.now()
    rejections = recent_rejections(signer, now=now)
    if rejections < MAX_REJECTIONS:
        return False
    _block(signer, now=now, rejections=rejections)
    return True


@transaction.atomic
def _block(signer: User, *, now: datetime, rejections: int) -> None:
    signer.signing_blocked_until = now + BLOCK_LENGTH
    # Changing the marker changes the session hash: every session of the account ends.
    User.objects.filter(pk=signer.pk).update(
        signing_blocked_until=signer.signing_blocked_until
    )
    record_audit_event(
        "academy.signing_blocked",
        actor=signer,
        target=signer,
        details={
            "rejections": rejections,
            "window_minutes": int(REJECTION_WINDOW.total_seconds() // 60),
            "blocked_until": signer.signing_blocked_until,
        },
    )
    transaction.on_commit(lambda: _tell_people_responsible(signer))


def clear_signing_block(person: User, *, cleared_by: User) -> None:
    """An administrator lets a blocked account sign again before its block ends;
    earlier wrong passwords no longer count."""
    if not signing_blocked(person):
        return
    now = timezone.now()
    with transaction.atomic():
        person.signing_blocked_until = now
        User.objects.filter(pk=person.pk).update(signing_blocked_until=now)
        record_audit_event(
            "academy.signing_block_cleared", actor=cleared_by, target=person
        )


def people_to_tell(signer: User) -> list[User]:
    """The administrators and whoever other apps name (the training leads of the
    signer's organisation), each once, with an e-mail address."""
    people = {
        person.pk: person
        for person in User.objects.filter(is_superuser=True, is_active=True)
    }
    for recipients in hooks.get_hooks(RECIPIENTS_HOOK):
        people.update({person.pk: person for person in recipients(signer)})
    return [p for p in people.values() if p.email and p.pk != signer.pk]


def _tell_people_responsible(signer: User) -> None:
    recipients = people_to_tell(signer)
    if not recipients:
        return
    organisation = signer.organisation.name if signer.organisation else "none"
    until = timezone.localtime(signer.signing_blocked_until)
    body = (
        f"Signing has been blocked for {signer.full_name} ({signer.email}), "
        f"organisation: {organisation}.\n\n"
        f"Their password was entered wrongly {MAX_REJECTIONS} times within "
        f"{int(REJECTION_WINDOW.total_seconds() // 60)} minutes when signing a "
        "record, so someone may be trying to sign in their name. Nothing was "
        "signed, and every session of the account has been ended.\n\n"
        f"The block ends at {until:%H:%M on %d %B %Y} (UK time). An administrator "
        "can clear it sooner once they have spoken to the person. If the person "
        "did not make these attempts, ask them to change their password.\n\n"
        "The attempts are in the audit trail.\n"
    )
    try:
        send_mail(
            f"Signing blocked for {signer.full_name}",
            body,
            settings.DEFAULT_FROM_EMAIL,
            [person.email for person in recipients],
        )
    except (OSError, smtplib.SMTPException):
        # The block and its audit event stand; the mail server is someone else's fault.
        logger.exception("Could not e-mail the signing block of user %s", signer.pk)
