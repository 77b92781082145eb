"""The status of a training plan item, as the NHS.UK task list shows it."""

from datetime import date, datetime
from enum import StrEnum


class ItemStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        return self.replace("_", " ").capitalize()


def item_status(
    *,
    due_on: date,
    started_at: datetime | None,
    completed_at: datetime | None,
    today: date,
) -> ItemStatus:
    """Complete once achieved; otherwise overdue after its due date; otherwise in
    progress once started; otherwise not started."""
    if completed_at is not None:
        return ItemStatus.COMPLETE
    if due_on < today:
        return ItemStatus.OVERDUE
    if started_at is not None:
        return ItemStatus.IN_PROGRESS
    return ItemStatus.NOT_STARTED
