"""The trainee's training plan, and assigning one."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView, TemplateView

from academy.models import User
from passport.models import TrainingPlan
from passport.plans.forms import AssignPlanForm
from passport.plans.queries import plan_lines_for
from passport.plans.services import assign_training_plan
from trainers.permissions import can_plan_training


class MyPlanView(LoginRequiredMixin, TemplateView):
    """A trainee's own plan, as an NHS.UK task list."""

    template_name = "passport/my_plan.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        lines = plan_lines_for(user)
        counts = {}
        for line in lines:
            counts[line.status] = counts.get(line.status, 0) + 1
        return super().get_context_data(
            plan=TrainingPlan.objects.filter(trainee=user)
            .select_related("pathway_area")
            .first(),
            lines=lines,
            complete=counts.get("complete", 0),
            overdue=counts.get("overdue", 0),
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
