"""Browser journeys: Debian's Chromium driven by Playwright, checked with axe-core.

Pages are served by pytest-django's live server over the demo data. Screenshots go to
test-artifacts/ so a person can look at what the journey saw.
"""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session", autouse=True)
def serialized_contents_for_every_connection(django_db_setup):
    """Let every Django connection restore the migrations' data between journeys.

    Playwright's sync API runs in greenlets, whose context can hand Django a new
    connection object that lacks the test database's serialized contents, so
    `serialized_rollback` would silently restore nothing after the first journey.
    """
    from django.db import connections

    for connection in connections.all():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            type(connection)._test_serialized_contents = contents


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("ACADEMY_REQUIRE_BROWSER"):
            pytest.fail(
                f"{CHROMIUM} is missing: the test command installs Debian's chromium"
            )
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def demo_server(live_server, demo_data):
    """The live server, holding the demo content."""
    return live_server


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def sign_in(page, demo_server):
    """sign_in("trainee@academy.example") signs in through the real form."""

    def sign_in_as(email: str, password: str = "academy-demo"):  # noqa: S107
        page.goto(f"{demo_server.url}/account/sign-in/")
        page.get_by_label("E-mail address").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        return page

    return sign_in_as


AXE = Axe()
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_22_AA},
    "resultTypes": ["violations"],
}


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.2 AA violations on the page as it is now. A browser context
    that adds axe-core to every page (`context.add_init_script(AXE.axe_script)`)
    saves sending it again for each check."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.axe_script)
    return page.evaluate(
        "options => axe.run(document, options).then(r => r.violations)", AXE_OPTIONS
    )


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )


@pytest.fixture
def assert_accessible(page):
    """Fails with each violation named; saves a screenshot of the page checked."""

    def check(name: str):
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        violations = axe_violations(page)
        assert violations == [], describe(violations)

    return check


# Desktop, and the narrowest width WCAG's reflow criterion asks for.
DESKTOP = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 640}
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def check_page(page, assert_accessible):
    """axe-clean at 1280 pixels and at 320 pixels, where nothing may scroll sideways
    once NHS.UK's header has moved the links that no longer fit under "More";
    screenshots are kept as <name>-1280.png and <name>-320.png."""

    def check(name: str):
        assert_accessible(f"{name}-1280")
        page.set_viewport_size(NARROW)
        try:
            page.wait_for_function(NO_SIDEWAYS_SCROLL, timeout=5_000)
            assert_accessible(f"{name}-320")
        finally:
            page.set_viewport_size(DESKTOP)

    return check


@pytest.fixture
def follow_header_link(page):
    """Follow a link of the header's navigation as a person would: when the links do
    not all fit, NHS.UK's header moves the last ones under its "More" button; a page
    that is not among the header's five is reached from the home page."""

    def follow(name: str):
        page.wait_for_load_state()
        header = page.locator("header.nhsuk-header")
        if not header.get_by_role("link", name=name, exact=True).count():
            header.locator("a.nhsuk-header__service-logo").click()
            page.wait_for_load_state()
        link = page.get_by_role("link", name=name, exact=True).first
        if not link.is_visible():
            page.get_by_role("button", name="More").click()
        with page.expect_navigation():
            link.click()

    return follow
