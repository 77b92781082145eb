"""The holder's skills passport: competences, certificates and plan progress."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from passport.competences.queries import passport_for, passport_pdf


class PassportView(LoginRequiredMixin, TemplateView):
    """Everything a person holds, with its evidence and certificates."""

    template_name = "passport/passport.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **passport_for(self.request.user, today=timezone.localdate()), **kwargs
        )


class PassportDownloadView(LoginRequiredMixin, View):
    """The whole passport as one PDF, rendered now: it changes with every award."""

    def get(self, request):
        content = passport_pdf(request.user, today=timezone.localdate())
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="skills-passport.pdf"'
        return response
