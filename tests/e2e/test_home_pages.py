"""Each demo role signs in to a home page that says what to do now: their panel is
there, at least one of its links is followed by clicking, the header holds at most
five links (editors, moderators and administrators have "Admin"), and the page is
axe-clean at desktop width and at 320 CSS pixels without sideways scrolling.

    ACADEMY_UPDATE_SCREENSHOTS=1 .venv/bin/pytest tests/e2e/test_home_pages.py

also saves each role's home page at 1280 px to docs/screenshots/home-<role>.png
(a palette PNG, to keep the repository small)."""

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@dataclass(frozen=True)
class Journey:
    role: str
    email: str
    section: str
    panel: str
    link: re.Pattern
    arrives: re.Pattern  # the address the link leads to
    admin: bool = False


JOURNEYS = [
    Journey(
        "trainee",
        "trainee@academy.example",
        "Your learning",
        "Continue learning",
        re.compile(r"^Continue: "),
        re.compile(r"/courses/[^/]+/[^/]+/[^/]+/$"),
    ),
    Journey(
        "trainer",
        "trainer@academy.example",
        "Your trainees",
        "Sign-off requests",
        re.compile(r"^Priya Shah: ASP-"),
        re.compile(r"/assessments/workplace/\d+/sign/$"),
    ),
    Journey(
        "mentor",
        "mentor@academy.example",
        "Your mentoring",
        "Mentoring",
        re.compile(r"^Priya Shah$"),
        re.compile(r"/network/mentoring/\d+/$"),
    ),
    Journey(
        "lead",
        "lead@academy.example",
        "Your organisation",
        "Competences and plans",
        re.compile(r"^See who \(competences expiring"),
        re.compile(r"/passport/matrix/\d+/\?status=expiring$"),
    ),
    Journey(
        "editor",
        "editor@academy.example",
        "Content you edit",
        "Your content",
        re.compile(r"^See the report \(your modules due for review"),
        re.compile(r"/admin/reports/due-for-review/$"),
        admin=True,
    ),
    Journey(
        "moderator",
        "moderator@academy.example",
        "Content to review",
        "Content review",
        re.compile(r"^See the report \(flagged by audit findings"),
        re.compile(r"/admin/reports/review-requested/$"),
        admin=True,
    ),
    Journey(
        "admin",
        "admin@academy.example",
        "Administration",
        "Signed records changed after signing",
        re.compile(r"^Review in the admin \(open signature findings"),
        re.compile(r"/admin/signature_findings/$"),
        admin=True,
    ),
]


def save_screenshot(page, role: str) -> None:
    """The home page at 1280 px as a palette PNG in docs/screenshots/."""
    from PIL import Image

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"home-{role}.png"
    page.screenshot(path=str(path), full_page=True)
    with Image.open(path) as shot:
        small = shot.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


@pytest.mark.parametrize("journey", JOURNEYS, ids=[j.role for j in JOURNEYS])
def test_each_role_starts_from_a_home_page_that_says_what_to_do(
    page, demo_server, sign_in, check_page, journey
):
    sign_in(journey.email)
    page.wait_for_url(f"{demo_server.url}/")
    main = page.locator("main")
    assert main.get_by_role("heading", name=journey.section, level=2).is_visible()
    panel = main.locator(".academy-home-panel").filter(
        has=page.get_by_role("heading", name=journey.panel, level=3, exact=True)
    )
    assert panel.count() == 1

    navigation = page.locator(".nhsuk-header__navigation-list a")
    labels = [label.strip() for label in navigation.all_inner_texts()]
    assert 1 < len(labels) <= 5, labels
    assert labels[0] == "Home"
    assert ("Admin" in labels) == journey.admin
    assert page.locator("header").get_by_role("link", name=re.compile("^Notifications"))

    check_page(f"home-{journey.role}")
    if os.environ.get("ACADEMY_UPDATE_SCREENSHOTS"):
        save_screenshot(page, journey.role)

    panel.get_by_role("link", name=journey.link).first.click()
    page.wait_for_url(journey.arrives)
    assert page.locator("h1").first.is_visible()
