"""The network directory: find trainers and mentors; edit what it shows about you."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView, TemplateView

from trainers import services
from trainers.forms import (
    DirectoryProfileForm,
    DirectorySearchForm,
    MentorshipRequestForm,
)
from trainers.models import DirectoryProfile, Mentorship
from trainers.permissions import assessors_for, current_accreditations

PAGE_SIZE = 20


def directory_profiles() -> QuerySet[DirectoryProfile]:
    """Directory entries of active people, with what each entry displays."""
    return (
        DirectoryProfile.objects.filter(person__is_active=True)
        .select_related("person__organisation")
        .prefetch_related(
            "expertise",
            Prefetch(
                "person__accreditations",
                queryset=current_accreditations().prefetch_related(
                    "competencies", "areas"
                ),
                to_attr="current_accreditations",
            ),
        )
        .order_by("person__full_name")
    )


def listed_profiles() -> QuerySet[DirectoryProfile]:
    """Entries people have chosen to show."""
    return directory_profiles().filter(listed=True)


def search_directory(
    profiles: QuerySet[DirectoryProfile], criteria: dict
) -> QuerySet[DirectoryProfile]:
    """Filter directory entries by area of expertise or accreditation, competency they
    may assess, band, organisation, region and whether they offer mentoring."""
    if area := criteria.get("area"):
        accredited_in_area = Q(
            person__in=current_accreditations().filter(areas=area).values("person")
        )
        profiles = profiles.filter(Q(expertise=area) | accredited_in_area).distinct()
    if competency := criteria.get("competency"):
        profiles = profiles.filter(person__in=assessors_for(competency))
    if band := criteria.get("band"):
        profiles = profiles.filter(person__band=band)
    if organisation := criteria.get("organisation"):
        profiles = profiles.filter(person__organisation=organisation)
    if region := criteria.get("region"):
        profiles = profiles.filter(person__organisation__region=region)
    if criteria.get("mentoring"):
        profiles = profiles.filter(offers_mentoring=True)
    return profiles


class DirectoryView(LoginRequiredMixin, TemplateView):
    """Search works without JavaScript: the filters are a GET form."""

    template_name = "trainers/directory.html"

    def get_context_data(self, **kwargs):
        form = DirectorySearchForm(self.request.GET or None)
        profiles = listed_profiles()
        if form.is_bound and form.is_valid():
            profiles = search_directory(profiles, form.cleaned_data)
        elif form.is_bound:
            profiles = profiles.none()
        page = Paginator(profiles, PAGE_SIZE).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            form=form,
            page_obj=page,
            query=query.urlencode(),
            own_profile=DirectoryProfile.objects.filter(
                person=self.request.user
            ).first(),
            **kwargs,
        )


class DirectoryEntryView(LoginRequiredMixin, FormView):
    """One person's entry; people offering mentoring can be asked from here."""

    template_name = "trainers/directory_entry.html"
    form_class = MentorshipRequestForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.profile = get_object_or_404(
                listed_profiles().filter(Q(listed=True) | Q(person=request.user)),
                person_id=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        person = self.profile.person
        user = self.request.user
        return super().get_context_data(
            profile=self.profile,
            person=person,
            may_request=self.profile.offers_mentoring and person.pk != user.pk,
            open_mentorship=Mentorship.objects.filter(
                mentor=person, mentee=user, status__in=["requested", "active"]
            ).first(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            mentorship = services.request_mentorship(
                mentee=self.request.user,
                mentor=self.profile.person,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Your request has been sent to {mentorship.mentor}. "
            "You will see their answer here.",
        )
        return redirect("trainers:mentorship", pk=mentorship.pk)


class DirectoryProfileView(LoginRequiredMixin, FormView):
    """A person chooses whether and how they appear in the directory."""

    template_name = "trainers/directory_profile.html"
    form_class = DirectoryProfileForm

    def get_initial(self):
        profile = DirectoryProfile.objects.filter(person=self.request.user).first()
        if profile is None:
            return {}
        return {
            "listed": profile.listed,
            "offers_mentoring": profile.offers_mentoring,
            "work_summary": profile.work_summary,
            "expertise": profile.expertise.all(),
        }

    def form_valid(self, form):
        services.update_directory_profile(person=self.request.user, **form.cleaned_data)
        messages.success(self.request, "Your directory entry has been saved.")
        return redirect("trainers:directory")
