"""What apprenticeships add to the home page through `home_page_panels`: for a
training lead, each apprentice of their organisations with hours against the minimum
and the next review due; for a person named on an apprenticeship, theirs."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from academy.home import HomePanel, Line, LineList, Link, Tag, long_date, panels_for
from academy.roles import TRAINEE, TRAINING_LEAD
from apprenticeships.policies import apprenticeships_led_by, apprenticeships_visible_to
from apprenticeships.queries import apprentice_rows
from apprenticeships.rules import hours_text

ORDER = 50
SHOWN = 5


def _lines(rows) -> tuple[Line, ...]:
    return tuple(
        Line(
            text=row.apprenticeship.apprentice.full_name,
            url=reverse("apprenticeships:detail", args=[row.apprenticeship.pk]),
            detail=f"{row.apprenticeship.standard.code}: "
            f"{hours_text(row.hours.total)} of {hours_text(row.hours.minimum)} "
            f"off-the-job hours; next review by {long_date(row.next_review_by)}",
            tag=Tag("On track", "green")
            if row.hours.on_track
            else Tag("Behind on hours", "orange"),
        )
        for row in rows[:SHOWN]
    )


def lead_panel(request: HttpRequest) -> HomePanel:
    rows = apprentice_rows(
        apprenticeships_led_by(request.user), today=timezone.localdate()
    )
    return HomePanel(
        title="Apprentices",
        lists=(
            LineList(
                lines=_lines(rows),
                empty="Your organisation has no apprentices in the Academy.",
                bordered=True,
            ),
        ),
        links=(Link("All apprentices", reverse("apprenticeships:index")),),
    )


def own_panel(request: HttpRequest) -> HomePanel:
    rows = apprentice_rows(
        apprenticeships_visible_to(request.user).exclude(
            employer__in=apprenticeships_led_by(request.user).values("employer")
        ),
        today=timezone.localdate(),
    )
    return HomePanel(
        title="Apprenticeships",
        lists=(LineList(lines=_lines(rows), bordered=True),),
        links=(Link("Your apprenticeships", reverse("apprenticeships:index")),),
    )


def home_panels(request: HttpRequest, roles) -> list:
    if not roles:
        return []
    panels = []
    if TRAINING_LEAD in roles and apprenticeships_led_by(request.user).exists():
        panels.append((TRAINING_LEAD, ORDER, lead_panel))
    elif apprenticeships_visible_to(request.user).exists():
        role = TRAINEE if TRAINEE in roles else sorted(roles)[0]
        panels.append((role, ORDER, own_panel))
    return panels_for(request, roles, panels)
