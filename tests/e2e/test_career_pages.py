"""A visitor at a careers fair, signed out, finds the career pages from the catalogue,
reads the roles of an area band by band at desktop and phone widths, and downloads the
area's A4 poster, whose QR code opens the page they were reading."""

import pypdfium2
import pytest
import zxingcpp

from careers.models import CareerAreaPage
from careers.queries import absolute_page_url
from tests.e2e.conftest import ARTIFACTS

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_signed_out_visitor_opens_a_career_page_from_the_catalogue_and_downloads_its_poster(
    page, demo_server, assert_accessible, check_page, follow_header_link
):
    page.goto(demo_server.url)
    follow_header_link("Catalogue")
    with page.expect_navigation():
        page.get_by_role("link", name="Careers in pharmacy technical services").click()
    assert page.get_by_role(
        "heading", level=1, name="Careers in pharmacy technical services"
    ).is_visible()
    assert_accessible("careers-index")

    with page.expect_navigation():
        page.get_by_role("link", name="Aseptic services").click()
    assert page.get_by_role("heading", level=1, name="Aseptic services").is_visible()
    roles = page.locator("h3.nhsuk-card__heading").all_inner_texts()
    assert roles[0] == "Band 2: Assistant technical officer"
    assert "Band 4: Pharmacy technician (aseptic services)" in roles
    assert page.get_by_text(
        "ST0300 Pharmacy technician (integrated)"
    ).first.is_visible()
    assert page.get_by_text("ASP-08").first.is_visible()  # broth transfer, bands 2-6
    check_page("career-area")

    career_page = CareerAreaPage.objects.get(slug="aseptic-services")
    with page.expect_download() as download:
        page.get_by_role(
            "link",
            name="Download the poster for careers fairs and open days (PDF, A4)",
        ).click()
    assert download.value.suggested_filename == "careers-aseptic-preparation-poster.pdf"
    ARTIFACTS.mkdir(exist_ok=True)
    saved = ARTIFACTS / "career-poster-aseptic-services.pdf"
    download.value.save_as(saved)
    document = pypdfium2.PdfDocument(str(saved))
    assert len(document) == 1
    image = document[0].render(scale=150 / 72).to_pil()
    image.save(ARTIFACTS / "career-poster-aseptic-services.png")
    printed = document[0].get_textpage().get_text_range().splitlines()
    document.close()

    address = absolute_page_url(career_page)
    assert "Aseptic services" in printed
    assert address in printed  # the address printed under the QR code
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [address]
    # The printed address is this page's, on the Academy's public site.
    assert address.endswith(page.url.removeprefix(demo_server.url))
