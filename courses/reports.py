"""Admin reports for TSET: modules due for review and modules flagged by findings."""

import datetime

from django.contrib.auth.decorators import permission_required
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from courses.models import ReviewRequest
from courses.queries.review import modules_due_for_review
from courses.services import clear_review_request


def _edit_url(module) -> str:
    return reverse("wagtailadmin_pages:edit", args=[module.pk])


class DayColumn(Column):
    """A day as a date (3 December 2026), never Wagtail's "Just now" or "3 weeks ago",
    which read a review date three weeks ahead as if it had passed."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if isinstance(value, datetime.datetime):
            value = timezone.localtime(value).date()
        return date_format(value, "j F Y") if value else ""


class DueForReviewReport(ReportView):
    """Modules whose next review date is within 30 days, or has passed."""

    page_title = "Due for review"
    header_icon = "date"
    index_url_name = "courses_due_for_review"
    index_results_url_name = "courses_due_for_review_results"
    list_export = ["title", "area", "next_review_date", "content_owner"]
    columns = [
        TitleColumn("title", label="Module", get_url=_edit_url),
        Column("area", label="Specialist area"),
        DayColumn("next_review_date", label="Review by"),
        Column("content_owner", label="Owner"),
    ]

    def get_queryset(self):
        return modules_due_for_review()


class ClearFlagColumn(Column):
    """A button that clears the review request (a POST, with its CSRF token)."""

    cell_template_name = "courses/admin/clear_review_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["csrf_token"] = get_token(parent_context["request"])
        return context


class ReviewRequestedReport(ReportView):
    """Modules flagged "review requested" by an audit finding and not yet cleared."""

    page_title = "Review requested"
    header_icon = "warning"
    index_url_name = "courses_review_requested"
    index_results_url_name = "courses_review_requested_results"
    columns = [
        TitleColumn(
            "module", label="Module", get_url=lambda req: _edit_url(req.module)
        ),
        Column("finding", label="Finding"),
        DayColumn("requested_at", label="Flagged"),
        ClearFlagColumn("pk", label="Action"),
    ]

    def get_queryset(self):
        return (
            ReviewRequest.objects.filter(cleared_at__isnull=True)
            .select_related("module", "finding")
            .order_by("requested_at")
        )


@require_POST
@permission_required("courses.change_reviewrequest", raise_exception=True)
def clear_review_request_view(request, pk: int):
    """A moderator clears the flag after reviewing the module against the finding."""
    review_request = get_object_or_404(ReviewRequest, pk=pk)
    clear_review_request(review_request, cleared_by=request.user)
    messages.success(
        request, f"Cleared the review request on “{review_request.module.title}”."
    )
    return redirect("courses_review_requested")
