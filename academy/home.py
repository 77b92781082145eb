"""The signed-in home page: "what should I do now?", one section per role held.

The site shell owns the page and knows nothing of the apps above it: each app adds its
panels through the `home_page_panels` hook, the way Wagtail's admin home collects its
panels. A hook is called with (request, roles) and returns a list of Wagtail
`Component`s, each naming the `role` it serves and its `order` within that role's
section; a hook makes panels only for the roles it serves, so a person pays for the
panels of their own roles alone (a panel's queries run when it is rendered).
"""

from dataclasses import dataclass

from django.http import HttpRequest
from wagtail import hooks

from academy.roles import (
    ADMINISTRATOR,
    MENTOR,
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
