"""Demo workforce dashboards: a regional lead for the North West and a national TSET
lead, the region's figures counted by load_demo's refresh, loaded once."""

from academy.models import User
from demo.workforce import load
from workforce import policies, queries
from workforce.models import Measure, WorkforceSummary


def test_the_demo_has_a_regional_and_a_national_lead_with_figures(demo_data):
    regional = User.objects.get(email="regional@academy.example")
    national = User.objects.get(email="national@academy.example")
    assert policies.scope_label(regional) == "North West"
    regional_scope = set(
        policies.organisations_in_scope(regional).values_list("ods_code", flat=True)
    )
    assert regional_scope == {"RBS", "RWX", "RWM"}
    assert policies.scope_label(national) == "England"
    assert WorkforceSummary.objects.exists()
    # Priya's knowledge assessment attempts reach the pass rates and the gaps.
    answers = WorkforceSummary.objects.filter(
        measure=Measure.GAPS, organisation__ods_code="RBS", competency__isnull=False
    )
    assert answers.exists()
    assert all(row.total >= row.count for row in answers)
    assert WorkforceSummary.objects.filter(
        measure=Measure.ATTEMPTS, organisation__ods_code="RBS", total__gte=1
    ).exists()

    board = queries.dashboard(
        queries.Filters(organisations=policies.organisations_in_scope(regional))
    )
    overdue = next(chart for chart in board.charts if chart.slug == "overdue")
    assert overdue.table.rows[-1][1] != "fewer than 5"
    coverage = next(chart for chart in board.charts if chart.slug == "coverage")
    assert coverage.table.rows[-1][1] != "fewer than 5"

    people = User.objects.count()
    assert load() == "Workforce dashboards: already loaded."
    assert User.objects.count() == people
