"""Server-rendered SVG trend charts in NHS colours, at most four series a chart.

A suppressed value (under 5) is not drawn: the line breaks there, and the data table
beside the chart says "fewer than 5". The chart is an image with a text alternative;
its figures are read from the table."""

from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from workforce import rules

# NHS identity colours: blue, dark blue, warm yellow, aqua green.
NHS_COLOURS = ("#005eb8", "#003087", "#ffb81c", "#00a499")
DASHES = ("", "6 3", "2 3", "8 3 2 3")
MAX_SERIES = len(NHS_COLOURS)
WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 64


def axis_top(largest: int) -> int:
    """A round top for the value axis at or above the largest value drawn."""
    if largest <= 10:
        return 10
    step = 10 ** (len(str(largest)) - 1)
    return -(-largest // step) * step


def line_chart(*, title: str, months: tuple[date, ...], series: tuple) -> SafeString:
    """An SVG line chart of monthly values, one line per series (four at most)."""
    if len(series) > MAX_SERIES:
        raise ValueError(f"A chart shows at most {MAX_SERIES} categories.")
    drawn = [[rules.plotted(value) for value in line.values] for line in series]
    top = axis_top(max((v for line in drawn for v in line if v is not None), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(months) - 1, 1)

    def x(i: int) -> float:
        return round(LEFT + i * step, 1)

    def y(value: int) -> float:
        return round(TOP + plot_h - plot_h * value / top, 1)

    parts = [
        f'<svg class="academy-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}: trend over {len(months)} months; the figures '
        f'are in the table beside it" xmlns="http://www.w3.org/2000/svg">'
    ]
    for fraction in (0, 0.5, 1):
        value = round(top * fraction)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value)}" y2="{y(value)}" '
            f'stroke="#d8dde0" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y(value) + 4}" text-anchor="end" '
            f'font-size="12" fill="#4c6272">{value}</text>'
        )
    for i, month in enumerate(months):
        if i % 2 == len(months) % 2 or i == len(months) - 1:
            parts.append(
                f'<text x="{x(i)}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
                f'font-size="12" fill="#4c6272">{month:%b %y}</text>'
            )
    for index, (line, values) in enumerate(zip(series, drawn, strict=True)):
        colour, dash = NHS_COLOURS[index], DASHES[index]
        segments, current = [], []
        for i, value in enumerate(values):
            if value is None:
                if current:
                    segments.append(current)
                current = []
            else:
                current.append(f"{x(i)},{y(value)}")
        if current:
            segments.append(current)
        for segment in segments:
            parts.append(
                f'<polyline fill="none" stroke="{colour}" stroke-width="3" '
                f'stroke-dasharray="{dash}" points="{" ".join(segment)}"/>'
            )
            for point in segment:
                cx, cy = point.split(",")
                parts.append(f'<circle cx="{cx}" cy="{cy}" r="3.5" fill="{colour}"/>')
        legend_x = LEFT + index * (plot_w / MAX_SERIES)
        parts.append(
            f'<line x1="{legend_x}" x2="{legend_x + 24}" y1="{HEIGHT - 14}" '
            f'y2="{HEIGHT - 14}" stroke="{colour}" stroke-width="3" '
            f'stroke-dasharray="{dash}"/>'
            f'<text x="{legend_x + 30}" y="{HEIGHT - 10}" font-size="12" '
            f'fill="#212b32">{escape(line.label)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
