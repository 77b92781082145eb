"""Editors find a competency by its code, as they type it, in the admin's chooser
and the competency listing."""

import pytest
from django.urls import reverse

from tests.factories.academy import CompetencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sqlite_only():
    """Known defect: on PostgreSQL, Wagtail's database search backend does not find a
    code such as "ASP-03" yet (its full-text parser splits it); the demo runs on
    SQLite, where these hold."""
    from django.db import connection

    if connection.vendor == "postgresql":
        pytest.skip("finding a competency by its code does not work on PostgreSQL yet")


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user("TSET editor"))
    CompetencyFactory(code="ASP-03", title="Aseptic non-touch technique")
    CompetencyFactory(code="ASP-04", title="Cleaning and disinfection")
    CompetencyFactory(code="QC-03", title="Environmental monitoring")


@pytest.mark.parametrize("typed", ["ASP-03", "asp-03", "ASP-0"])
def test_the_chooser_finds_a_competency_by_its_code(client, editor, typed):
    response = client.get(
        reverse("wagtailsnippetchoosers_academy_competency:choose_results"),
        {"q": typed},
    )
    assert response.status_code == 200
    assert "Aseptic non-touch technique" in response.text
    if typed != "ASP-0":
        assert "Cleaning and disinfection" not in response.text
    assert "Environmental monitoring" not in response.text


def test_the_listing_searches_by_code_without_an_error(client, editor):
    response = client.get(
        reverse("wagtailsnippets_academy_competency:list"), {"q": "ASP-03"}
    )
    assert response.status_code == 200
    assert "Aseptic non-touch technique" in response.text
    assert "Cleaning and disinfection" not in response.text
