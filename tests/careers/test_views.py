import pypdfium2
import pytest
import zxingcpp
from wagtail.models import Page

from careers.queries import absolute_page_url
from tests.factories.courses import make_catalogue

pytestmark = pytest.mark.django_db


def _poster_text_and_codes(content: bytes) -> tuple[list[str], list[str]]:
    document = pypdfium2.PdfDocument(content)
    assert len(document) == 1  # one A4 sheet
    page = document[0]
    width, height = page.get_size()
    assert (round(width), round(height)) == (595, 842)  # A4 portrait, in points
    lines = page.get_textpage().get_text_range().splitlines()
    image = page.render(scale=150 / 72).to_pil()  # printed at 150 dpi
    document.close()
    return lines, [code.text for code in zxingcpp.read_barcodes(image)]


def test_a_signed_out_visitor_reads_the_careers_index(client, career_page):
    response = client.get("/careers/")

    assert response.status_code == 200
    assert b'href="/careers/aseptic-services/"' in response.content


def test_a_signed_out_visitor_reads_the_roles_of_an_area_by_band(
    client, career_page, competencies
):
    response = client.get("/careers/aseptic-services/")

    assert response.status_code == 200
    text = response.content.decode()
    assert text.index("Band 2: Assistant technical officer") < text.index(
        "Band 4: Pharmacy technician (aseptic services)"
    )
    assert "ST0300 Pharmacy technician (integrated)" in text
    assert "<strong>ASP-14</strong> In-process checking" in text
    assert "Retired practice" not in text
    assert 'href="/careers/aseptic-services/poster/"' in text


def test_the_page_is_the_same_for_everyone(client, career_page, make_user):
    anonymous = client.get("/careers/aseptic-services/").content.decode()
    client.force_login(make_user("Trainee"))
    signed_in = client.get("/careers/aseptic-services/").content.decode()

    def main(html: str) -> str:
        return html[html.index("<h1>") : html.index("</main>")]

    assert main(anonymous) == main(signed_in)


@pytest.mark.parametrize(
    "address",
    [
        "/careers/no-such-area/",
        "/careers/no-such-area/poster/",
        "/careers/aseptic-services/no-such-thing/",
    ],
)
def test_an_unknown_area_is_not_found(client, career_page, address):
    assert client.get(address).status_code == 404


def test_an_unpublished_area_is_not_found(client, career_page):
    Page.objects.get(pk=career_page.pk).unpublish()

    assert client.get("/careers/aseptic-services/").status_code == 404
    assert client.get("/careers/aseptic-services/poster/").status_code == 404


def test_a_signed_out_visitor_downloads_the_poster(client, career_page, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://academy.example.nhs.uk"

    response = client.get("/careers/aseptic-services/poster/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="careers-aseptic-preparation-poster.pdf"'
    )
    assert "public" in response["Cache-Control"]
    lines, codes = _poster_text_and_codes(response.content)
    url = "https://academy.example.nhs.uk/careers/aseptic-services/"
    assert codes == [url]
    assert url in lines
    assert "Aseptic services" in lines
    assert any("Assistant technical officer" in line for line in lines)


def test_the_poster_follows_the_page_when_it_is_published_again(
    client, career_page, settings
):
    first = client.get("/careers/aseptic-services/poster/").content
    career_page.title = "Aseptic services careers"
    career_page.save_revision().publish()

    lines, codes = _poster_text_and_codes(
        client.get("/careers/aseptic-services/poster/").content
    )

    assert "Aseptic services careers" in lines
    assert codes == [absolute_page_url(career_page)]
    assert "Aseptic services careers" not in _poster_text_and_codes(first)[0]


def test_the_catalogue_links_to_the_career_pages_for_signed_out_visitors(
    client, site_root, career_page
):
    catalogue = make_catalogue(site_root)

    response = client.get(catalogue.url)

    assert response.status_code == 200
    assert b'<a href="/careers/">Careers in technical services</a>' in response.content


def test_the_catalogue_has_no_careers_link_without_a_published_index(
    client, site_root, careers_index
):
    catalogue = make_catalogue(site_root)
    Page.objects.get(pk=careers_index.pk).unpublish()

    response = client.get(catalogue.url)

    assert response.status_code == 200
    assert b'href="/careers/"' not in response.content


def test_the_area_page_reads_the_same_number_of_times_however_many_roles(
    client, career_page, competencies, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from careers.models import CareerRole

    client.get("/careers/aseptic-services/")  # the site and its root, cached after
    with CaptureQueriesContext(connection) as two_roles:
        client.get("/careers/aseptic-services/")
    for band in (3, 5, 6, 7):
        career_page.roles.add(
            CareerRole(
                band=band, job_title=f"Role {band}", summary="S", training_route="R"
            )
        )
    career_page.save_revision().publish()

    with django_assert_num_queries(len(two_roles)):
        response = client.get("/careers/aseptic-services/")
    assert response.content.decode().count('class="nhsuk-card__heading"') == 6


def test_shared_caches_may_keep_what_signed_out_readers_get(client, career_page):
    for address in ("/careers/", "/careers/aseptic-services/"):
        response = client.get(address)
        assert "public" in response["Cache-Control"], address
        assert "Cookie" in response["Vary"], address
    poster = client.get("/careers/aseptic-services/poster/")
    assert poster["Cache-Control"] == "public, max-age=3600"


def test_a_signed_in_readers_copy_stays_private(client, career_page, make_user):
    client.force_login(make_user("Trainee"))

    for address in ("/careers/aseptic-services/", "/careers/aseptic-services/poster/"):
        assert client.get(address)["Cache-Control"] == "private", address


def test_a_private_career_page_and_its_poster_are_never_public(
    client, career_page, make_user
):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=career_page, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get("/careers/aseptic-services/").status_code == 302
    client.force_login(make_user("Trainee"))

    response = client.get("/careers/aseptic-services/poster/")

    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]
