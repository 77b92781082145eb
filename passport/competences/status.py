"""The one rule for a competence's status and the words every surface uses for it.

Pure: plain values in, plain values out. Every page, PDF, export, credential, the
verification page and the API show a competence through `competence_status` and
`STATUS_WORDS`, so the same competence reads the same everywhere.

A competence a signed record supports is under review while an administrator looks
into a finding that the record changed after it was signed: it is then neither valid
nor suspended. Expiry still wins (an expired competence reads expired), and so do a
suspension and a revocation.

Dates: `expires_on` is the last day a competence is valid, so it is expired from the
day after; it is expiring within 60 days of that day; holders and trainers are warned
60, 30 and 7 days before. A scan that runs late (a missed day, a worker down for a
week) still sends the most urgent warning reached, once, and skips the earlier ones
it slept through rather than sending three at once.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

EXPIRING_WITHIN_DAYS = 60
EXPIRY_WARNING_DAYS: tuple[int, ...] = (60, 30, 7)


class Status(StrEnum):
    """What a competence is on a given day; `NOT_HELD` for a competency never held."""

    VALID = "current"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    SUSPENDED = "suspended"
    REVOKED = "revoked"
    UNDER_REVIEW = "under_review"
    NOT_HELD = "not_held"


@dataclass(frozen=True)
class StatusWords:
    """A status as people are shown it: its words and its NHS.UK tag colour
    (`nhsuk-tag--<colour>`); it prints as its words."""

    status: Status
    label: str
    colour: str

    def __str__(self) -> str:
        return self.label


STATUS_WORDS: dict[Status, StatusWords] = {
    status: StatusWords(status, label, colour)
    for status, label, colour in (
        (Status.VALID, "Valid", "green"),
        (Status.EXPIRING, "Expiring soon", "yellow"),
        (Status.EXPIRED, "Expired", "grey"),
        (Status.SUSPENDED, "Suspended", "orange"),
        (Status.REVOKED, "Revoked", "red"),
        (Status.UNDER_REVIEW, "Under review", "purple"),
        (Status.NOT_HELD, "Not held", "white"),
    )
}
# The statuses that lapse with time; suspended and revoked ones keep their status.
LAPSING = (Status.VALID, Status.EXPIRING)
# Held today, though one under review may not be relied on until the review ends.
HELD = (*LAPSING, Status.UNDER_REVIEW)


def is_expired(expires_on: date | None, *, today: date) -> bool:
    """A competence with an expiry date lapses on the day after it."""
    return expires_on is not None and today > expires_on


def valid_until(expires_on: date) -> datetime:
    """The last instant a competence is valid (the end of its last day, UTC): a
    credential's `validUntil` and `exp`."""
    return datetime.combine(expires_on, time(23, 59, 59), tzinfo=UTC)


def competence_status(
    stored: str, *, expires_on: date | None, today: date, under_review: bool = False
) -> Status:
    """A suspended or revoked competence says so whatever its dates; one recorded as
    expired stays expired; otherwise it is expired after its last day, under review
    while a finding about a record it rests on is open, expiring within 60 days of its
    last day, and valid before that or when it never lapses. The stored status may
    lag the date (the nightly scan records it): the date wins."""
    stored = Status(stored)
    if stored not in LAPSING:
        return stored
    if is_expired(expires_on, today=today):
        return Status.EXPIRED
    if under_review:
        return Status.UNDER_REVIEW
    if expires_on is not None and expires_on <= today + timedelta(
        days=EXPIRING_WITHIN_DAYS
    ):
        return Status.EXPIRING
    return Status.VALID


def status_words(
    stored: str, *, expires_on: date | None, today: date, under_review: bool = False
) -> StatusWords:
    """How a competence's status on `today` reads, for any page, PDF or export."""
    return STATUS_WORDS[
        competence_status(
            stored, expires_on=expires_on, today=today, under_review=under_review
        )
    ]


def days_left(expires_on: date, *, today: date) -> int:
    """Whole days from today to the last day of validity (0 on the last day)."""
    return (expires_on - today).days


def warning_due(
    expires_on: date | None, *, today: date, already_sent: Collection[int] = ()
) -> int | None:
    """The warning (in days before expiry) to send today, or None.

    The most urgent threshold that has been reached is due unless it was already
    sent for this expiry date; nothing is due once the competence has expired.
    """
    if expires_on is None or is_expired(expires_on, today=today):
        return None
    remaining = days_left(expires_on, today=today)
    reached = [days for days in EXPIRY_WARNING_DAYS if remaining <= days]
    if not reached:
        return None
    most_urgent = min(reached)
    return None if most_urgent in already_sent else most_urgent


def warning_window_end(*, today: date) -> date:
    """The latest expiry date that may need a warning today (for the indexed scan)."""
    return today + timedelta(days=max(EXPIRY_WARNING_DAYS))
