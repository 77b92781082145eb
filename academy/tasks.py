"""Background work of the academy app."""

import logging
import os

from celery import shared_task

from academy.services import audit_chain_report

logger = logging.getLogger(__name__)


@shared_task(name="academy.tasks.verify_audit_chain")
def verify_audit_chain() -> dict:
    """Nightly: check the audit chain and log an error naming the first broken event."""
    report = audit_chain_report()
    if not report.ok:
        logger.error(
            "Audit chain broken at event %s: %s", report.broken_event_id, report.reason
        )
    return {
        "ok": report.ok,
        "checked": report.checked,
        "broken": report.broken_event_id,
        "worker_pid": os.getpid(),
    }
