"""One mentoring relationship: the request, the answer, notes, and ending it."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView

from academy.models import User
from trainers import services
from trainers.forms import MentorNoteForm
from trainers.models import Mentorship, MentorshipStatus


def mentorship_of(user: User, pk: int) -> Mentorship:
    """The mentorship if the user is its mentor or mentee; 404 for anyone else."""
    return get_object_or_404(
        Mentorship.objects.select_related(
            "mentor__organisation", "mentee__organisation"
        ).filter(Q(mentor=user) | Q(mentee=user)),
        pk=pk,
    )


class MentorshipView(LoginRequiredMixin, TemplateView):
    template_name = "trainers/mentorship.html"

    def get_context_data(self, **kwargs):
        mentorship = mentorship_of(self.request.user, kwargs["pk"])
        is_mentor = mentorship.mentor_id == self.request.user.pk
        return super().get_context_data(
            mentorship=mentorship,
            is_mentor=is_mentor,
            notes=mentorship.notes.all() if is_mentor else [],
            note_form=kwargs.pop("note_form", None) or MentorNoteForm(),
            is_open=mentorship.status
            in {MentorshipStatus.REQUESTED, MentorshipStatus.ACTIVE},
            **kwargs,
        )

    def post(self, request, pk):
        """The mentor adds a dated note."""
        mentorship = mentorship_of(request.user, pk)
        form = MentorNoteForm(request.POST)
        if form.is_valid():
            try:
                services.add_mentor_note(
                    mentorship=mentorship, author=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Note added.")
                return redirect("trainers:mentorship", pk=pk)
        return self.render_to_response(self.get_context_data(pk=pk, note_form=form))


class MentorshipActionView(LoginRequiredMixin, View):
    """Accept, decline or end: each a POST by the mentor or mentee."""

    actions = {
        "accept": (services.accept_mentorship, "You are now mentoring {mentee}."),
        "decline": (services.decline_mentorship, "You declined the request."),
        "end": (services.end_mentorship, "The mentoring has ended."),
    }

    def post(self, request, pk, action):
        mentorship = mentorship_of(request.user, pk)
        service, message = self.actions[action]
        try:
            service(mentorship=mentorship, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, message.format(mentee=mentorship.mentee))
        return redirect("trainers:mentorship", pk=pk)
