"""The trainee's training plan, assigning one, and changing an item's due date."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.views.generic import FormView, TemplateView

from academy.models import User
from passport.models import TrainingPlan, TrainingPlanItem
from passport.plans.forms import AssignPlanForm, ChangeDueDateForm
from passport.plans.policies import may_change_due_date
from passport.plans.queries import pathway_page_for, plan_lines_for, plan_next_steps
from passport.plans.services import assign_training_plan, change_plan_item_due_date
from passport.plans.status import ItemStatus
from trainers.permissions import can_plan_training, trainers_of


class MyPlanView(LoginRequiredMixin, TemplateView):
    """A trainee's own plan, as an NHS.UK task list: overdue items first, each item a
    link to what to do next, and the career pathway it follows."""

    template_name = "passport/my_plan.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        lines = plan_lines_for(user)
        steps = plan_next_steps(
            user,
            [line.item.competency for line in lines if line.status != "complete"],
        )
        here = reverse("passport:my_plan")
        # A step that leads back to this page is no step from it.
        steps = {pk: step for pk, step in steps.items() if step.url != here}
        counts = {}
        for line in lines:
            counts[line.status] = counts.get(line.status, 0) + 1
        plan = (
            TrainingPlan.objects.filter(trainee=user)
            .select_related("pathway_area")
            .first()
        )
        pathway = pathway_page_for(plan)
        return super().get_context_data(
            plan=plan,
            pathway_url=pathway.get_url(self.request) if pathway else "",
            lines=[
                {
                    "item": line.item,
                    "status": line.status,
                    "step": steps.get(line.item.competency_id),
                }
                for line in lines
            ],
            complete=counts.get(ItemStatus.COMPLETE, 0),
            overdue=counts.get(ItemStatus.OVERDUE, 0),
            trainers=list(trainers_of(user).order_by("full_name")) if lines else [],
            **kwargs,
        )


class AssignPlanView(LoginRequiredMixin, FormView):
    """A supervising trainer or the training lead adds a pathway or competencies."""

    template_name = "passport/assign_plan.html"
    form_class = AssignPlanForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.trainee = get_object_or_404(
                User.objects.select_related("organisation"), pk=kwargs["pk"]
            )
            if not can_plan_training(request.user, self.trainee):
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        plan = TrainingPlan.objects.filter(trainee=self.trainee).first()
        if plan and plan.pathway_area_id:
            return {"area": plan.pathway_area_id, "band": plan.pathway_band}
        return {"band": self.trainee.band}

    def get_context_data(self, **kwargs):
        return super().get_context_data(trainee=self.trainee, **kwargs)

    def form_valid(self, form):
        try:
            result = assign_training_plan(
                trainee=self.trainee, assigned_by=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        message = (
            f"{len(result.added)} competencies added to the plan of {self.trainee}."
        )
        if result.already_planned:
            message += f" {result.already_planned} were already in it."
        if result.coming_soon:
            codes = ", ".join(c.code for c in result.coming_soon)
            message += f" Not added, because their e-learning is coming soon: {codes}."
        messages.success(self.request, message)
        return redirect("trainers:trainee_record", pk=self.trainee.pk)


class ChangeDueDateView(LoginRequiredMixin, FormView):
    """A trainer of the trainee or their training lead moves an unfinished item to a
    new due date, with a reason the trainee is told; anyone else gets 404."""

    template_name = "passport/change_due_date.html"
    form_class = ChangeDueDateForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.item = get_object_or_404(
                TrainingPlanItem.objects.select_related(
                    "plan__trainee__organisation", "competency"
                ),
                pk=kwargs["pk"],
                completed_at=None,
            )
            if not may_change_due_date(request.user, self.item):
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "current_due_on": self.item.due_on}

    def get_context_data(self, **kwargs):
        trainee = self.item.plan.trainee
        return super().get_context_data(
            item=self.item,
            trainee=trainee,
            crumbs=[
                {
                    "label": trainee.full_name,
                    "url": reverse("trainers:trainee_record", args=[trainee.pk]),
                }
            ],
            **kwargs,
        )

    def form_valid(self, form):
        try:
            item = change_plan_item_due_date(
                item=self.item, changed_by=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        trainee = item.plan.trainee
        messages.success(
            self.request,
            f"{item.competency.code} is now due on "
            f"{date_format(item.due_on, 'j F Y')}. {trainee.full_name} has been told.",
        )
        return redirect("trainers:trainee_record", pk=trainee.pk)
