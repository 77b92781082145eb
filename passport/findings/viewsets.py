"""Wagtail admin views of signature findings, for administrators only: a listing
(open ones first) linking to each record, and the resolution with a reason."""

import django_filters
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import InspectView
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from academy.viewsets import ReadOnlyPermissionPolicy
from passport.findings.forms import ResolveFindingForm
from passport.findings.policies import may_review_signature_findings
from passport.findings.services import resolve_signature_finding
from passport.models import SignatureFinding

OPEN, RESOLVED = "open", "resolved"


class SignatureFindingPolicy(ReadOnlyPermissionPolicy):
    """Administrators alone view findings; nobody adds, changes or deletes one here
    (resolving is its own audited view)."""


def record_admin_url(finding: SignatureFinding) -> str | None:
    """The admin page of the record a finding names, from the viewset that shows
    that kind of record, if any does."""
    model = finding.record_type.model_class() if finding.record_type else None
    if model is None:
        return None
    for viewset in viewsets.viewsets:
        if getattr(viewset, "model", None) is model and getattr(
            viewset, "inspect_view_enabled", False
        ):
            try:
                return reverse(
                    viewset.get_url_name("inspect"), args=[quote(finding.record_id)]
                )
            except NoReverseMatch:
                return None
    return None


def competences_label(finding: SignatureFinding) -> str:
    return "; ".join(str(c) for c in finding.competences.all()) or "None held"


def state_label(finding: SignatureFinding) -> str:
    if finding.is_open:
        return "Open: competences under review"
    return f"Resolved by {finding.resolved_by} on {finding.resolved_at:%d %B %Y}"


class SignatureFindingFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label="State",
        choices=[(OPEN, "Open"), (RESOLVED, "Resolved")],
        method="filter_state",
    )

    class Meta:
        model = SignatureFinding
        fields = ["problem"]

    def filter_state(self, queryset, name, value):
        return queryset.filter(resolved_at__isnull=value == OPEN)


class SignatureFindingInspectView(InspectView):
    @property
    def header_more_buttons(self):
        if not self.object.is_open:
            return []
        return [
            HeaderButton(
                "Resolve",
                url=reverse("signature_findings:resolve", args=[self.object.pk]),
                icon_name="tick",
            )
        ]

    def get_record_id_display_value(self):
        url = record_admin_url(self.object)
        if url is None:
            return self.object.record_id
        return format_html('<a href="{}">Open the record</a>', url)


class ResolveFindingView(WagtailAdminTemplateMixin, FormView):
    """An administrator resolves an open finding with their reason."""

    form_class = ResolveFindingForm
    template_name = "passport/admin/resolve_signature_finding.html"
    header_icon = "tick"
    page_title = "Resolve signature finding"

    def dispatch(self, request, *args, **kwargs):
        if not may_review_signature_findings(request.user):
            raise PermissionDenied
        self.finding = get_object_or_404(
            SignatureFinding.objects.select_related("record_type"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.finding.record_description

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            finding=self.finding,
            competences=self.finding.competences.select_related("competency", "holder"),
            record_url=record_admin_url(self.finding),
            cancel_url=reverse("signature_findings:inspect", args=[self.finding.pk]),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            resolve_signature_finding(
                finding=self.finding,
                resolved_by=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request, f"Finding resolved: {self.finding.record_description}."
        )
        return redirect("signature_findings:index")

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class SignatureFindingViewSet(ModelViewSet):
    model = SignatureFinding
    icon = "warning"
    menu_label = "Signature findings"
    add_to_admin_menu = True
    menu_order = 905
    inspect_view_enabled = True
    inspect_view_class = SignatureFindingInspectView
    copy_view_enabled = False
    form_fields = []
    filterset_class = SignatureFindingFilterSet
    list_display = [
        "record_description",
        TitleColumn(
            "record_link",
            label="Record",
            accessor=lambda finding: "Open the record",
            get_url=record_admin_url,
        ),
        Column("problem", label="Problem", accessor="get_problem_display"),
        Column("competences", label="Competences", accessor=competences_label),
        "found_at",
        Column("state", label="State", accessor=state_label),
    ]
    inspect_view_fields = [
        "record_description",
        "record_id",
        "problem",
        "signature",
        "competences",
        "found_at",
        "observed_hash",
        "resolved_at",
        "resolved_by",
        "resolution_reason",
    ]
    search_fields = ["record_description", "record_id"]

    def get_queryset(self, request):
        # Open findings first, newest first within each.
        return (
            SignatureFinding.objects.select_related(
                "record_type", "resolved_by", "signature"
            )
            .prefetch_related("competences__competency", "competences__holder")
            .order_by(F("resolved_at").desc(nulls_first=True), "-found_at", "-id")
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/resolve/", ResolveFindingView.as_view(), name="resolve"),
        ]


class OpenFindingsPanel(Component):
    """On the admin home page, for administrators: how many findings are open."""

    name = "signature_findings"
    order = 50
    template_name = "passport/admin/open_signature_findings_panel.html"

    def __init__(self, count: int):
        self.count = count

    def get_context_data(self, parent_context=None):
        return {"count": self.count, "url": reverse("signature_findings:index")}
