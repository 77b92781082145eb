"""What the edit pages add for editors: on a module, the audit findings that ask for
its review until a moderator clears them; on a lesson, the question whether the change
affects practice, asked afresh for each change."""

from django.urls import reverse
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import Panel

SUMMARY_NEEDED = (
    "Say what changed in practice: trainees who must read the lesson again see it"
)


class LessonPageForm(WagtailAdminPageForm):
    """Whether a change affects practice is a choice about that change: with nothing
    waiting to be published, the form starts unticked and empty, not with the answer
    given for the change published last."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        if page.pk and page.live and page.latest_revision_id == page.live_revision_id:
            self.initial["changes_practice"] = False
            self.initial["practice_change_summary"] = ""

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("changes_practice")
            and not (cleaned.get("practice_change_summary") or "").strip()
        ):
            self.add_error("practice_change_summary", SUMMARY_NEEDED)
        return cleaned


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
