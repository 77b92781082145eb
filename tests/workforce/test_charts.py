from datetime import date

import pytest

from workforce import charts, rules
from workforce.queries import Series

MONTHS = tuple(rules.trend_months(date(2026, 3, 17)))


def test_a_chart_is_svg_in_nhs_colours_with_a_text_alternative():
    svg = charts.line_chart(
        title="Overdue <plan> items",
        months=MONTHS,
        series=(Series("Overdue", tuple(range(10, 22))),),
    )
    assert svg.startswith("<svg")
    assert 'role="img"' in svg
    assert "Overdue &lt;plan&gt; items" in svg
    assert charts.NHS_COLOURS[0] in svg


def test_a_suppressed_value_breaks_the_line():
    values = (10, 11, 2, 12, 13, 14, 15, 16, 17, 18, 19, 20)
    svg = charts.line_chart(title="t", months=MONTHS, series=(Series("s", values),))
    assert svg.count("<polyline") == 2
    assert svg.count("<circle") == 11


def test_a_chart_refuses_more_than_four_categories():
    series = tuple(Series(str(i), (5,) * 12) for i in range(5))
    with pytest.raises(ValueError, match="at most 4"):
        charts.line_chart(title="t", months=MONTHS, series=series)
