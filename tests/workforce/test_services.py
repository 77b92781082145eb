from django.utils import timezone

from workforce import policies, queries, rules, services
from workforce.models import Measure, WorkforceSummary


def _latest(measure, organisation):
    return WorkforceSummary.objects.filter(
        measure=measure,
        organisation=organisation,
        month=rules.month_start(timezone.localdate()),
    )


def test_the_refresh_counts_each_organisations_month(network):
    services.refresh_workforce_summary()
    coverage = _latest(Measure.COVERAGE, network.eastfield).get()
    assert (coverage.count, coverage.band, coverage.area_id) == (
        6,
        4,
        network.competency.area_id,
    )
    assert _latest(Measure.EXPIRING, network.eastfield).get().count == 6
    assert not _latest(Measure.EXPIRING, network.westbank).exists()
    assert _latest(Measure.OVERDUE, network.westbank).get().count == 2
    assert _latest(Measure.TRAINEES, network.thames).get().count == 7


def test_the_refresh_fills_the_last_12_months_and_running_it_again_changes_nothing(
    network,
):
    first = services.refresh_workforce_summary()
    second = services.refresh_workforce_summary()
    assert first == second == WorkforceSummary.objects.count()
    months = set(WorkforceSummary.objects.values_list("month", flat=True))
    assert len(months) == 12


def test_a_past_month_counts_only_what_was_held_then(network):
    services.refresh_workforce_summary()
    months = rules.trend_months(timezone.localdate())
    # Competences were first achieved 200 days ago: nothing held a year ago.
    assert not WorkforceSummary.objects.filter(
        measure=Measure.COVERAGE, month=months[0]
    ).exists()
    assert WorkforceSummary.objects.filter(
        measure=Measure.COVERAGE, month=months[-2]
    ).exists()


def test_a_regional_lead_sees_their_regions_organisations_and_a_national_lead_all(
    network,
):
    regional = set(policies.organisations_in_scope(network.regional_lead))
    assert regional == {network.eastfield, network.westbank}
    national = set(policies.organisations_in_scope(network.national_lead))
    assert {network.eastfield, network.westbank, network.thames} <= national
    assert not policies.may_see_dashboard(network.eastfield_staff[0])


def test_the_dashboard_suppresses_small_counts_and_keeps_to_the_scope(network):
    services.refresh_workforce_summary()
    scope = policies.organisations_in_scope(network.regional_lead)
    board = queries.dashboard(queries.Filters(organisations=scope))
    coverage = next(chart for chart in board.charts if chart.slug == "coverage")
    assert coverage.table.rows[-1][1] == "8"  # six at Eastfield and two at Westbank
    rows = {row[0]: row for row in board.organisations.rows}
    assert set(rows) == {"Eastfield", "Westbank"}
    assert rows["Westbank"][1] == "fewer than 5"
    assert rows["Eastfield"][1] == "7"  # six trainees and the regional lead
    assert rows["Eastfield"][2] == "6"

    only_westbank = queries.dashboard(
        queries.Filters(organisations=scope, organisation=network.westbank)
    )
    coverage = next(c for c in only_westbank.charts if c.slug == "coverage")
    assert coverage.table.rows[-1][1] == "fewer than 5"


def test_the_band_filter_applies_to_measures_counted_by_band(network):
    services.refresh_workforce_summary()
    scope = policies.organisations_in_scope(network.national_lead)
    board = queries.dashboard(queries.Filters(organisations=scope, band=5))
    coverage = next(chart for chart in board.charts if chart.slug == "coverage")
    assert coverage.table.rows[-1][1] == "7"  # Thames's band 5 staff only
