"""Background work of assessments: closing overdue attempts, and the nightly check
of every signed record against its signature."""

import logging

from celery import shared_task

from assessments.integrity.scan import verify_signed_records
from assessments.knowledge.services import close_overdue_attempts

logger = logging.getLogger(__name__)


@shared_task(name="assessments.tasks.close_overdue_attempts")
def close_overdue_attempts_task() -> int:
    """Every few minutes: close and mark attempts left open past their deadline."""
    return close_overdue_attempts()


@shared_task(name="assessments.tasks.verify_signed_records")
def verify_signed_records_task() -> dict:
    """Nightly: re-verify every signature; each new mismatch is a finding shown to
    administrators and e-mailed to them. Suspends nothing."""
    report = verify_signed_records()
    if not report.ok:
        logger.error(
            "Signed records changed after signing: %s open finding(s), %s new",
            report.open_findings,
            len(report.findings.new),
        )
    return {
        "checked": sum(report.checked.values()),
        "open": report.open_findings,
        "new": len(report.findings.new),
    }
