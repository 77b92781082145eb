import pytest

from academy.models import Band
from careers.queries import absolute_page_url, role_cards, typical_competencies
from tests.factories.academy import CompetencyFactory, SpecialistAreaFactory
from tests.factories.courses import make_area_page, make_catalogue, make_pathway

pytestmark = pytest.mark.django_db


def test_roles_are_listed_by_band_lowest_first(career_page):
    cards = role_cards(career_page, area_index=None)

    assert [card.role.band for card in cards] == [2, 4]
    assert [card.band_label for card in cards] == ["Band 2", "Band 4"]


def test_a_role_lists_the_live_competencies_of_its_area_and_band(
    career_page, competencies
):
    other_area = SpecialistAreaFactory(code="QC", name="Quality control", slug="qc")
    CompetencyFactory(code="QC-01", area=other_area, band_from=2, band_to=6)

    band_2, band_4 = role_cards(career_page, area_index=None)

    assert [c.code for c in band_2.competencies] == ["ASP-02"]
    assert [c.code for c in band_4.competencies] == ["ASP-02", "ASP-14"]


def test_the_band_rule_is_the_competency_band_range(competencies):
    listed = list(competencies.values())
    area_id = competencies["gowning"].area_id

    assert typical_competencies(listed, area_id=area_id, band=Band.BAND_7) == []
    assert typical_competencies(listed, area_id=area_id, band=5) == [
        competencies["gowning"],
        competencies["checking"],
        competencies["retired"],
    ]


def test_a_role_links_the_career_pathway_of_its_band(site_root, career_page, aseptic):
    area_index = make_area_page(make_catalogue(site_root), aseptic)
    pathway = make_pathway(area_index, band=4)

    band_2, band_4 = role_cards(career_page, area_index=area_index)

    assert band_2.pathway is None
    assert band_4.pathway.pk == pathway.pk


def test_the_address_on_the_poster_is_the_page_on_the_public_site(
    career_page, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://academy.example.nhs.uk/"

    assert (
        absolute_page_url(career_page)
        == "https://academy.example.nhs.uk/careers/aseptic-services/"
    )
