"""The audit trail in the Wagtail admin, for administrators: the listing with the last
review, the export (CSV or PDF true copy) and the signed audit-trail reviews."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.widgets.button import HeaderButton

from academy.audit_export import (
    PDF_MAX_EVENTS,
    TooManyForPDF,
    export_csv,
    export_pdf,
    may_read_audit_trail,
)
from academy.audit_forms import AuditTrailExportForm, AuditTrailReviewForm
from academy.audit_reviews import (
    latest_review,
    record_audit_trail_review,
    reviews_with_signatures,
)
from academy.signatures import SignatureRejected
from academy.views import signed_out_after_signing_block


class AuditTrailIndexView(IndexView):
    """The listing, with the last review of the trail and the ways to export and
    review it."""

    template_name = "academy/admin/audit_trail_index.html"

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                "Export", url=reverse("audit_trail:export"), icon_name="download"
            ),
            HeaderButton(
                "Reviews", url=reverse("audit_trail:reviews"), icon_name="tick"
            ),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["last_review"] = latest_review()
        return context


class AuditTrailPage:
    """For administrators only, shown under the audit trail in the breadcrumbs."""

    def dispatch(self, request, *args, **kwargs):
        if not may_read_audit_trail(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("audit_trail:index"), "label": "Audit trail"},
            {"url": "", "label": self.get_page_title()},
        ]


class AuditTrailExportView(AuditTrailPage, WagtailAdminTemplateMixin, FormView):
    """Choose the events, then download them as CSV or as a PDF true copy."""

    form_class = AuditTrailExportForm
    template_name = "academy/admin/audit_trail_export.html"
    page_title = "Export the audit trail"
    header_icon = "download"

    def get_initial(self):
        return {"action": self.request.GET.get("action", "")}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            cancel_url=reverse("audit_trail:index"),
            pdf_max_events=f"{PDF_MAX_EVENTS:,}",
            **kwargs,
        )

    def form_valid(self, form):
        user = self.request.user
        if self.request.POST.get("format") == "pdf":
            try:
                name, content = export_pdf(form.filters(), exported_by=user)
            except TooManyForPDF as too_many:
                form.add_error(None, str(too_many))
                return self.form_invalid(form)
            response = HttpResponse(content, content_type="application/pdf")
        else:
            name, lines = export_csv(form.filters(), exported_by=user)
            response = StreamingHttpResponse(
                lines, content_type="text/csv; charset=utf-8"
            )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class AuditTrailReviewsView(AuditTrailPage, WagtailAdminTemplateMixin, FormView):
    """Past reviews of the audit trail, and a form to record and sign a new one."""

    form_class = AuditTrailReviewForm
    template_name = "academy/admin/audit_trail_reviews.html"
    page_title = "Audit trail reviews"
    header_icon = "tick"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            reviews=reviews_with_signatures(),
            cancel_url=reverse("audit_trail:index"),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            review = record_audit_trail_review(
                reviewer=self.request.user,
                covered_from=data["covered_from"],
                covered_to=data["covered_to"],
                outcome=data["outcome"],
                comments=data["comments"],
                password=data["password"],
            )
        except SignatureRejected as error:
            signed_out = signed_out_after_signing_block(self.request, error)
            if signed_out is not None:
                return signed_out
            form.add_error("password", str(error))
            return self.form_invalid(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{review} recorded and signed.")
        return redirect("audit_trail:reviews")
