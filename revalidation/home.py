"""What the revalidation portfolio adds to the home page through `home_page_panels`:
for a registered person, what their revalidation year still needs and by when."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from academy.home import HomePanel, Line, LineList, Link, long_date, panels_for
from academy.roles import TRAINEE
from revalidation.policies import may_keep_portfolio
from revalidation.queries import current_year_for, year_progress

ORDER = 45


def revalidation_panel(request: HttpRequest) -> HomePanel:
    """The registrant's revalidation year: what is still needed and by when."""
    portfolio = Link("Your revalidation portfolio", reverse("revalidation:portfolio"))
    year = current_year_for(request.user)
    if year is None:
        return HomePanel(
            title="GPhC revalidation",
            intro=(
                "Keep your CPD records, peer discussion and reflective account for "
                "the GPhC here.",
            ),
            action=Link(
                "Start your revalidation portfolio", reverse("revalidation:portfolio")
            ),
        )
    progress = year_progress(year)
    due = long_date(year.renewal_date)
    if progress.complete:
        return HomePanel(
            title="GPhC revalidation",
            intro=(f"Your records for the year to {due} are ready to submit.",),
            links=(portfolio,),
        )
    days_left = (year.renewal_date - timezone.localdate()).days
    left = f" ({days_left} day{'' if days_left == 1 else 's'} left)"
    return HomePanel(
        title="GPhC revalidation",
        intro=(
            f"{progress.cpd_counted} of {progress.requirement.cpd_records} CPD "
            "records completed.",
        ),
        lists=(
            LineList(
                heading=f"Still needed by {due}{left if days_left >= 0 else ''}",
                lines=tuple(Line(text=need) for need in progress.still_needed),
            ),
        ),
        links=(portfolio,),
    )


def home_panels(request: HttpRequest, roles) -> list:
    """A registrant's panel, in their trainee section or else their first role's."""
    if not roles or not may_keep_portfolio(request.user):
        return []
    role = TRAINEE if TRAINEE in roles else sorted(roles)[0]
    return panels_for(request, roles, [(role, ORDER, revalidation_panel)])
