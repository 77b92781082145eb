from datetime import date, datetime

import pytest

from passport.plans.status import ItemStatus, item_status

DUE = date(2026, 6, 1)
AT = datetime(2026, 5, 1, 9, 0)


@pytest.mark.parametrize(
    ("today", "started", "completed", "expected"),
    [
        (date(2026, 5, 1), None, None, ItemStatus.NOT_STARTED),
        (DUE, None, None, ItemStatus.NOT_STARTED),
        (date(2026, 5, 1), AT, None, ItemStatus.IN_PROGRESS),
        (date(2026, 6, 2), AT, None, ItemStatus.OVERDUE),
        (date(2026, 6, 2), None, None, ItemStatus.OVERDUE),
        (date(2026, 6, 2), AT, AT, ItemStatus.COMPLETE),
    ],
)
def test_item_status(today, started, completed, expected):
    assert (
        item_status(due_on=DUE, started_at=started, completed_at=completed, today=today)
        == expected
    )
    assert expected.label in {"Not started", "In progress", "Overdue", "Complete"}
