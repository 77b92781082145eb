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

    @property
    def colour(self) -> str:
        """The colour of its NHS.UK tag (`nhsuk-tag--<colour>`)."""
        return _TAG_COLOURS[self]


_TAG_COLOURS = {
    ItemStatus.COMPLETE: "green",
    ItemStatus.OVERDUE: "red",
    ItemStatus.IN_PROGRESS: "blue",
    ItemStatus.NOT_STARTED: "grey",
}


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


# Where each status goes in a plan: what is late, then what is still to do, then what
# is done.
_PLAN_GROUP = {
    ItemStatus.OVERDUE: 0,
    ItemStatus.IN_PROGRESS: 1,
    ItemStatus.NOT_STARTED: 1,
    ItemStatus.COMPLETE: 2,
}


def plan_order(*, status: ItemStatus, due_on: date, code: str = "") -> tuple:
    """Overdue items first, then the items still to do, then the complete ones; within
    each, the earliest due date first (and then by competency code)."""
    return (_PLAN_GROUP[status], due_on, code)
