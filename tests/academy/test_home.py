"""The home page's shell: one section per role held, each app's panels through the
`home_page_panels` hook, and a header of at most five links with the rest on the
home page."""

import re

import pytest
from wagtail import hooks
from wagtail.admin.ui.components import Component

from academy.context_processors import MAX_PRIMARY_LINKS
from academy.home import (
    SECTION_HEADINGS,
    HomePanel,
    Line,
    LineList,
    Link,
    SummaryRow,
    Tag,
    panels_for,
)
from academy.roles import ADMINISTRATOR, TRAINEE, TRAINER, role_names
from tests.factories.academy import SpecialistAreaFactory

pytestmark = pytest.mark.django_db

EVERY_ROLE = [
    "Trainee",
    "Trainer",
    "Mentor",
    "Training lead",
    "TSET editor",
    "TSET moderator",
    "Regional lead",
    "National TSET lead",
]


def header_links(html: str) -> list[tuple[str, str]]:
    """(label, href) of the header's navigation, in order."""
    nav = html[
        html.index('aria-label="Menu"') : html.index(
            "</nav>", html.index('aria-label="Menu"')
        )
    ]
    return [
        (re.sub(r"<[^>]+>|\s+", " ", label).strip(), href)
        for href, label in re.findall(
            r'class="nhsuk-header__navigation-link" href="([^"]+)"[^>]*>(.*?)</a>',
            nav,
            re.DOTALL,
        )
    ]


def main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def more_pages(html: str) -> list[str]:
    if "<h2>More pages</h2>" not in html:
        return []
    listed = html[html.index("<h2>More pages</h2>") :]
    listed = listed[: listed.index("</ul>")]
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', listed)


def test_signed_out_home_has_no_card_that_is_not_a_link(client):
    SpecialistAreaFactory()

    html = client.get("/").content.decode()

    page = main(html)
    assert "Sign in" in page
    assert "nhsuk-card" not in page
    assert "The competency framework" in page
    assert "Aseptic preparation" in page
    assert 'class="nhsuk-summary-list"' in page


def test_a_person_with_no_role_is_told_how_to_get_one(client, make_user):
    client.force_login(make_user())

    page = main(client.get("/").content.decode())

    assert "No role assigned yet" in page
    assert "<section" not in page


def test_each_role_held_has_its_section_in_the_order_of_the_roles(
    client, make_user, site_root
):
    person = make_user(*EVERY_ROLE)
    person.is_superuser = True
    person.save()
    client.force_login(person)

    page = main(client.get("/").content.decode())

    headings = re.findall(r'<h2 id="home-\d+">([^<]+)</h2>', page)
    assert headings == list(SECTION_HEADINGS.values())
    assert "You are signed in as Trainee, Trainer, Mentor, Training lead" in page


def test_a_trainee_sees_only_the_trainee_section(client, trainee):
    client.force_login(trainee)

    page = main(client.get("/").content.decode())

    assert re.findall(r'<h2 id="home-\d+">([^<]+)</h2>', page) == ["Your learning"]
    assert "You are signed in as Trainee." in page


def test_a_panel_is_shown_only_to_the_role_it_names(client, make_user):
    class Panel(Component):
        def __init__(self, role, text):
            self.role, self.order, self.text = role, 0, text

        def render_html(self, parent_context=None):
            return f"<p>{self.text}</p>"

    def panels(request, roles):
        # A hook that ignores the roles it was given still cannot show a panel of a
        # role the person does not hold.
        return [Panel(TRAINER, "For trainers only"), Panel(TRAINEE, "For trainees")]

    client.force_login(make_user("Trainee"))
    with hooks.register_temporarily("home_page_panels", panels):
        page = main(client.get("/").content.decode())

    assert "For trainees" in page
    assert "For trainers only" not in page


