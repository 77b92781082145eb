"""A trainee's record, as their trainers, mentors and training lead see it: who
supports them, their e-learning progress, and what higher apps add (their plan,
assessment results, workplace assessments, validations)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from academy.models import User
from courses.queries.learning import my_modules
from trainers.models import Mentorship, MentorshipStatus
from trainers.panels import trainee_record_panels
from trainers.permissions import (
    can_assign_trainer,
    can_manage_organisation,
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


def record_crumbs(user: User, trainee: User) -> list[dict]:
    """The way back from a trainee's record, from the page the viewer came through:
    the organisation for its training lead, the dashboard for a trainer, mentoring
    for a mentor."""
    crumbs = [{"label": "Home", "url": "/"}]
    if user.pk == trainee.pk:
        return crumbs
    if can_manage_organisation(user, trainee.organisation):
        crumbs.append(
            {
                "label": trainee.organisation.name,
                "url": reverse("trainers:organisation", args=[trainee.organisation_id]),
            }
        )
    elif current_supervisions().filter(trainer=user, trainee=trainee).exists():
        crumbs.append(
            {"label": "Trainer dashboard", "url": reverse("trainers:trainer_dashboard")}
        )
    else:
        crumbs.append({"label": "Mentoring", "url": reverse("trainers:mentoring")})
    return crumbs


class TraineeRecordView(LoginRequiredMixin, TemplateView):
    template_name = "trainers/trainee_record.html"

    def get_context_data(self, **kwargs):
        trainee = visible_trainee(self.request.user, kwargs["pk"])
        in_progress, completed = my_modules(trainee)
        return super().get_context_data(
            trainee=trainee,
            crumbs=record_crumbs(self.request.user, trainee),
            modules_in_progress=in_progress,
            modules_completed=completed,
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
