"""Pure rules of the workforce dashboards: small-number suppression, rates and the
months of a trend. No database; every page, chart table and CSV uses these."""

from datetime import date, timedelta

SUPPRESSION_THRESHOLD = 5
FEWER_THAN_5 = "fewer than 5"
TREND_MONTHS = 12
EXPIRY_WINDOW_DAYS = 90


def is_suppressed(count: int | None) -> bool:
    """A count under 5 (nought included) may identify people: it is never shown."""
    return count is None or count < SUPPRESSION_THRESHOLD


def shown_count(count: int | None) -> str:
    """A count as the dashboards show it: "fewer than 5" under 5, else the number."""
    return FEWER_THAN_5 if is_suppressed(count) else str(count)


def shown_rate(part: int | None, whole: int | None) -> str:
    """A percentage, shown only when both what is counted and what it is counted
    out of are 5 or more; otherwise "fewer than 5"."""
    if is_suppressed(part) or is_suppressed(whole):
        return FEWER_THAN_5
    return f"{round(100 * part / whole)}%"


def shown_ratio(part: int | None, whole: int | None) -> str:
    """One count per another (trainees per assessor) to one decimal place, shown only
    when both are 5 or more; otherwise "fewer than 5"."""
    if is_suppressed(part) or is_suppressed(whole):
        return FEWER_THAN_5
    return f"{part / whole:.1f}"


def plotted(count: int | None) -> int | None:
    """The value a chart may draw: none for a suppressed count."""
    return None if is_suppressed(count) else count


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(month: date) -> date:
    """The last day of the month that starts on `month`."""
    following = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def trend_months(today: date, *, count: int = TREND_MONTHS) -> list[date]:
    """The first days of the last `count` months, oldest first, this month last."""
    months = [month_start(today)]
    while len(months) < count:
        months.append(month_start(months[-1] - timedelta(days=1)))
    return list(reversed(months))


def as_of_day(month: date, today: date) -> date:
    """The day a month's figures are taken on: its last day, or today for this one."""
    return min(month_end(month), today)
