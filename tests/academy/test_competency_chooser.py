"""Editors find a competency by its code, as they type it, in the admin's chooser
and the competency listing, on SQLite and on PostgreSQL alike."""

import pytest
from django.urls import reverse

from academy.models import Competency
from academy.viewsets import competencies_matching
from tests.factories.academy import CompetencyFactory

pytestmark = pytest.mark.django_db

CHOOSER = "wagtailsnippetchoosers_academy_competency:choose_results"
LISTING = "wagtailsnippets_academy_competency:list"
TITLES = {
    "ASP-03": "Aseptic non-touch technique",
    "ASP-04": "Cleaning and disinfection",
    "QC-03": "Environmental monitoring",
}


@pytest.fixture
def framework():
    for code, title in TITLES.items():
        CompetencyFactory(code=code, title=title)


@pytest.fixture
def editor(client, make_user, framework):
    client.force_login(make_user("TSET editor"))


def _found(response) -> set[str]:
    assert response.status_code == 200
    return {code for code, title in TITLES.items() if title in response.text}


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("ASP-03", {"ASP-03"}),
        ("asp-03", {"ASP-03"}),
        ("Asp-03", {"ASP-03"}),
        ("asp03", {"ASP-03"}),
        ("ASP 03", {"ASP-03"}),
        (" ASP-03 ", {"ASP-03"}),
        ("ASP-0", {"ASP-03", "ASP-04"}),
        ("asp", {"ASP-03", "ASP-04"}),
        ("QC-03", {"QC-03"}),
        ("-03", {"ASP-03", "QC-03"}),
        ("aseptic technique", {"ASP-03"}),
        ("DISINFECTION", {"ASP-04"}),
        ("ASP-05", set()),
        ("technique cleaning", set()),
        ("100%", set()),
    ],
)
def test_a_competency_is_found_by_its_code_or_the_words_of_its_title(
    framework, typed, codes
):
    found = competencies_matching(Competency.objects.all(), typed)
    assert {c.code for c in found} == codes


def test_nothing_typed_leaves_every_competency(framework):
    for typed in ("", "   "):
        assert competencies_matching(Competency.objects.all(), typed).count() == 3


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("ASP-03", {"ASP-03"}),
        ("asp-03", {"ASP-03"}),
        ("asp03", {"ASP-03"}),
        ("ASP-0", {"ASP-03", "ASP-04"}),
        ("monitoring", {"QC-03"}),
    ],
)
def test_the_chooser_finds_a_competency_by_its_code(client, editor, typed, codes):
    assert _found(client.get(reverse(CHOOSER), {"q": typed})) == codes


def test_the_chooser_without_a_search_lists_them_all(client, editor):
    assert _found(client.get(reverse(CHOOSER))) == set(TITLES)
    modal = client.get(reverse("wagtailsnippetchoosers_academy_competency:choose"))
    assert modal.status_code == 200
    assert 'name="q"' in modal.json()["html"]


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("ASP-03", {"ASP-03"}),
        ("asp03", {"ASP-03"}),
        ("ASP-0", {"ASP-03", "ASP-04"}),
        ("cleaning", {"ASP-04"}),
    ],
)
def test_the_listing_finds_a_competency_by_its_code(client, editor, typed, codes):
    assert _found(client.get(reverse(LISTING), {"q": typed})) == codes
