"""What the e-learning adds to the home page through `home_page_panels`: the lesson a
trainee continues with, and the content work waiting for editors and moderators."""

from functools import partial

from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from academy.home import HomePanel, Link, SummaryRow, Tag, panels_for
from academy.roles import ADMINISTRATOR, TRAINEE, TSET_EDITOR, TSET_MODERATOR
from courses.queries.catalogue import catalogue_url
from courses.queries.learning import continue_learning
from courses.queries.review import (
    content_awaiting_review_by,
    content_in_review_requested_by,
    modules_due_for_review,
    open_review_requests,
)


def continue_learning_panel(request) -> HomePanel:
    """The trainee's next lesson, or their module's assessment once every lesson is
    done; with nothing in progress, the way to the catalogue."""
    found = continue_learning(request.user)
    action = None
    if found is None:
        where = "You have no module in progress."
        url = catalogue_url()
        if url:
            action = Link("Find a module in the catalogue", url)
    elif found.lesson is not None:
        module = found.card.module
        where = f"{module.title}: lesson {found.number} of {found.card.lessons_total}."
        action = Link(f"Continue: {found.lesson.title}", found.lesson.url)
    else:
        module = found.card.module
        where = f"{module.title}: every lesson done, the knowledge assessment is next."
        assessment = module_assessment(request, module)
        if assessment and assessment.get("available", True):
            action = Link(f"Take the assessment: {module.title}", assessment["url"])
        else:
            action = Link(f"Open {module.title}", module.url)
    return HomePanel(
        "Continue learning",
        intro=(where,),
        tags=(
            (Tag("Updated: review required", "orange"),)
            if found is not None and found.needs_review
            else ()
        ),
        action=action,
        links=(
            Link("All your modules in My learning", reverse("courses:my_learning")),
        ),
    )


def module_assessment(request, module) -> dict | None:
    """The module's knowledge assessment, as its owner tells it through
    `module_assessment_link` (None when the module has none)."""
    for hook in hooks.get_hooks("module_assessment_link"):
        found = hook(request, module=module, complete=True)
        if found:
            return found
    return None


def content_panel(request, *, editing: bool) -> HomePanel:
    """Content work in the Wagtail admin: what waits for review (an editor's own
    submissions, or what a moderator may review), modules due for their periodic
    review (an editor's own) and those flagged by audit findings."""
    user = request.user
    due = modules_due_for_review(today=timezone.localdate())
    admin, due_url = reverse("wagtailadmin_home"), reverse("courses_due_for_review")
    if editing:
        in_review = SummaryRow(
            "Submitted, awaiting review",
            content_in_review_requested_by(user),
            link=Link("Open the admin", admin),
        )
        due_row = SummaryRow(
            "Your modules due for review",
            due.filter(content_owner=user).count(),
            link=Link("See the report", due_url),
        )
    else:
        in_review = SummaryRow(
            "Awaiting your review",
            content_awaiting_review_by(user),
            link=Link("Review in the admin", admin),
        )
        due_row = SummaryRow(
            "Modules due for review", due.count(), link=Link("See the report", due_url)
        )
    flagged = SummaryRow(
        "Flagged by audit findings",
        open_review_requests().count(),
        link=Link("See the report", reverse("courses_review_requested")),
    )
    return HomePanel(
        "Your content" if editing else "Content review",
        rows=(in_review, due_row, flagged),
        links=(
            Link(
                "Audit and inspection findings",
                reverse("wagtailsnippets_courses_auditfinding:list"),
            ),
        ),
    )


def home_panels(request, roles):
    """This app's panels for the roles the person holds; an administrator who is
    not a moderator sees the moderator's view of content."""
    reviewing = partial(content_panel, editing=False)
    return panels_for(
        request,
        roles,
        [
            (TRAINEE, 10, continue_learning_panel),
            (TSET_EDITOR, 10, partial(content_panel, editing=True)),
            (TSET_MODERATOR, 10, reviewing),
            *([] if TSET_MODERATOR in roles else [(ADMINISTRATOR, 10, reviewing)]),
        ],
    )
