"""A trainee's record, as their trainers, mentors and training lead see it."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from academy.models import User
from trainers.models import Mentorship, MentorshipStatus
from trainers.panels import trainee_record_panels
from trainers.permissions import (
    can_assign_trainer,
    can_view_trainee_record,
    current_accreditations,
    current_supervisions,
)


def visible_trainee(user: User, pk: int) -> User:
    """The trainee, or 404 for anyone who may not see their record."""
    trainee = get_object_or_404(User.objects.select_related("organisation"), pk=pk)
    if not can_view_trainee_record(user, trainee):
        raise Http404
    return trainee


class TraineeRecordView(LoginRequiredMixin, TemplateView):
    template_name = "trainers/trainee_record.html"

    def get_context_data(self, **kwargs):
        trainee = visible_trainee(self.request.user, kwargs["pk"])
        return super().get_context_data(
            trainee=trainee,
            supervisions=current_supervisions()
            .filter(trainee=trainee)
            .select_related("trainer__organisation"),
            mentorships=Mentorship.objects.filter(
                mentee=trainee, status=MentorshipStatus.ACTIVE
            ).select_related("mentor__organisation"),
            accreditations=current_accreditations()
            .filter(person=trainee)
            .prefetch_related("competencies", "areas"),
            can_assign_trainer=can_assign_trainer(self.request.user, trainee),
            panels=trainee_record_panels(self.request, trainee),
            **kwargs,
        )