def test_a_panel_is_drawn_from_its_data_as_an_nhsuk_card(rf, make_user):
    request = rf.get("/")
    request.user = make_user("Trainee")
    built = []

    def build(request):
        built.append(request)
        return HomePanel(
            "Things to do",
            intro=("Two <things>.",),
            rows=(SummaryRow("Open items", 2, link=Link("See them", "/items/")),),
            lists=(
                LineList(
                    (
                        Line("First", url="/first/", detail=", due today"),
                        Line("Second", tag=Tag("Overdue", "red"), detail="Was due"),
                    ),
                    bordered=True,
                ),
                LineList((), heading="Later: 0", empty="Nothing later."),
            ),
            links=(Link("All things", "/all/"),),
        )

    panels = panels_for(request, {TRAINEE}, [(TRAINEE, 5, build), (TRAINER, 1, build)])

    assert [(panel.role, panel.order) for panel in panels] == [(TRAINEE, 5)]
    assert not built  # nothing is read until the page renders the panel
    html = panels[0].render_html({"request": request})
    assert built == [request]
    assert html.count('<div class="nhsuk-card academy-home-panel">') == 1
    assert '<h3 class="nhsuk-card__heading nhsuk-heading-m">Things to do</h3>' in html
    assert "<p>Two &lt;things&gt;.</p>" in html
    assert '<dd class="nhsuk-summary-list__value">2</dd>' in html
    assert (
        '<a href="/items/">See them'
        '<span class="nhsuk-u-visually-hidden"> (open items)</span></a>'
    ) in html
    assert '<ul class="nhsuk-list nhsuk-list--border">' in html
    assert '<a href="/first/">First</a></p>' in html
    assert "<strong>Second</strong>" in html
    assert '<strong class="nhsuk-tag nhsuk-tag--red">Overdue</strong> Was due' in html
    assert '<h4 class="nhsuk-heading-s">Later: 0</h4>' in html
    assert "<p>Nothing later.</p>" in html
    # The links close the card.
    assert (
        re.sub(r"\s+", " ", html)
        .strip()
        .endswith(
            '<p class="nhsuk-u-margin-bottom-0"><a href="/all/">All things</a></p> '
            "</div> </div>"
        )
    )


def test_superusers_hold_the_administrator_role(rf, make_user):
    admin = make_user()
    admin.is_superuser = True
    admin.save()
    request = rf.get("/")
    request.user = admin

    assert role_names(request) == {ADMINISTRATOR}


@pytest.mark.parametrize(
    "roles",
    [[role] for role in EVERY_ROLE] + [EVERY_ROLE],
    ids=[*EVERY_ROLE, "every role"],
)
def test_the_header_shows_at_most_five_links_and_the_home_page_the_rest(
    client, make_user, roles, site_root
):
    from trainers.services import appoint_training_lead

    person = make_user(*roles)
    if "Training lead" in roles:
        appoint_training_lead(person=person, organisation=person.organisation)
    client.force_login(person)

    html = client.get("/").content.decode()

    links = header_links(html)
    assert len(links) <= MAX_PRIMARY_LINKS
    assert links[0] == ("Home", "/")
    rest = more_pages(html)
    assert not {label for label, _ in links} & set(rest)
    # Every page a hook offers is either in the header or listed on the home page.
    from academy.context_processors import navigation

    request = client.get("/").wsgi_request
    primary, more = navigation(request)
    assert [link["label"] for link in primary] == [label for label, _ in links]
    assert [link["label"] for link in more] == rest


def test_a_trainees_header(client, trainee, site_root):
    from tests.factories.courses import make_catalogue

    make_catalogue(site_root)
    client.force_login(trainee)

    html = client.get("/").content.decode()

    assert [label for label, _ in header_links(html)] == [
        "Home",
        "My learning",
        "My training plan",
        "My passport",
        "Catalogue",
    ]
    assert more_pages(html) == [
        "Network directory",
        "Share my passport",
        "My assessments",
        "Workplace assessments",
        "My validations",
    ]


def test_a_trainers_header_starts_with_their_own_pages(client, make_user):
    client.force_login(make_user("Trainer"))

    labels = [label for label, _ in header_links(client.get("/").content.decode())]

    assert labels == [
        "Home",
        "Trainer dashboard",
        "Sign-off queue",
        "My learning",
        "My passport",
    ]


@pytest.mark.parametrize("role", ["TSET editor", "TSET moderator", None])
def test_editors_moderators_and_administrators_have_an_admin_link(
    client, make_user, role
):
    person = make_user(*([role] if role else []))
    if role is None:
        person.is_superuser = True
        person.save()
    client.force_login(person)

    links = header_links(client.get("/").content.decode())

    assert ("Admin", "/admin/") in links
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("role", ["Trainee", "Trainer", "Mentor", "Training lead"])
def test_no_admin_link_for_people_who_do_not_work_in_the_admin(client, make_user, role):
    client.force_login(make_user(role))

    labels = [label for label, _ in header_links(client.get("/").content.decode())]

    assert "Admin" not in labels


def test_notifications_sit_beside_the_account_not_among_the_five(client, trainee):
    client.force_login(trainee)

    html = client.get("/").content.decode()

    account = html[html.index('aria-label="Account"') : html.index("</nav>")]
    assert "Notifications" in account
    assert "Notifications" not in [label for label, _ in header_links(html)]
