"""What the public verification page says about a certificate: a pure rule."""

from datetime import date, timedelta
from enum import StrEnum

EXPIRING_SOON_DAYS = 60


class CertificateStatus(StrEnum):
    VALID = "Valid"
    EXPIRING_SOON = "Expiring soon"
    EXPIRED = "Expired"
    SUSPENDED = "Suspended"
    REVOKED = "Revoked"


def certificate_status(
    *, competence_status: str, expires_on: date | None, today: date
) -> CertificateStatus:
    """A revoked or suspended competence says so, whatever its dates; otherwise the
    certificate is expired after its last day, expiring soon within 60 days of it,
    and valid before that or when it never lapses."""
    if competence_status == "revoked":
        return CertificateStatus.REVOKED
    if competence_status == "suspended":
        return CertificateStatus.SUSPENDED
    if competence_status == "expired" or (
        expires_on is not None and expires_on < today
    ):
        return CertificateStatus.EXPIRED
    if expires_on is not None and expires_on <= today + timedelta(
        days=EXPIRING_SOON_DAYS
    ):
        return CertificateStatus.EXPIRING_SOON
    return CertificateStatus.VALID


STATUS_TAG_COLOURS = {
    CertificateStatus.VALID: "green",
    CertificateStatus.EXPIRING_SOON: "yellow",
    CertificateStatus.EXPIRED: "grey",
    CertificateStatus.SUSPENDED: "orange",
    CertificateStatus.REVOKED: "red",
}
