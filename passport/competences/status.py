"""How a competence's status reads to the people shown it (pure: no database)."""

from datetime import date, timedelta

from passport.models import CompetenceStatus

NOT_HELD = "not_held"
LAPSING = (CompetenceStatus.CURRENT, CompetenceStatus.EXPIRING)
# The first warning of the revalidation scan: 60 days before the last day.
EXPIRING_SOON_DAYS = 60

MATRIX_STATUSES = {
    NOT_HELD: "Not held",
    CompetenceStatus.CURRENT: "Current",
    CompetenceStatus.EXPIRING: "Expiring soon",
    CompetenceStatus.EXPIRED: "Expired",
    CompetenceStatus.SUSPENDED: "Suspended",
    CompetenceStatus.REVOKED: "Revoked",
}

SHARED_STATUSES = {**MATRIX_STATUSES, CompetenceStatus.CURRENT: "Valid"}


def effective_status(status: str, *, expires_on: date | None, today: date) -> str:
    """A current competence past its last day is expired, and within 60 days of it
    expiring soon, even before the nightly revalidation scan records so."""
    if status not in LAPSING or expires_on is None:
        return status
    if expires_on < today:
        return CompetenceStatus.EXPIRED
    if expires_on <= today + timedelta(days=EXPIRING_SOON_DAYS):
        return CompetenceStatus.EXPIRING
    return status


def shared_status_label(status: str) -> str:
    """What a share link shows: valid, expiring soon, expired, suspended or revoked."""
    return SHARED_STATUSES[status]
