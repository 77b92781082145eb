"""The demo's apprentice, Jordan Reid at Eastfield, in the North West dashboard."""

from django.utils import timezone

from academy.models import User
from apprenticeships.models import Apprenticeship
from apprenticeships.queries import hours_for, next_review_window
from workforce import policies, queries, rules
from workforce.models import Measure, WorkforceSummary


def test_jordan_is_counted_at_eastfield_as_his_own_pages_show_him(demo_data):
    today = timezone.localdate()
    jordan = Apprenticeship.objects.get(apprentice__email="apprentice@academy.example")
    on_track = (
        hours_for(jordan, today=today).on_track
        and today <= next_review_window(jordan)[1]
    )
    row = WorkforceSummary.objects.get(
        measure=Measure.APPRENTICES,
        organisation__ods_code="RWX",
        month=rules.month_start(today),
    )
    assert (row.total, row.count, row.band) == (1, int(on_track), 3)
    # He started about five months ago: not counted a year ago.
    assert not WorkforceSummary.objects.filter(
        measure=Measure.APPRENTICES, month=rules.trend_months(today)[0]
    ).exists()

    regional = User.objects.get(email="regional@academy.example")
    board = queries.dashboard(
        queries.Filters(organisations=policies.organisations_in_scope(regional))
    )
    chart = next(chart for chart in board.charts if chart.slug == "apprentices")
    assert chart.table.rows[-1][1:] == ("fewer than 5",) * 3
