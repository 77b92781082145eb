"""Background work of the academy app."""

import logging
import os

from celery import shared_task

from academy.services import (
    CheckpointRefused,
    audit_trail_report,
)
from academy.services import (
    write_audit_checkpoint as write_checkpoint,
)

logger = logging.getLogger(__name__)


@shared_task(name="academy.tasks.verify_audit_chain")
def verify_audit_chain() -> dict:
    """Nightly: check every event's hash and link, and the chain against its latest
    signed checkpoints; log an error naming each problem."""
    report = audit_trail_report()
    problems = report.problems()
    for problem in problems:
        logger.error("Audit trail: %s", problem)
    if report.chain.checked and not report.checkpoints:
        logger.warning("Audit trail: %s", report.summary()[-1])
    return {
        "ok": report.ok,
        "checked": report.chain.checked,
        "broken": report.chain.broken_event_id,
        "checkpoints": len(report.checkpoints),
        "problems": problems,
        "worker_pid": os.getpid(),
    }


@shared_task(name="academy.tasks.write_audit_checkpoint")
def write_audit_checkpoint() -> dict:
    """Hourly: anchor the chain outside the database with a signed checkpoint."""
    try:
        name = write_checkpoint()
    except CheckpointRefused as refused:
        logger.error("Audit checkpoint not written: %s", refused)
        return {"ok": False, "checkpoint": None, "problem": str(refused)}
    return {"ok": True, "checkpoint": name}
