"""axe-core (WCAG 2.2 AA) over every user-facing page, for every demo role that reaches
it, in one browser session per role; and every page once more at 320 CSS pixels wide,
where it must not scroll sideways (WCAG 1.4.10 Reflow).

The pages are the routes of the security battery's route table (tests/security/routes.py,
which fails when a route of the URLconf is missing from it), and who reaches each one
is its route x role matrix (tests/security/test_route_matrix.py). Every route is either
swept here or excluded below with a reason, so a new page cannot be silently skipped.
Some pages exist only in a state the demo does not start in (a live share link, a
password-protected page, a signed record to correct or countersign, lesson blocks the
demo content does not use): the sweep makes that state first, and asks Django which
roles reach each of those pages.
"""

import datetime
import io
import time
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.images import ImageFile
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, get_page_models

from academy.models import Competency, SpecialistArea, User
from academy.models.site import HomePage
from careers.models import CareerAreaPage, CareersIndexPage
from courses.blocks import LessonBodyBlock
from courses.models import (
    CareerPathwayPage,
    CataloguePage,
    LessonPage,
    ModulePage,
    SpecialistAreaIndexPage,
)
from demo.academy import DEMO_PASSWORD
from tests.e2e.conftest import ARTIFACTS, AXE, axe_violations, describe
from tests.security.conftest import DEMO_EMAILS, ROLES
from tests.security.routes import NOT_PAGES, URLS, page_routes, route_names
from tests.security.test_route_matrix import EXPECTED

pytestmark = pytest.mark.e2e

# The demo accounts; the battery's extra trainer of another organisation is not one.
SWEPT_ROLES = [role for role in ROLES if role == "anonymous" or role in DEMO_EMAILS]

# Error pages are swept with the status they are served with.
ERROR_PAGES = {"page:missing": 404}

# Each kind of Wagtail page, by the battery's probe of one published page of it.
PAGE_PROBES = {
    HomePage: "wagtail_serve",
    CataloguePage: "page:catalogue",
    SpecialistAreaIndexPage: "page:area",
    ModulePage: "page:module",
    LessonPage: "page:lesson",
    CareerPathwayPage: "page:pathway",
    CareersIndexPage: "page:careers",
    CareerAreaPage: "page:career_area",
}

# Lesson blocks the demo content does not use, added to a lesson for the sweep.
VIDEO_URL = "https://www.youtube.com/watch?v=academy-sweep"
ADDED_BLOCKS = ("expander", "image", "video")


def test_every_route_is_swept_or_excluded_with_a_reason():
    unknown = set(NOT_PAGES) - set(URLS)
    assert not unknown, f"Excluded routes that no longer exist: {sorted(unknown)}"
    unlisted = route_names() - set(URLS)
    assert not unlisted, f"Add these routes to tests/security/routes.py: {unlisted}"
    assert all(reason.strip() for reason in NOT_PAGES.values())
    assert set(page_routes()) | set(NOT_PAGES) == set(URLS)


def test_routes_excluded_as_post_only_serve_no_page():
    """If one starts to answer GET with a page, it must be swept instead."""
    for name, reason in NOT_PAGES.items():
        if reason.startswith("POST only"):
            statuses = set(EXPECTED[name].split()[1:])
            assert statuses <= {"404", "405"}, name


def test_every_kind_of_wagtail_page_is_swept():
    kinds = {model for model in get_page_models() if model is not Page}
    assert kinds == set(PAGE_PROBES)
    assert set(PAGE_PROBES.values()) <= set(page_routes())


def test_every_lesson_block_is_swept_or_added():
    assert set(ADDED_BLOCKS) <= set(LessonBodyBlock.base_blocks)


# -- The state some pages need ----------------------------------------------------


def _demo_people() -> dict[str, User | None]:
    people = {role: User.objects.get(email=e) for role, e in DEMO_EMAILS.items()}
    people["anonymous"] = None
    return people


def _signed_assessment(priya: User):
    from assessments.models import WorkplaceAssessment

    return WorkplaceAssessment.objects.filter(trainee=priya, status="complete").first()


