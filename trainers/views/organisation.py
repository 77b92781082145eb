"""The training lead's pages: their organisation's people, trainers and plans, and the
forms to assign trainers and grant accreditation. Leads act on their own
organisation only; anyone else gets 404."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from academy.models import Organisation, User
from trainers import services
from trainers.forms import AssignTrainerForm, GrantAccreditationForm
from trainers.models import Supervision
from trainers.panels import annotate_for_columns, rows_with_cells, trainee_list_columns
from trainers.permissions import (
    can_manage_organisation,
    current_accreditations,
    current_supervisions,
    organisations_led_by,
)

STAFF_PAGE_SIZE = 50


def managed_organisation(user: User, pk: int) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=pk)
    if not can_manage_organisation(user, organisation):
        raise Http404
    return organisation


class OrganisationIndexView(LoginRequiredMixin, TemplateView):
    """Sends a lead to their organisation, or lists them if they lead several."""

    template_name = "trainers/organisation_index.html"

    def get(self, request, *args, **kwargs):
        organisations = list(organisations_led_by(request.user))
        if not organisations:
            raise Http404
        if len(organisations) == 1:
            return redirect("trainers:organisation", pk=organisations[0].pk)
        return self.render_to_response(
            self.get_context_data(organisations=organisations)
        )


class OrganisationView(LoginRequiredMixin, TemplateView):
    """The organisation's staff, each with their current trainers and plan progress."""

    template_name = "trainers/organisation.html"

    def get_context_data(self, **kwargs):
        organisation = managed_organisation(self.request.user, kwargs["pk"])
        columns = trainee_list_columns()
        staff = annotate_for_columns(
            organisation.staff.filter(is_active=True)
            .select_related("organisation")
            .prefetch_related(
                Prefetch(
                    "supervisions",
                    queryset=current_supervisions().select_related("trainer"),
                    to_attr="current_supervisions",
                )
            )
            .order_by("full_name"),
            columns,
        )
        page = Paginator(staff, STAFF_PAGE_SIZE).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            organisation=organisation,
            columns=columns,
            rows=rows_with_cells(page.object_list, columns),
            page_obj=page,
            accreditations=current_accreditations()
            .filter(person__organisation=organisation)
            .select_related("person")
            .prefetch_related("competencies", "areas"),
            **kwargs,
        )


class LeadFormView(LoginRequiredMixin, FormView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.organisation = managed_organisation(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, **kwargs)

    def staff(self):
        return (
            self.organisation.staff.filter(is_active=True)
            .exclude(pk=self.request.user.pk)
            .select_related("organisation")
        )

    def form_valid(self, form):
        try:
            message = self.save(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, message)
        return redirect("trainers:organisation", pk=self.organisation.pk)


class AssignTrainerView(LeadFormView):
    template_name = "trainers/assign_trainer.html"
    form_class = AssignTrainerForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "trainees": self.staff(),
            "trainers": User.objects.filter(
                is_active=True,
                groups__name=services.TRAINER_ROLE,
                organisation__region=self.organisation.region,
            ).select_related("organisation"),
            "org_name": self.organisation.name,
        }

    def save(self, data) -> str:
        supervision = services.assign_trainer(
            trainer=data["trainer"],
            trainee=data["trainee"],
            starts_on=data["starts_on"],
            assigned_by=self.request.user,
        )
        return f"{supervision.trainer} is now the trainer of {supervision.trainee}."


class GrantAccreditationView(LeadFormView):
    template_name = "trainers/grant_accreditation.html"
    form_class = GrantAccreditationForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "people": self.staff().order_by("full_name", "pk"),
            "org_name": self.organisation.name,
        }

    def save(self, data) -> str:
        was_trainer = data["person"].groups.filter(name=services.TRAINER_ROLE).exists()
        accreditation = services.grant_accreditation(
            granted_by=self.request.user, **data
        )
        message = (
            f"{accreditation.person} is accredited until "
            f"{accreditation.expires_on:%-d %B %Y}."
        )
        if not was_trainer:
            message += f" {accreditation.person} now has the Trainer role."
        return message


class EndSupervisionView(LoginRequiredMixin, View):
    """The trainee's training lead ends a supervision; the trainer loses access."""

    def post(self, request, pk):
        supervision = get_object_or_404(
            Supervision.objects.select_related("trainee__organisation", "trainer"),
            pk=pk,
            ends_on=None,
        )
        if not can_manage_organisation(request.user, supervision.trainee.organisation):
            raise Http404
        services.end_supervision(supervision=supervision, ended_by=request.user)
        messages.success(
            request,
            f"{supervision.trainer} no longer supervises {supervision.trainee}.",
        )
        return redirect("trainers:trainee_record", pk=supervision.trainee_id)
