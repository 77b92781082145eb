from datetime import date, datetime

import pytest

from passport.plans.status import ItemStatus, item_status, plan_order

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


def test_each_status_has_the_tag_colour_of_the_nhsuk_task_list():
    assert {status.label: status.colour for status in ItemStatus} == {
        "Not started": "grey",
        "In progress": "blue",
        "Overdue": "red",
        "Complete": "green",
    }


def test_plan_order_puts_overdue_first_then_work_to_do_then_complete():
    lines = [
        (ItemStatus.COMPLETE, date(2026, 1, 1), "A"),
        (ItemStatus.NOT_STARTED, date(2026, 9, 1), "B"),
        (ItemStatus.IN_PROGRESS, date(2026, 8, 1), "C"),
        (ItemStatus.OVERDUE, date(2026, 5, 1), "D"),
        (ItemStatus.OVERDUE, date(2026, 4, 1), "E"),
        (ItemStatus.NOT_STARTED, date(2026, 8, 1), "A"),
    ]
    ordered = sorted(
        lines,
        key=lambda line: plan_order(status=line[0], due_on=line[1], code=line[2]),
    )
    assert [code for _, _, code in ordered] == ["E", "D", "A", "C", "B", "A"]
    assert ordered[-1][0] == ItemStatus.COMPLETE
