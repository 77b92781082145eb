"""What the module's edit page adds for editors: the audit findings that ask for the
module's review, until a moderator clears them."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class ReviewRequestsPanel(Panel):
    """A warning at the top of the module's edit page for each open review request
    raised by an audit finding (shown only while one is open)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/admin/review_requests_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.review_requests = (
                list(
                    self.instance.review_requests.filter(cleared_at__isnull=True)
                    .select_related("finding")
                    .order_by("requested_at")
                )
                if self.instance.pk
                else []
            )

        def is_shown(self) -> bool:
            return bool(self.review_requests)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["review_requests"] = self.review_requests
            context["report_url"] = reverse("courses_review_requested")
            return context
