"""Reads of the workforce dashboards, from the monthly summary alone: a fixed number
of grouped queries whatever the number of trainees. Every figure leaves here already
suppressed (`rules.shown_count`, `rules.shown_rate`), so the page, the chart tables
and the CSV files show the same words."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db.models import Max, Q, QuerySet, Sum
from django.utils import timezone

from academy.models import Band, Competency, Organisation, SpecialistArea
from workforce import rules
from workforce.models import Measure, WorkforceSummary

# The measures counted by specialist area and band; the others by organisation only.
BY_AREA = {
    Measure.COVERAGE,
    Measure.EXPIRING,
    Measure.OVERDUE,
    Measure.ATTEMPTS,
    Measure.GAPS,
}
BY_BAND = BY_AREA | {Measure.STAFF, Measure.TRAINEES, Measure.APPRENTICES}


@dataclass(frozen=True)
class Filters:
    organisations: QuerySet[Organisation]
    area: SpecialistArea | None = None
    band: int | None = None
    organisation: Organisation | None = None


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[int | None, ...]


@dataclass(frozen=True)
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    summary: str
    months: tuple[date, ...]
    series: tuple[Series, ...]
    table: Table
    note: str = ""


@dataclass(frozen=True)
class Dashboard:
    months: tuple[date, ...]
    charts: tuple[Chart, ...]
    coverage: Table
    gaps: Table
    organisations: Table
    refreshed_at: object = None


def _filtered(filters: Filters) -> QuerySet[WorkforceSummary]:
    rows = WorkforceSummary.objects.filter(organisation__in=filters.organisations)
    if filters.organisation is not None:
        rows = rows.filter(organisation=filters.organisation)
    if filters.area is not None:
        rows = rows.filter(Q(area=filters.area) | ~Q(measure__in=BY_AREA))
    if filters.band is not None:
        rows = rows.filter(Q(band=filters.band) | ~Q(measure__in=BY_BAND))
    return rows


def _month_label(month: date) -> str:
    return f"{month:%b %Y}"


def _chart(
    slug: str,
    title: str,
    summary: str,
    months: tuple[date, ...],
    columns: list[tuple[str, dict]],
    *,
    rate: tuple[str, dict, dict] | None = None,
    ratio: tuple[str, dict, dict] | None = None,
    note: str = "",
) -> Chart:
    """A trend chart of up to four counted columns, and its table (with a rate)."""
    headers = ["Month", *(label for label, _ in columns)]
    if rate:
        headers.append(rate[0])
    if ratio:
        headers.append(ratio[0])
    rows = []
    for month in months:
        row = [_month_label(month)]
        row += [rules.shown_count(values.get(month, 0)) for _, values in columns]
        if rate:
            row.append(rules.shown_rate(rate[1].get(month, 0), rate[2].get(month, 0)))
        if ratio:
            row.append(
                rules.shown_ratio(ratio[1].get(month, 0), ratio[2].get(month, 0))
            )
        rows.append(tuple(row))
    return Chart(
        slug=slug,
        title=title,
        summary=summary,
        months=months,
        series=tuple(
            Series(label, tuple(values.get(month, 0) for month in months))
            for label, values in columns
        ),
        table=Table(caption=title, headers=tuple(headers), rows=tuple(rows)),
        note=note,
    )


# The figures change only when the nightly refresh runs; a day is long enough.
CACHE_SECONDS = 24 * 60 * 60


def dashboard(filters: Filters, *, today: date | None = None) -> Dashboard:
    """The dashboard for the organisations in the lead's scope, filtered; kept in the
    cache until the summary is refreshed (the key holds the refresh time, the day, the
    organisations in scope and the filters)."""
    today = today or timezone.localdate()
    refreshed_at = WorkforceSummary.objects.aggregate(last=Max("refreshed_at"))["last"]
    scope = sorted(filters.organisations.values_list("pk", flat=True))
    asked = (
        refreshed_at,
        today,
        scope,
        filters.area.pk if filters.area else None,
        filters.band,
        filters.organisation.pk if filters.organisation else None,
    )
    key = "workforce:dashboard:" + hashlib.sha256(repr(asked).encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        found = _dashboard(filters, today=today, refreshed_at=refreshed_at)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _dashboard(filters: Filters, *, today: date, refreshed_at) -> Dashboard:
    months = tuple(rules.trend_months(today))
    latest = months[-1]
    rows = _filtered(filters).filter(month__gte=months[0])
    counts: dict[str, dict[date, int]] = defaultdict(dict)
    totals: dict[str, dict[date, int]] = defaultdict(dict)
    for found in rows.values("measure", "month").annotate(
        n=Sum("count"), t=Sum("total")
    ):
        counts[found["measure"]][found["month"]] = found["n"] or 0
        totals[found["measure"]][found["month"]] = found["t"] or 0

    charts = (
        _chart(
            "coverage",
            "Competence coverage",
            "Valid competences held by staff, and the staff who could hold them.",
            months,
            [
                ("Valid competences held", counts[Measure.COVERAGE]),
                ("Staff", counts[Measure.STAFF]),
            ],
        ),
        _chart(
            "expiring",
            "Competences expiring within 90 days",
            "Valid competences whose last day falls within 90 days of the month's end.",
            months,
            [("Competences expiring", counts[Measure.EXPIRING])],
        ),
        _chart(
            "overdue",
            "Overdue training plan items",
            "Plan items not completed by their due date.",
            months,
            [("Overdue plan items", counts[Measure.OVERDUE])],
        ),
        _chart(
            "knowledge",
            "Knowledge assessment pass rate",
            "Knowledge assessment attempts marked in the month, and those passed.",
            months,
            [
                ("Attempts", totals[Measure.ATTEMPTS]),
                ("Passed", counts[Measure.ATTEMPTS]),
            ],
            rate=("Pass rate", counts[Measure.ATTEMPTS], totals[Measure.ATTEMPTS]),
        ),
        _chart(
            "answers",
            "Knowledge assessment answers",
            "Questions answered in the month, and those answered correctly.",
            months,
            [
                ("Answers", totals[Measure.GAPS]),
                ("Correct", counts[Measure.GAPS]),
            ],
            rate=("Correct", counts[Measure.GAPS], totals[Measure.GAPS]),
        ),
        _chart(
            "assessors",
            "Assessors per trainee",
            "Accredited workplace assessors and trainees.",
            months,
            [
                ("Accredited assessors", counts[Measure.ASSESSORS]),
                ("Trainees", counts[Measure.TRAINEES]),
            ],
            ratio=(
                "Trainees per assessor",
                counts[Measure.TRAINEES],
                counts[Measure.ASSESSORS],
            ),
            note="Assessors are counted by organisation: the specialist area and band "
            "filters do not apply to them.",
        ),
        _chart(
            "accreditations",
            "Assessor accreditations expiring within 90 days",
            "Accreditations of workplace assessors ending within 90 days.",
            months,
            [("Accreditations expiring", counts[Measure.ACCREDITATIONS_EXPIRING])],
            note="Counted by organisation: the specialist area and band filters do "
            "not apply.",
        ),
        _chart(
            "apprentices",
            "Apprentices on track",
            "Apprentices in learning, and those on track: off-the-job hours at or "
            "above the minimum expected to date and no progress review overdue.",
            months,
            [
                ("Apprentices", totals[Measure.APPRENTICES]),
                ("On track", counts[Measure.APPRENTICES]),
            ],
            rate=("On track", counts[Measure.APPRENTICES], totals[Measure.APPRENTICES]),
            note="Counted by employer and the apprentice's band: the specialist area "
            "filter does not apply.",
        ),
    )
    return Dashboard(
        months=months,
        charts=charts,
        coverage=_coverage_table(rows.filter(month=latest), latest),
        gaps=_gaps_table(rows, months),
        organisations=_organisations_table(rows.filter(month=latest), filters, latest),
        refreshed_at=refreshed_at,
    )


def _coverage_table(rows: QuerySet[WorkforceSummary], latest: date) -> Table:
    """Valid competences held this month by specialist area and band."""
    found = (
        rows.filter(measure=Measure.COVERAGE)
        .values("area", "band")
        .annotate(n=Sum("count"))
    )
    held = {(row["area"], row["band"]): row["n"] for row in found}
    bands = sorted({band for _, band in held if band is not None})
    areas = SpecialistArea.objects.filter(pk__in={area for area, _ in held})
    return Table(
        caption=f"Valid competences held by specialist area and band, {latest:%B %Y}",
        headers=("Specialist area", *(Band(band).label for band in bands)),
        rows=tuple(
            (
                area.name,
                *(rules.shown_count(held.get((area.pk, band), 0)) for band in bands),
            )
            for area in areas
        ),
    )


def _gaps_table(rows: QuerySet[WorkforceSummary], months) -> Table:
    """Per competency over the 12 months, the share of its questions answered
    correctly, weakest first: the knowledge gaps of item analysis."""
    found = (
        rows.filter(measure=Measure.GAPS)
        .values("competency")
        .annotate(correct=Sum("count"), answered=Sum("total"))
    )
    by_competency = {row["competency"]: row for row in found}
    competencies = Competency.objects.filter(pk__in=by_competency).only("code", "title")

    def share(pk):
        row = by_competency[pk]
        if rules.is_suppressed(row["answered"]) or rules.is_suppressed(row["correct"]):
            return 2.0  # suppressed rows sort last
        return row["correct"] / row["answered"]

    ordered = sorted(competencies, key=lambda c: (share(c.pk), c.code))
    return Table(
        caption=f"Knowledge gaps by competency, {months[0]:%B %Y} to "
        f"{months[-1]:%B %Y}, weakest first",
        headers=("Competency", "Answers", "Answered correctly"),
        rows=tuple(
            (
                f"{competency.code} {competency.title}",
                rules.shown_count(by_competency[competency.pk]["answered"]),
                rules.shown_rate(
                    by_competency[competency.pk]["correct"],
                    by_competency[competency.pk]["answered"],
                ),
            )
            for competency in ordered
        ),
    )


ORGANISATION_COLUMNS = (
    (Measure.STAFF, "Staff"),
    (Measure.COVERAGE, "Valid competences"),
    (Measure.EXPIRING, "Expiring within 90 days"),
    (Measure.OVERDUE, "Overdue plan items"),
    (Measure.ASSESSORS, "Accredited assessors"),
    (Measure.ACCREDITATIONS_EXPIRING, "Accreditations expiring"),
    (Measure.APPRENTICES, "Apprentices on track"),
)


def _organisations_table(
    rows: QuerySet[WorkforceSummary], filters: Filters, latest: date
) -> Table:
    """This month's figures of each organisation in the lead's scope, side by side."""
    found = rows.values("organisation", "measure").annotate(
        n=Sum("count"), t=Sum("total")
    )
    figures = {(row["organisation"], row["measure"]): row for row in found}
    organisations = filters.organisations
    if filters.organisation is not None:
        organisations = organisations.filter(pk=filters.organisation.pk)

    def count(org, measure):
        row = figures.get((org.pk, measure))
        return row["n"] if row else 0

    def passes(org):
        row = figures.get((org.pk, Measure.ATTEMPTS))
        return rules.shown_rate(row["n"], row["t"]) if row else rules.FEWER_THAN_5

    return Table(
        caption=f"Organisations compared, {latest:%B %Y}",
        headers=(
            "Organisation",
            *(label for _, label in ORGANISATION_COLUMNS),
            "Pass rate this month",
        ),
        rows=tuple(
            (
                org.name,
                *(
                    rules.shown_count(count(org, measure))
                    for measure, _ in ORGANISATION_COLUMNS
                ),
                passes(org),
            )
            for org in organisations.only("name")
        ),
    )


def home_summary(organisations: QuerySet[Organisation]) -> dict[str, str]:
    """This month's headline figures for a lead's home page panel."""
    latest = rules.month_start(timezone.localdate())
    found = dict(
        WorkforceSummary.objects.filter(
            organisation__in=organisations,
            month=latest,
            measure__in=[Measure.EXPIRING, Measure.OVERDUE],
        )
        .values("measure")
        .annotate(n=Sum("count"))
        .values_list("measure", "n")
    )
    return {
        "expiring": rules.shown_count(found.get(Measure.EXPIRING, 0)),
        "overdue": rules.shown_count(found.get(Measure.OVERDUE, 0)),
    }