def _awaiting_countersignature(people) -> str:
    """Priya's ASP-04 signed competent by Grace Lee, waiting for a second assessor of
    Northshire: Helen Morris, the training lead, accredited for it by the admin."""
    from assessments.models import CriterionResult, Outcome, WorkplaceAssessment
    from assessments.workplace.evidence import add_evidence
    from assessments.workplace.services.request import (
        request_sign_off,
        start_workplace_assessment,
    )
    from assessments.workplace.services.sign_off import sign_off_assessment
    from tests.factories.workplace import pdf_upload
    from trainers.services import grant_accreditation

    priya, grace = people["trainee"], people["trainer"]
    assessment = start_workplace_assessment(
        trainee=priya, competency=Competency.objects.get(code="ASP-04", live=True)
    )
    WorkplaceAssessment.objects.filter(pk=assessment.pk).update(
        countersign_required=True
    )
    add_evidence(assessment=assessment, uploaded_by=priya, upload=pdf_upload())
    assessment = request_sign_off(
        assessment=assessment, assessor=grace, reflection="Observed twice this week."
    )
    sign_off_assessment(
        assessment=assessment,
        assessor=grace,
        results={
            criterion.position: (CriterionResult.MET, "Observed and correct.")
            for criterion in assessment.criteria.all()
        },
        outcome=Outcome.COMPETENT,
        action_plan="",
        password=DEMO_PASSWORD,
    )
    today = timezone.localdate()
    grant_accreditation(
        person=people["lead"],
        granted_by=people["admin"],
        areas=[SpecialistArea.objects.get(code="ASP")],
        band_from=2,
        band_to=6,
        starts_on=today - datetime.timedelta(days=1),
        expires_on=today + datetime.timedelta(days=365),
        reason="Accessibility sweep: a second assessor to countersign.",
    )
    return reverse("assessments:workplace_countersign", kwargs={"pk": assessment.pk})


def _lesson_with_added_blocks(moderator: User) -> str:
    """The last demo lesson, republished with the blocks the demo does not use. The
    video's embed is stored as Wagtail stores a provider's answer, so nothing is
    fetched."""
    png = io.BytesIO()
    PILImage.new("RGB", (64, 48), (0, 94, 184)).save(png, format="PNG")
    image = get_image_model().objects.create(
        title="Sweep picture", file=ImageFile(png, name="sweep.png")
    )
    Embed.objects.create(
        url=VIDEO_URL,
        hash=get_embed_hash(VIDEO_URL),
        type="video",
        html=(
            '<iframe width="560" height="315" title="Aseptic gowning" '
            'src="https://www.youtube-nocookie.com/embed/academy-sweep" '
            "allowfullscreen></iframe>"
        ),
        title="Aseptic gowning",
        provider_name="YouTube",
        thumbnail_url="",
        width=560,
        height=315,
    )
    lesson = LessonPage.objects.live().order_by("path").last()
    lesson.body = [
        *lesson.body.raw_data,
        {
            "type": "expander",
            "value": {
                "title": "More about gowning",
                "body": [
                    {"type": "richtext", "value": "<p>Gown as you were taught.</p>"}
                ],
            },
        },
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": "A blue card",
                "caption": "Step 1",
            },
        },
        {
            "type": "video",
            "value": {
                "title": "Gowning",
                "video": VIDEO_URL,
                "transcript": "<p>The operator puts on a hood first.</p>",
            },
        },
    ]
    lesson.save_revision(user=moderator).publish(user=moderator)
    return lesson.url


def _lessons_covering_every_block(extra_lesson: str) -> dict[str, str]:
    """A few lessons that between them show every kind of lesson block."""
    chosen, covered = {}, set()
    lessons = list(LessonPage.objects.live().order_by("path"))
    while True:
        best = max(
            lessons,
            key=lambda lesson: len({b.block_type for b in lesson.body} - covered),
        )
        new = {b.block_type for b in best.body} - covered
        if not new:
            break
        covered |= new
        chosen[f"page:lesson@{'+'.join(sorted(new))}"] = best.url
    assert covered == set(LessonBodyBlock.base_blocks), (
        f"No lesson shows {set(LessonBodyBlock.base_blocks) - covered}"
    )
    assert extra_lesson in chosen.values()
    return chosen


