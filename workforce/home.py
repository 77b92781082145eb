"""What the workforce dashboards add to the home page through `home_page_panels`:
for a regional or national TSET lead, this month's headline figures (suppressed as on
the dashboard) and the way into it."""

from django.http import HttpRequest
from django.urls import reverse

from academy.home import HomePanel, Link, SummaryRow, panels_for
from academy.roles import NATIONAL_LEAD, REGIONAL_LEAD
from workforce import policies, queries

ORDER = 10


def dashboard_panel(request: HttpRequest) -> HomePanel:
    scope = policies.scope_label(request.user)
    if not policies.may_see_dashboard(request.user):
        return HomePanel(
            title="Workforce dashboard",
            intro=("You have not been given a region yet. Ask an administrator.",),
        )
    figures = queries.home_summary(policies.organisations_in_scope(request.user))
    return HomePanel(
        title=f"Workforce dashboard: {scope}",
        intro=(
            "Competence, training and assessment across your organisations, "
            "with a trend over the last 12 months.",
        ),
        rows=(
            SummaryRow("Competences expiring within 90 days", figures["expiring"]),
            SummaryRow("Overdue training plan items", figures["overdue"]),
        ),
        action=Link("Open the workforce dashboard", reverse("workforce:dashboard")),
    )


def home_panels(request: HttpRequest, roles) -> list:
    return panels_for(
        request,
        roles,
        [
            (REGIONAL_LEAD, ORDER, dashboard_panel),
            (NATIONAL_LEAD, ORDER, dashboard_panel),
        ],
    )
