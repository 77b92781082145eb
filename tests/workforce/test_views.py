import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.workforce.conftest import hold
from workforce import services

DASHBOARD = reverse("workforce:dashboard")
TABLES = [
    "coverage",
    "expiring",
    "overdue",
    "knowledge",
    "answers",
    "assessors",
    "accreditations",
    "apprentices",
    "coverage-by-area",
    "knowledge-gaps",
    "organisations",
]


@pytest.fixture
def counted(network):
    services.refresh_workforce_summary()
    return network


def test_a_regional_lead_sees_their_regions_organisations_only(client, counted):
    client.force_login(counted.regional_lead)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    page = response.content.decode()
    assert "North West" in page
    assert "Westbank" in page
    assert "Thames" not in page
    assert "<svg" in page
    assert "fewer than 5" in page


def test_a_regional_lead_asking_for_another_regions_organisation_gets_404(
    client, counted
):
    client.force_login(counted.regional_lead)
    asked = {"organisation": counted.thames.pk}
    assert client.get(DASHBOARD, asked).status_code == 404
    assert (
        client.get(reverse("workforce:csv", args=["organisations"]), asked).status_code
        == 404
    )
    assert client.get(DASHBOARD, {"organisation": "x"}).status_code == 404
    assert (
        client.get(DASHBOARD, {"organisation": counted.westbank.pk}).status_code == 200
    )


def test_a_national_lead_compares_every_organisation(client, counted):
    client.force_login(counted.national_lead)
    response = client.get(DASHBOARD, {"organisation": counted.thames.pk})
    assert response.status_code == 200
    assert "Thames" in response.content.decode()


def test_anyone_else_finds_no_dashboard(client, counted):
    assert client.get(DASHBOARD).status_code == 302
    client.force_login(counted.eastfield_staff[0])
    assert client.get(DASHBOARD).status_code == 404


def test_an_unknown_band_is_named_and_nothing_is_filtered(client, counted):
    client.force_login(counted.regional_lead)
    response = client.get(DASHBOARD, {"band": "99"})
    assert response.status_code == 200
    assert "Choose a band from the list" in response.content.decode()


@pytest.mark.parametrize("table", TABLES)
def test_no_csv_shows_a_count_under_5(client, counted, table):
    client.force_login(counted.national_lead)
    response = client.get(reverse("workforce:csv", args=[table]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    if table != "knowledge-gaps":  # the network has no assessment answers
        assert len(rows) > 1
    numbers = [int(cell) for row in rows[1:] for cell in row if cell.isdigit()]
    assert all(number >= 5 for number in numbers)


def test_the_organisations_csv_suppresses_westbanks_two_trainees(client, counted):
    client.force_login(counted.regional_lead)
    response = client.get(reverse("workforce:csv", args=["organisations"]))
    rows = {row[0]: row for row in csv.reader(io.StringIO(response.content.decode()))}
    assert rows["Westbank"][2] == "fewer than 5"
    assert rows["Eastfield"][2] == "6"


def test_an_unknown_table_is_not_found(client, counted):
    client.force_login(counted.regional_lead)
    assert client.get(reverse("workforce:csv", args=["nothing"])).status_code == 404


def _queries(client, lead) -> int:
    client.force_login(lead)
    client.get(DASHBOARD)  # the session's first request also records the sign-in
    with CaptureQueriesContext(connection) as queries:
        assert client.get(DASHBOARD).status_code == 200
    return len(queries)


def test_the_dashboard_reads_the_database_as_often_with_more_trainees(
    client, counted, make_user
):
    before = _queries(client, counted.national_lead)
    for _ in range(20):
        hold(make_user("Trainee", organisation=counted.westbank), counted.competency)
    services.refresh_workforce_summary()
    assert _queries(client, counted.national_lead) == before


def test_the_figures_are_counted_once_a_refresh_and_then_read_from_the_cache(
    client, counted, make_user
):
    client.force_login(counted.national_lead)
    organisations = reverse("workforce:csv", args=["organisations"])

    def westbank_staff():
        rows = csv.reader(io.StringIO(client.get(organisations).content.decode()))
        return {row[0]: row for row in rows}["Westbank"][1]

    assert westbank_staff() == "fewer than 5"
    with CaptureQueriesContext(connection) as queries:
        assert client.get(DASHBOARD).status_code == 200
    summary = [q for q in queries if "workforce_workforcesummary" in q["sql"]]
    assert len(summary) == 1  # when the summary was last refreshed, nothing more

    for _ in range(20):
        make_user("Trainee", organisation=counted.westbank)
    assert westbank_staff() == "fewer than 5"  # until the next refresh
    services.refresh_workforce_summary()
    assert westbank_staff() == "22"


def test_the_home_page_leads_each_lead_to_their_dashboard(client, counted):
    client.force_login(counted.regional_lead)
    page = client.get("/").content.decode()
    assert "Your region" in page
    assert "Workforce dashboard: North West" in page
    assert DASHBOARD in page
    client.force_login(counted.national_lead)
    page = client.get("/").content.decode()
    assert "The national picture" in page
    assert "Workforce dashboard: England" in page
    client.force_login(counted.eastfield_staff[0])
    assert "Workforce dashboard" not in client.get("/").content.decode()
