"""When a competence is warned about and when it lapses: pure date rules.

`expires_on` is the last day a competence is current, so it is expired from the day
after. Warnings go out 60, 30 and 7 days before. A scan that runs late (a missed day,
a worker down for a week) still sends the most urgent warning reached, once, and
skips the earlier ones it slept through rather than sending three at once.
"""

from collections.abc import Collection
from datetime import date, timedelta

EXPIRY_WARNING_DAYS: tuple[int, ...] = (60, 30, 7)


def days_left(expires_on: date, *, today: date) -> int:
    """Whole days from today to the last day of currency (0 on the last day)."""
    return (expires_on - today).days


def is_expired(expires_on: date | None, *, today: date) -> bool:
    """A competence with an expiry date lapses on the day after it."""
    return expires_on is not None and today > expires_on


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