def _pages_in_state(people) -> dict[str, str]:
    """Pages that need a state the demo does not start in, named route@state."""
    from passport.sharing.services import create_share_link

    priya, moderator = people["trainee"], people["moderator"]
    share = create_share_link(
        holder=priya, expires_on=timezone.localdate() + datetime.timedelta(days=30)
    )
    module = ModulePage.objects.live().order_by("path").last()
    restriction = PageViewRestriction.objects.create(
        page=module, restriction_type=PageViewRestriction.PASSWORD, password="sweep"
    )
    signed = _signed_assessment(priya)
    pages = {
        "passport:shared_passport@live": reverse(
            "passport:shared_passport", kwargs={"token": share.token}
        ),
        "wagtailcore_authenticate_with_password@restricted": reverse(
            "wagtailcore_authenticate_with_password",
            kwargs={"page_view_restriction_id": restriction.pk, "page_id": module.pk},
        ),
        "assessments:workplace_assessment@signed": reverse(
            "assessments:workplace_assessment", kwargs={"pk": signed.pk}
        ),
        "assessments:workplace_correct@signed": reverse(
            "assessments:workplace_correct", kwargs={"pk": signed.pk}
        ),
        "assessments:workplace_countersign@awaiting": _awaiting_countersignature(
            people
        ),
        "page:search@no-results": CataloguePage.objects.live().first().url
        + "?q=zzzz-nothing",
    }
    pages.update(_lessons_covering_every_block(_lesson_with_added_blocks(moderator)))
    return pages


def _sweep_plan(people, roles=SWEPT_ROLES) -> dict[str, list[tuple[str, str, int]]]:
    """(name, URL, status expected after redirects) for each of these roles. Routes
    that redirect a signed-in role to a page of their own come last, so a redirect to a
    page already checked is not checked twice."""
    world = SimpleNamespace(people=people)
    plan = {role: [] for role in roles}
    redirects = {role: [] for role in roles}
    for name in page_routes():
        url = URLS[name](world)
        row = dict(zip(ROLES, EXPECTED[name].split(), strict=True))
        for role in roles:
            if name in ERROR_PAGES:
                plan[role].append((name, url, ERROR_PAGES[name]))
            elif row[role] == "200":
                plan[role].append((name, url, 200))
            elif row[role] == "302" and role != "anonymous":
                redirects[role].append((name, url, 200))
    # Which roles reach the pages in state, as Django answers them.
    for name, url in _pages_in_state(people).items():
        for role in roles:
            client = Client()
            if people[role] is not None:
                client.force_login(people[role])
            if client.get(url).status_code == 200:
                plan[role].append((name, url, 200))
    return {role: plan[role] + redirects[role] for role in roles}


def _server_error_page() -> str:
    from academy.views import server_error

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    request.session = {}
    return server_error(request).content.decode()


def _serve_error_page(html: str):
    """The 500 page as the server renders it for this role (no route can fail on
    purpose), served at an address of the live server so its styles load."""

    def fulfil(route, request):
        route.fulfill(status=500, content_type="text/html; charset=utf-8", body=html)

    return fulfil


def _sign_in(page, base_url: str, email: str):
    page.goto(f"{base_url}/account/sign-in/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill("academy-demo")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Sign out").wait_for()


IS_ACADEMY_PAGE = """() => Boolean(
  document.querySelector("header.nhsuk-header")
  && document.querySelector("main#maincontent h1")
)"""


DESKTOP = {"width": 1280, "height": 900}
# WCAG 2.2 SC 1.4.10 Reflow: content fits 320 CSS pixels without scrolling sideways
# (a phone, or a 1,280 pixel screen zoomed to 400%).
REFLOW = {"width": 320, "height": 640}
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def test_the_sweep_reaches_over_400_pages_with_every_role(demo_data):
    plan = _sweep_plan(_demo_people())
    assert all(plan[role] for role in SWEPT_ROLES)
    assert sum(len(pages) for pages in plan.values()) > 400


