"""The trainer's dashboard and the mentoring page."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.views.generic import TemplateView

from trainers.models import Mentorship, MentorshipStatus
from trainers.panels import (
    annotate_for_columns,
    rows_with_cells,
    trainee_list_columns,
    trainer_dashboard_panels,
)
from trainers.permissions import trainees_for_trainer

TRAINEES_PAGE_SIZE = 50


class TrainerDashboardView(LoginRequiredMixin, TemplateView):
    """The trainees a trainer supervises now, with their plan progress, 50 a page."""

    template_name = "trainers/trainer_dashboard.html"

    def get_context_data(self, **kwargs):
        trainees = trainees_for_trainer(self.request.user).order_by("full_name", "pk")
        columns = trainee_list_columns()
        page = Paginator(annotate_for_columns(trainees, columns), TRAINEES_PAGE_SIZE)
        page = page.get_page(self.request.GET.get("page"))
        return super().get_context_data(
            columns=columns,
            rows=rows_with_cells(page.object_list, columns),
            page_obj=page,
            panels=trainer_dashboard_panels(self.request, trainees),
            **kwargs,
        )


class MentoringView(LoginRequiredMixin, TemplateView):
    """Requests to a mentor, their mentees (read-only), and the person's own mentors."""

    template_name = "trainers/mentoring.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        as_mentor = Mentorship.objects.filter(mentor=user).select_related(
            "mentee__organisation"
        )
        return super().get_context_data(
            requests=as_mentor.filter(status=MentorshipStatus.REQUESTED),
            mentees=as_mentor.filter(status=MentorshipStatus.ACTIVE),
            own=Mentorship.objects.filter(mentee=user).select_related(
                "mentor__organisation"
            ),
            **kwargs,
        )
