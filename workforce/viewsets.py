"""The Wagtail admin page where administrators appoint and remove regional and
national TSET leads, through the workforce services (which audit every change)."""

from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem

from academy.models import User
from academy.roles import NATIONAL_LEAD
from workforce import services
from workforce.forms import NationalLeadForm, RegionalLeadForm
from workforce.models import RegionalLeadRole
from workforce.policies import may_appoint_leads


def _administrator(request: HttpRequest) -> None:
    if not may_appoint_leads(request.user):
        raise PermissionDenied


def _page(request, *, regional=None, national=None) -> HttpResponse:
    context = {
        "regional_leads": RegionalLeadRole.objects.filter(ends_on=None)
        .select_related("person", "person__organisation")
        .order_by("region", "person__full_name"),
        "national_leads": Group.objects.get(name=NATIONAL_LEAD)
        .user_set.select_related("organisation")
        .order_by("full_name"),
        "regional_form": regional or RegionalLeadForm(),
        "national_form": national or NationalLeadForm(),
    }
    return render(request, "workforce/admin/leads.html", context)


def leads_view(request: HttpRequest) -> HttpResponse:
    """The regional and national TSET leads, and the forms appointing them."""
    _administrator(request)
    return _page(request)


@require_POST
def appoint_regional_lead_view(request: HttpRequest) -> HttpResponse:
    _administrator(request)
    form = RegionalLeadForm(request.POST)
    if not form.is_valid():
        return _page(request, regional=form)
    person, region = form.cleaned_data["email"], form.cleaned_data["region"]
    services.appoint_regional_lead(
        person=person, region=region, appointed_by=request.user
    )
    messages.success(request, f"{person.full_name} is regional lead of {region}.")
    return redirect("workforce_leads")


@require_POST
def end_regional_lead_view(request: HttpRequest, pk: int) -> HttpResponse:
    _administrator(request)
    role = get_object_or_404(RegionalLeadRole, pk=pk, ends_on=None)
    services.end_regional_lead_role(role=role, ended_by=request.user)
    messages.success(
        request, f"{role.person.full_name} is no longer regional lead of {role.region}."
    )
    return redirect("workforce_leads")


@require_POST
def appoint_national_lead_view(request: HttpRequest) -> HttpResponse:
    _administrator(request)
    form = NationalLeadForm(request.POST)
    if not form.is_valid():
        return _page(request, national=form)
    person = form.cleaned_data["email"]
    services.appoint_national_lead(person=person, appointed_by=request.user)
    messages.success(request, f"{person.full_name} is a national TSET lead.")
    return redirect("workforce_leads")


@require_POST
def remove_national_lead_view(request: HttpRequest, pk: int) -> HttpResponse:
    _administrator(request)
    person = get_object_or_404(User, pk=pk, groups__name=NATIONAL_LEAD)
    services.remove_national_lead(person=person, removed_by=request.user)
    messages.success(request, f"{person.full_name} is no longer a national TSET lead.")
    return redirect("workforce_leads")


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_appoint_leads(request.user)