# One test per role, so that pytest-xdist shares the sweep between its processes.
@pytest.mark.parametrize("role", SWEPT_ROLES)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_page_for_every_role_meets_wcag_22_aa(browser, demo_server, role):
    people = _demo_people()
    plan = _with_error_page(_sweep_plan(people, [role]), demo_server)
    checked, failures = _check_pages(
        browser,
        demo_server,
        people,
        role,
        plan[role],
        viewport=DESKTOP,
        report="accessibility",
    )
    assert checked > 0
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", SWEPT_ROLES)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_page_reflows_at_320_css_pixels(browser, demo_server, role):
    """Each page once, as the first role that reaches it: nothing makes the page
    scroll sideways at 320 CSS pixels, and axe-core finds nothing at that width."""
    people = _demo_people()
    earlier = SWEPT_ROLES[: SWEPT_ROLES.index(role) + 1]
    first, named = {}, set()
    for each, pages in _with_error_page(
        _sweep_plan(people, earlier), demo_server
    ).items():
        first[each] = [entry for entry in pages if entry[0] not in named]
        named.update(name for name, _, _ in first[each])
    if not first[role]:
        pytest.skip(f"every page {role} reaches is checked as a role before it")
    checked, failures = _check_pages(
        browser,
        demo_server,
        people,
        role,
        first[role],
        viewport=REFLOW,
        report="reflow",
    )
    assert checked > 0
    assert not failures, "\n".join(failures)


def _with_error_page(plan, demo_server):
    """The 500 page is a static template, the same for everyone: checked once."""
    if "anonymous" in plan:
        plan["anonymous"].append(
            ("server-error", f"{demo_server.url}{ERROR_PATH}", 500)
        )
    return plan


ERROR_PATH = "/__server-error-for-the-sweep__/"


def _check_pages(browser, demo_server, people, role, pages, *, viewport, report):
    """Visit the role's pages in one browser session at this viewport; returns the
    number of pages checked and what failed."""
    ARTIFACTS.mkdir(exist_ok=True)
    reflow = viewport["width"] <= REFLOW["width"]
    failures, checked, lines = [], 0, []
    started = time.monotonic()
    context = browser.new_context(viewport=viewport)
    context.add_init_script(script=AXE.axe_script)
    page = context.new_page()
    page.set_default_timeout(15_000)
    # No request leaves the test machine (the sweep's video embed would).
    page.route(
        lambda url: not url.startswith(demo_server.url),
        lambda route, request: route.fulfill(status=204, body=""),
    )
    page.route(
        f"{demo_server.url}{ERROR_PATH}", _serve_error_page(_server_error_page())
    )
    if people[role] is not None:
        _sign_in(page, demo_server.url, DEMO_EMAILS[role])
    seen = set()
    for name, url, expected in pages:
        address = url if url.startswith("http") else demo_server.url + url
        response = page.goto(address)
        if page.url in seen:
            continue  # a redirect to a page this role has had checked already
        seen.add(page.url)
        where = f"{role} {name} {page.url.removeprefix(demo_server.url)}"
        if response.status != expected:
            failures.append(f"{where}: status {response.status}, not {expected}")
            continue
        if not page.evaluate(IS_ACADEMY_PAGE):
            failures.append(f"{where}: not an Academy page (header, main, h1)")
        problems = describe(axe_violations(page)).splitlines()
        if reflow and not page.evaluate(NO_SIDEWAYS_SCROLL):
            problems.append("scrolls sideways at 320 CSS pixels (WCAG 1.4.10)")
        checked += 1
        lines.append(f"{where}: {len(problems)} problems")
        if problems:
            shot = ARTIFACTS / f"{report}-{role}-{name.replace(':', '_')}.png"
            page.screenshot(path=str(shot), full_page=True)
            failures.append(f"{where}:\n" + "\n".join(problems))
    context.close()
    lines.append(f"# {role}: {checked} pages in {time.monotonic() - started:.0f} s")
    (ARTIFACTS / f"{report}-sweep-{role}.txt").write_text("\n".join(lines) + "\n")
    return checked, failures
