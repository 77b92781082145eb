import pytest

from careers.models import CareerAreaPage, CareerRole, CareersIndexPage
from tests.factories.academy import CompetencyFactory, SpecialistAreaFactory
from tests.factories.courses import publish


@pytest.fixture
def careers_index(site_root) -> CareersIndexPage:
    return publish(
        site_root,
        CareersIndexPage(
            title="Careers in technical services",
            slug="careers",
            introduction="Roles for every band.",
        ),
    )


@pytest.fixture
def aseptic():
    return SpecialistAreaFactory()


@pytest.fixture
def career_page(careers_index, aseptic) -> CareerAreaPage:
    page = CareerAreaPage(
        title="Aseptic services",
        slug="aseptic-services",
        area=aseptic,
        introduction="Aseptic services prepare injectable medicines for patients.",
    )
    page.roles = [
        CareerRole(
            band=4,
            job_title="Pharmacy technician (aseptic services)",
            summary="Prepares complex injectable medicines.",
            training_route="ST0300 Pharmacy technician (integrated) apprenticeship.",
            sort_order=0,
        ),
        CareerRole(
            band=2,
            job_title="Assistant technical officer",
            summary="Supports the aseptic unit under supervision.",
            training_route="ST1406 Science manufacturing technician apprenticeship.",
            sort_order=1,
        ),
    ]
    return publish(careers_index, page)


@pytest.fixture
def competencies(aseptic):
    return {
        "gowning": CompetencyFactory(
            code="ASP-02", title="Aseptic gowning", area=aseptic, band_from=2, band_to=6
        ),
        "checking": CompetencyFactory(
            code="ASP-14",
            title="In-process checking",
            area=aseptic,
            band_from=4,
            band_to=5,
        ),
        "retired": CompetencyFactory(
            code="ASP-90", title="Retired practice", area=aseptic, live=False
        ),
    }
