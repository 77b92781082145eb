import pypdfium2
import pytest

from careers.models import CareerAreaPage, CareerRole
from demo import careers

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_career_pages_for_its_specialist_areas_once(demo_data):
    pages = CareerAreaPage.objects.live().select_related("area")

    assert {page.area.code for page in pages} == {"ASP", "MAN", "RAD", "QA", "QC"}
    assert all(page.get_parent().slug == "careers" for page in pages)
    assert CareerRole.objects.filter(training_route__contains="ST0300").exists()
    assert CareerRole.objects.filter(training_route__contains="ST1406").exists()
    roles = CareerRole.objects.count()

    assert careers.load() == "Careers: 0 pages published."
    assert CareerRole.objects.count() == roles


def test_each_demo_poster_fits_one_a4_sheet(demo_data, client):
    for page in CareerAreaPage.objects.live():
        response = client.get(page.url + "poster/")
        assert response.status_code == 200
        document = pypdfium2.PdfDocument(response.content)
        assert len(document) == 1, page.title
        document.close()
