"""Apprentices on track: counted into the summary rows by the nightly refresh with the
apprenticeship rules, shown as a trend with its table and CSV, suppressed under 5."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from apprenticeships.models import (
    Apprenticeship,
    ApprenticeshipStandard,
    OffTheJobEntry,
    ProgressReview,
)
from apprenticeships.queries import hours_for
from courses.models import Enrolment
from tests.factories.courses import make_area_page, make_catalogue, make_module
from workforce import policies, queries, rules, services
from workforce.models import Measure, WorkforceSummary

START_DAYS_AGO = 140
PLANNED_DAYS = 700
MINIMUM = 70  # a tenth of an hour a day: 14 hours expected by today


@pytest.fixture
def standard(db):
    return ApprenticeshipStandard.objects.create(
        code="ST1406",
        version="1.1",
        title="Science manufacturing technician",
        otj_minimum_hours=MINIMUM,
    )


class Apprentices:
    """Makes apprentices started 140 days ago (after 1 August 2025, so the
    standard's minimum applies), with a review 70 days ago unless told otherwise."""

    def __init__(self, make_user, standard):
        self.make_user = make_user
        self.standard = standard
        self.representative = make_user()

    def add(self, employer, *, hours, review_days_ago=70, band=3, on_date=None):
        today = timezone.localdate()
        apprenticeship = Apprenticeship.objects.create(
            apprentice=self.make_user("Trainee", organisation=employer, band=band),
            standard=self.standard,
            employer=employer,
            training_provider="Northern Pharmacy Training",
            employer_representative=self.representative,
            provider_representative=self.representative,
            start_date=today - timedelta(days=START_DAYS_AGO),
            planned_end_date=today + timedelta(days=PLANNED_DAYS - START_DAYS_AGO),
        )
        OffTheJobEntry.objects.create(
            apprenticeship=apprenticeship,
            activity="College day",
            on_date=on_date or today - timedelta(days=1),
            hours=Decimal(hours),
            recorded_by=self.representative,
        )
        if review_days_ago is not None:
            ProgressReview.objects.create(
                apprenticeship=apprenticeship,
                held_on=today - timedelta(days=review_days_ago),
                progress="Good progress",
                next_steps="Keep going",
                recorded_by=self.representative,
            )
        return apprenticeship


@pytest.fixture
def apprentices(network, make_user, standard):
    return Apprentices(make_user, standard)


def _latest(organisation):
    return WorkforceSummary.objects.get(
        measure=Measure.APPRENTICES,
        organisation=organisation,
        month=rules.month_start(timezone.localdate()),
    )


def _chart(board):
    return next(chart for chart in board.charts if chart.slug == "apprentices")


def test_an_apprentice_is_on_track_with_the_hours_expected_and_no_review_overdue(
    network, apprentices
):
    for _ in range(5):
        apprentices.add(network.eastfield, hours=20)
    apprentices.add(network.eastfield, hours=10)  # behind: 14 hours expected so far
    apprentices.add(network.eastfield, hours=20, review_days_ago=90)  # 12 weeks past
    apprentices.add(network.eastfield, hours=20, review_days_ago=None)  # none since
    services.refresh_workforce_summary()
    row = _latest(network.eastfield)
    assert (row.count, row.total, row.band) == (5, 8, 3)


def test_the_minimum_to_date_is_the_apprenticeship_pages_own(network, apprentices):
    behind = apprentices.add(network.eastfield, hours="13.5")
    level = apprentices.add(network.eastfield, hours=14)
    today = timezone.localdate()
    assert not hours_for(behind, today=today).on_track
    assert hours_for(level, today=today).on_track
    services.refresh_workforce_summary()
    assert _latest(network.eastfield).count == 1


def test_academy_modules_completed_count_towards_the_hours(
    network, apprentices, site_root
):
    apprenticeship = apprentices.add(network.eastfield, hours=4)
    module = make_module(
        make_area_page(make_catalogue(site_root)), lessons=0, estimated_minutes=600
    )
    Enrolment.objects.create(
        trainee=apprenticeship.apprentice,
        module=module,
        enrolled_at=timezone.now() - timedelta(days=9),
        completed_at=timezone.now() - timedelta(days=2),
    )
    services.refresh_workforce_summary()
    assert _latest(network.eastfield).count == 1  # 4 logged + 10 from the module


def test_a_past_month_counts_the_hours_and_reviews_of_its_own_time(
    network, apprentices
):
    today = timezone.localdate()
    apprentices.add(network.eastfield, hours=20, on_date=today - timedelta(days=1))
    services.refresh_workforce_summary()
    months = rules.trend_months(today)
    by_month = {
        row.month: row
        for row in WorkforceSummary.objects.filter(measure=Measure.APPRENTICES)
    }
    # Not started a year ago; two months back, the hours logged yesterday were not.
    assert months[0] not in by_month
    two_months_back = by_month[months[-3]]
    assert (two_months_back.count, two_months_back.total) == (0, 1)
    assert by_month[months[-1]].count == 1


def test_an_apprenticeship_past_its_planned_end_is_not_counted(network, apprentices):
    finished = apprentices.add(network.eastfield, hours=20)
    finished.planned_end_date = timezone.localdate() - timedelta(days=1)
    finished.save()
    services.refresh_workforce_summary()
    assert not WorkforceSummary.objects.filter(
        measure=Measure.APPRENTICES, month=rules.month_start(timezone.localdate())
    ).exists()


def test_the_chart_suppresses_fewer_than_5_and_keeps_to_the_leads_region(
    network, apprentices
):
    for _ in range(6):
        apprentices.add(network.eastfield, hours=20)
    apprentices.add(network.eastfield, hours=1)
    for _ in range(3):
        apprentices.add(network.westbank, hours=20)
    for _ in range(9):
        apprentices.add(network.thames, hours=20, band=5)
    services.refresh_workforce_summary()

    regional = policies.organisations_in_scope(network.regional_lead)
    board = queries.dashboard(queries.Filters(organisations=regional))
    chart = _chart(board)
    assert chart.table.headers == ("Month", "Apprentices", "On track", "On track")
    assert chart.table.rows[-1][1:] == ("10", "9", "90%")  # Thames is not counted
    assert chart.table.rows[0][1:] == ("fewer than 5",) * 3
    organisations = {row[0]: row for row in board.organisations.rows}
    assert organisations["Eastfield"][-2] == "6"
    assert organisations["Westbank"][-2] == "fewer than 5"

    only_westbank = queries.dashboard(
        queries.Filters(organisations=regional, organisation=network.westbank)
    )
    assert _chart(only_westbank).table.rows[-1][1:] == ("fewer than 5",) * 3

    national = policies.organisations_in_scope(network.national_lead)
    band_5 = queries.dashboard(queries.Filters(organisations=national, band=5))
    assert _chart(band_5).table.rows[-1][1:] == ("9", "9", "100%")


def test_the_csv_of_apprentices_on_track_shows_no_count_under_5(
    client, network, apprentices
):
    for _ in range(4):
        apprentices.add(network.eastfield, hours=20)
    for _ in range(6):
        apprentices.add(network.westbank, hours=1)
    services.refresh_workforce_summary()
    client.force_login(network.regional_lead)
    response = client.get(reverse("workforce:csv", args=["apprentices"]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Month", "Apprentices", "On track", "On track"]
    assert rows[-1] == [
        f"{timezone.localdate():%b %Y}",
        "10",
        "fewer than 5",
        "fewer than 5",
    ]
