import datetime

import pytest

from passport.certificates.status import CertificateStatus, certificate_status

TODAY = datetime.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("status", "expires_on", "expected"),
    [
        ("current", None, CertificateStatus.VALID),
        ("current", TODAY + datetime.timedelta(days=61), CertificateStatus.VALID),
        (
            "current",
            TODAY + datetime.timedelta(days=60),
            CertificateStatus.EXPIRING_SOON,
        ),
        ("expiring", TODAY, CertificateStatus.EXPIRING_SOON),
        ("current", TODAY - datetime.timedelta(days=1), CertificateStatus.EXPIRED),
        ("expired", TODAY + datetime.timedelta(days=100), CertificateStatus.EXPIRED),
        ("suspended", None, CertificateStatus.SUSPENDED),
        ("suspended", TODAY - datetime.timedelta(days=9), CertificateStatus.SUSPENDED),
        ("revoked", TODAY + datetime.timedelta(days=400), CertificateStatus.REVOKED),
    ],
)
def test_status_from_competence_status_and_dates(status, expires_on, expected):
    assert (
        certificate_status(competence_status=status, expires_on=expires_on, today=TODAY)
        == expected
    )
