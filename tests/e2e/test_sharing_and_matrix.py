"""Sharing and the matrix: the demo trainee sees her status on a career pathway, shares
her passport by link and the link opens signed out; the training lead opens the competence matrix, filters it and
downloads it as CSV. Every page is checked with axe-core."""

import csv
import io
import re
from pathlib import Path

import pytest

from courses.models import CareerPathwayPage
from tests.e2e.conftest import ARTIFACTS

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def check(assert_accessible):
    """axe-core on the page; its screenshot is kept as sharing-and-matrix-<name>.png."""

    def checked(name: str):
        assert_accessible(f"sharing-and-matrix-{name}")

    return checked


def test_trainee_shares_passport_and_the_link_opens_signed_out(
    page, demo_server, sign_in, check, follow_header_link
):
    sign_in("trainee@academy.example")
    pathway = CareerPathwayPage.objects.live().filter(band=3).first()
    page.goto(f"{demo_server.url}{pathway.url}")
    assert page.get_by_role("columnheader", name="Your status").is_visible()
    assert page.get_by_role("cell", name="Valid").first.is_visible()
    check("pathway-status")

    follow_header_link("Share my passport")
    assert page.get_by_role("heading", level=1).inner_text() == "Share my passport"
    assert page.get_by_text("203.0.113.0/24").is_visible()
    check("sharing")

    page.get_by_label("Date the link stops working").fill("2020-01-01")
    page.get_by_role("button", name="Create share link").click()
    assert page.title().startswith("Error:")
    check("sharing-error")

    page.get_by_label("Date the link stops working").fill("")
    page.get_by_role("button", name="Create share link").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role(
        "link", name="Enter the date the link stops working"
    ).is_visible()
    page.goto(f"{demo_server.url}/passport/sharing/")
    page.get_by_role("button", name="Create share link").click()
    url = page.get_by_label("Share link").input_value()
    assert re.search(r"/passport/shared/[\w-]{40,}/$", url)
    check("share-link-created")

    page.context.clear_cookies()
    page.goto(url)
    assert page.get_by_role("heading", level=1).inner_text() == "Priya Shah"
    table = page.get_by_role("table", name="Competences held")
    assert "COR-01" in table.inner_text()
    assert "Valid" in table.inner_text()
    assert "trainee@academy.example" not in page.content()
    check("shared-passport")

    sign_in("trainee@academy.example")
    page.goto(f"{demo_server.url}/passport/sharing/")
    stop = page.get_by_role("button", name=re.compile("Stop this link")).first
    stop.click()
    assert page.get_by_text("It no longer works").is_visible()
    page.context.clear_cookies()
    response = page.goto(url)
    assert response.status == 404


def test_lead_opens_filters_and_downloads_the_matrix(
    page, demo_server, sign_in, check, follow_header_link
):
    sign_in("lead@academy.example")
    follow_header_link("Competence matrix")
    page.wait_for_url(re.compile(r"/passport/matrix/\d+/$"))
    table = page.get_by_role("table", name=re.compile("Competences of Northshire"))
    assert "Priya Shah" in table.inner_text()
    assert "Suspended" in table.inner_text()
    check("matrix")

    page.get_by_label("Band").select_option(label="Band 3")
    page.get_by_label("Staff with a competency that is").select_option(label="Expired")
    page.get_by_role("button", name="Apply filters").click()
    filtered = page.get_by_role("table", name=re.compile("Competences of")).inner_text()
    assert "Ben Carter" in filtered
    assert "Priya Shah" not in filtered
    assert "Grace Lee" not in filtered
    check("matrix-filtered")

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV file").click()
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][:3] == ["Name", "Job title", "Band"]
    assert [row[0] for row in rows[1:]] == ["Ben Carter", "Farid Rahman"]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "sharing-and-matrix-export.csv").write_text(content, encoding="utf-8")
