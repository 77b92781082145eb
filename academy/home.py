"""The signed-in home page: "what should I do now?", one section per role held.

The site shell owns the page and knows nothing of the apps above it: each app adds its
panels through the `home_page_panels` hook, the way Wagtail's admin home collects its
panels. A hook is called with (request, roles) and returns a list of Wagtail
`Component`s, each naming the `role` it serves and its `order` within that role's
section; a hook makes panels only for the roles it serves, so a person pays for the
panels of their own roles alone (a panel's queries run when it is rendered).

A panel is data: a function builds a `HomePanel` (its title, sentences, summary-list
rows, lists of lines, tags and links) and `HomePanelComponent` renders it with the one
panel template, `academy/home/panel.html`, an NHS.UK card.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.http import HttpRequest
from django.utils.formats import date_format
from django.utils.timezone import template_localtime
from wagtail import hooks
from wagtail.admin.ui.components import Component

from academy.roles import (
    ADMINISTRATOR,
    MENTOR,
    NATIONAL_LEAD,
    REGIONAL_LEAD,
    TRAINEE,
    TRAINER,
    TRAINING_LEAD,
    TSET_EDITOR,
    TSET_MODERATOR,
    role_names,
)

HOOK = "home_page_panels"

# The sections in the order a person holding several roles reads them, each headed
# by what the role looks after.
SECTION_HEADINGS = {
    TRAINEE: "Your learning",
    TRAINER: "Your trainees",
    MENTOR: "Your mentoring",
    TRAINING_LEAD: "Your organisation",
    REGIONAL_LEAD: "Your region",
    NATIONAL_LEAD: "The national picture",
    TSET_EDITOR: "Content you edit",
    TSET_MODERATOR: "Content to review",
    ADMINISTRATOR: "Administration",
}


@dataclass(frozen=True)
class HomeSection:
    role: str
    heading: str
    panels: list[str]


def home_sections(request: HttpRequest) -> list[HomeSection]:
    """Each role's section with its panels rendered, in the order of the roles."""
    roles = role_names(request)
    if not roles:
        return []
    by_role: dict[str, list] = {}
    for hook in hooks.get_hooks(HOOK):
        for panel in hook(request, roles):
            if panel.role in roles:
                by_role.setdefault(panel.role, []).append(panel)
    context = {"request": request, "user": request.user}
    return [
        HomeSection(
            role=role,
            heading=heading,
            panels=[
                panel.render_html(context)
                for panel in sorted(by_role[role], key=lambda panel: panel.order)
            ],
        )
        for role, heading in SECTION_HEADINGS.items()
        if by_role.get(role)
    ]


@dataclass(frozen=True)
class Link:
    """A link to follow; `hidden` tells a screen reader which row or line it acts
    on, as NHS.UK's "Change" links do."""

    label: str
    url: str
    hidden: str = ""


@dataclass(frozen=True)
class Tag:
    """An NHS.UK tag: its words and its colour (`nhsuk-tag--<colour>`)."""

    label: str
    colour: str


@dataclass(frozen=True)
class SummaryRow:
    """A summary-list row: what is counted or held, its value, an optional tag after
    the value, and the link to act on it (its hidden words are the key)."""

    key: str
    value: object
    link: Link | None = None
    tag: Tag | None = None


@dataclass(frozen=True)
class Line:
    """One line of a list: its words (a link when `url` is given), then `detail`.
    In a bordered list the words stand on their own line (bold without a link), the
    tag and detail below them, and the next step under those."""

    text: str
    url: str = ""
    detail: str = ""
    tag: Tag | None = None
    step: Link | None = None


@dataclass(frozen=True)
class LineList:
    """A list on a panel, with an optional heading, the words shown when it has no
    lines, and a link to act on it shown under its lines."""

    lines: tuple[Line, ...]
    empty: str = ""
    heading: str = ""
    bordered: bool = False
    link: Link | None = None


@dataclass(frozen=True)
class HomePanel:
    """What a home page panel shows, top to bottom: its heading, sentences, tags,
    a summary list, lists, closing sentences, the one action to take next (an NHS.UK
    action link) and the pages to go on to."""

    title: str
    intro: tuple[str, ...] = ()
    tags: tuple[Tag, ...] = ()
    rows: tuple[SummaryRow, ...] = ()
    lists: tuple[LineList, ...] = ()
    notes: tuple[str, ...] = ()
    action: Link | None = None
    links: tuple[Link, ...] = ()


PanelBuilder = Callable[[HttpRequest], HomePanel]


class HomePanelComponent(Component):
    """A panel in the section of the role it serves, placed by its `order`; its
    builder runs (and its queries with it) only when the page renders it."""

    template_name = "academy/home/panel.html"

    def __init__(
        self, request: HttpRequest, *, role: str, order: int, build: PanelBuilder
    ):
        self.request, self.role, self.order, self.build = request, role, order, build

    def get_context_data(self, parent_context=None):
        return {"panel": self.build(self.request)}


def panels_for(
    request: HttpRequest,
    roles: Iterable[str],
    panels: Iterable[tuple[str, int, PanelBuilder]],
) -> list[HomePanelComponent]:
    """An app's panels, each (role, order, builder), for the roles the person holds."""
    return [
        HomePanelComponent(request, role=role, order=order, build=build)
        for role, order, build in panels
        if role in roles
    ]


def long_date(value: date | datetime) -> str:
    """A day as the page writes it ("3 May 2026"); a moment on its local day."""
    return date_format(template_localtime(value), "j F Y")
