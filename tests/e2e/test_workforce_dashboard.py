"""The demo's regional lead for the North West, from her home page and by clicking
only, opens the workforce dashboard, filters it to one organisation of her region and
downloads a CSV file in which no count under 5 appears. Every page is axe-clean at
desktop width and at 320 CSS pixels."""

import csv
import re

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
WESTMOOR = "Westmoor Hospitals NHS Foundation Trust"


def test_the_regional_lead_filters_her_dashboard_and_downloads_a_csv(
    page, demo_server, sign_in, check_page, tmp_path
):
    sign_in("regional@academy.example")
    page.wait_for_url(re.compile(r"/$"))
    panel = page.locator(".academy-home-panel").filter(
        has=page.get_by_role("heading", name="Workforce dashboard: North West")
    )
    assert "Overdue training plan items" in panel.inner_text()
    check_page("workforce-home")
    with page.expect_navigation():
        panel.get_by_role("link", name="Open the workforce dashboard").click()
    page.get_by_role("heading", level=1, name="Workforce dashboard").wait_for()
    main = page.locator("main").inner_text()
    assert "Southvale" not in main  # another region's trust
    assert page.locator("svg.academy-chart").count() == 8
    assert "Apprentices on track" in main
    check_page("workforce-dashboard")

    page.get_by_label("Organisation", exact=True).select_option(
        label=f"{WESTMOOR} (RWM)"
    )
    page.get_by_label("Band", exact=True).select_option(label="Band 4")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply filters").click()
    assert "organisation=" in page.url
    organisations = page.get_by_role("table", name=re.compile("Organisations compared"))
    assert WESTMOOR in organisations.inner_text()
    assert "Northshire" not in organisations.inner_text()
    check_page("workforce-dashboard-filtered")

    with page.expect_download() as download:
        page.get_by_role(
            "link", name=re.compile(r"^Download this table as a CSV file\W+Overdue")
        ).click()
    saved = tmp_path / "overdue.csv"
    download.value.save_as(saved)
    rows = list(csv.reader(saved.open()))
    assert rows[0][:2] == ["Month", "Overdue plan items"]
    assert len(rows) == 13
    cells = [cell for row in rows[1:] for cell in row[1:]]
    assert cells
    assert all(
        cell == "fewer than 5" or (cell.isdigit() and int(cell) >= 5) for cell in cells
    )
