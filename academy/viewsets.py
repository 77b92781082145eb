"""Wagtail admin views over the framework, people and places, and the audit trail."""

import re

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Replace, Upper
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from academy.audit_actions import (
    AUDIT_ACTIONS,
    action_meaning,
    canonical_action,
    stored_names,
)
from academy.audit_views import (
    AuditTrailExportView,
    AuditTrailIndexView,
    AuditTrailReviewsView,
)
from academy.models import (
    AuditEvent,
    Competency,
    Organisation,
    SpecialistArea,
    User,
)
from academy.signing_blocks import clear_signing_block


def competencies_matching(queryset: QuerySet, typed: str) -> QuerySet:
    """The competencies an editor means by what they typed: those whose code starts
    with it, in any case and with or without its hyphen ("ASP-03", "asp03", "ASP-0"),
    and those whose code or title holds every word of it ("aseptic technique")."""
    words = typed.split()
    if not words:
        return queryset
    each_word = Q()
    for word in words:
        each_word &= Q(code__icontains=word) | Q(title__icontains=word)
    code_start = re.sub(r"[\s-]+", "", typed).upper()
    if not code_start:
        return queryset.filter(each_word)
    # Ordinary queries, not the search index: the database search backend's parser
    # splits a code at its hyphen and, on PostgreSQL, matches no typed capitals.
    return queryset.alias(
        bare_code=Replace(Upper("code"), Value("-"), Value(""))
    ).filter(Q(bare_code__startswith=code_start) | each_word)


class CompetencySearchForm(BaseFilterForm):
    """The chooser's search box, finding competencies by code or title."""

    q = forms.CharField(
        label="Search term",
        widget=forms.TextInput(attrs={"placeholder": "Code or title"}),
        required=False,
    )

    def filter(self, objects):
        typed = self.cleaned_data.get("q", "").strip()
        if not typed:
            return objects
        self.is_searching, self.search_query = True, typed
        return competencies_matching(objects, typed)


class CompetencyChooseView(ChooseView):
    filter_form_class = CompetencySearchForm


class CompetencyChooseResultsView(ChooseResultsView):
    filter_form_class = CompetencySearchForm


class CompetencyChooserViewSet(SnippetChooserViewSet):
    choose_view_class = CompetencyChooseView
    choose_results_view_class = CompetencyChooseResultsView


class CompetencyIndexView(IndexView):
    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return competencies_matching(queryset, self.search_query)


class CompetencyViewSet(SnippetViewSet):
    model = Competency
    icon = "tasks"
    menu_label = "Competencies"
    menu_order = 200
    add_to_admin_menu = True
    list_display = [
        "code",
        "title",
        "area",
        Column("band_range_label", label="Bands"),
        LiveStatusTagColumn(),
    ]
    list_filter = ["area", "revalidation_kind", "live"]
    ordering = ["code"]
    # The listing and the chooser both search by code or title as editors type them.
    index_view_class = CompetencyIndexView
    chooser_viewset_class = CompetencyChooserViewSet


class SpecialistAreaViewSet(SnippetViewSet):
    model = SpecialistArea
    icon = "folder-open-inverse"
    list_display = ["name", "code"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "home"
    list_display = ["name", "ods_code", "unit_type", "region"]
    list_filter = ["unit_type", "region"]
    search_fields = ["name", "ods_code"]


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Records that nobody may change or delete through the admin.

    Only administrators may view them, unless `by_model_permission`, when Django's
    model permissions decide; nobody adds them, unless `may_add` (through an admin
    view that calls a service).
    """

    def __init__(self, model, *, may_add=False, by_model_permission=False, **kwargs):
        super().__init__(model, **kwargs)
        self.refused_actions = {"change", "delete"} | (set() if may_add else {"add"})
        self.by_model_permission = by_model_permission

    def user_has_permission(self, user, action):
        if action in self.refused_actions:
            return False
        if self.by_model_permission:
            return super().user_has_permission(user, action)
        return user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class AuditEventFilterSet(WagtailFilterSet):
    """Filter by registered action; events stored under an older name come too."""

    action = django_filters.ChoiceFilter(
        label="Action",
        choices=[(name, name) for name in sorted(AUDIT_ACTIONS)],
        method="filter_action",
    )

    class Meta:
        model = AuditEvent
        fields = []

    def filter_action(self, queryset, name, value):
        return queryset.filter(action__in=stored_names(value))


class AuditEventViewSet(ModelViewSet):
    """The audit trail for administrators: read, export, review; never edited."""

    model = AuditEvent
    icon = "history"
    menu_label = "Audit trail"
    add_to_admin_menu = True
    menu_order = 900
    inspect_view_enabled = True
    index_view_class = AuditTrailIndexView
    list_display = [
        "occurred_at",
        Column("action", label="Action", accessor=lambda e: canonical_action(e.action)),
        Column("meaning", label="Meaning", accessor=lambda e: action_meaning(e.action)),
        Column("actor_name", label="Actor"),
        Column("object_repr", label="Object"),
    ]
    ordering = ["-id"]
    filterset_class = AuditEventFilterSet
    search_fields = ["action", "actor_name", "object_repr"]
    form_fields = []

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("export/", AuditTrailExportView.as_view(), name="export"),
            path("reviews/", AuditTrailReviewsView.as_view(), name="reviews"),
        ]


def blocked_signers_view(request: HttpRequest) -> HttpResponse:
    """Administrators see the accounts whose signing is blocked, and may clear a block
    once they have spoken to the person."""
    if not request.user.is_superuser:
        raise PermissionDenied
    blocked = User.objects.filter(
        signing_blocked_until__gt=timezone.now()
    ).select_related("organisation")
    return render(request, "academy/blocked_signers.html", {"blocked": blocked})


@require_POST
def clear_signing_block_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_superuser:
        raise PermissionDenied
    person = get_object_or_404(User, pk=pk)
    clear_signing_block(person, cleared_by=request.user)
    messages.success(request, f"{person.full_name} can sign again.")
    return redirect("academy_blocked_signers")


class BlockedSignersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser
