"""Reads of content review: modules due for review, content in a review workflow, and
modules an audit finding asked to be reviewed."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from courses.models import ModulePage, ReviewRequest

REVIEW_WARNING_DAYS = 30


def modules_due_for_review(
    *, today: datetime.date | None = None, within_days: int = REVIEW_WARNING_DAYS
) -> QuerySet[ModulePage]:
    """Modules whose next review date falls within the warning period, or has passed."""
    today = today or timezone.localdate()
    return (
        ModulePage.objects.filter(
            next_review_date__lte=today + datetime.timedelta(days=within_days)
        )
        .select_related("content_owner", "area")
        .order_by("next_review_date", "title")
    )


def content_in_review_requested_by(person) -> int:
    """How many pages and snippets the person submitted are in a review workflow."""
    return WorkflowState.objects.active().filter(requested_by=person).count()


def content_awaiting_review_by(person) -> int:
    """How many workflow tasks (pages, snippets) wait for this person's review."""
    return TaskState.objects.reviewable_by(person).count()


def open_review_requests() -> QuerySet[ReviewRequest]:
    """Modules flagged "review requested" by an audit finding and not yet cleared."""
    return ReviewRequest.objects.filter(cleared_at__isnull=True)
