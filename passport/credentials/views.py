"""Verifiable credentials: the issuer's published documents, downloads for holders
and the people who may see their record, and recognition of prior competence."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View
from django.views.generic import FormView, TemplateView

from academy.models import User
from passport.competences.policies import may_see_competence
from passport.credentials.forms import CredentialForm, RecognitionForm
from passport.credentials.issuing import issuer_profile
from passport.credentials.keys import public_jwks
from passport.credentials.recognition import (
    check_credential,
    recognise_competence,
    staff_matching_subject,
)
from passport.credentials.services import (
    competence_credential,
    issue_competence_credential,
    issue_passport_bundle,
    publish_status_list,
    this_issuer,
)
from passport.models import Competence, RecognisedCompetence
from trainers.permissions import can_view_trainee_record, organisations_led_by

VC_JWT = "application/vc+jwt"


def _download(content: str, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


class IssuerProfileView(View):
    """The issuer's Open Badges Profile, public."""

    def get(self, request):
        return JsonResponse(issuer_profile(this_issuer()))


class JwksView(View):
    """The public keys that verify this deployment's credentials, public."""

    def get(self, request):
        response = JsonResponse(public_jwks())
        response["Cache-Control"] = "public, max-age=300"
        return response


class StatusListView(View):
    """The signed status list of every credential issued here, current now."""

    def get(self, request):
        response = HttpResponse(publish_status_list(), content_type=VC_JWT)
        response["Cache-Control"] = "public, max-age=60"
        return response


def _visible_competence(request, pk: int) -> Competence:
    competence = get_object_or_404(
        Competence.objects.select_related("competency", "holder__organisation"), pk=pk
    )
    if not may_see_competence(request.user, competence):
        raise Http404
    return competence


class CompetenceCredentialView(LoginRequiredMixin, View):
    """One competence's credential as a VC-JWT download, for the holder and the
    people who may see their record."""

    def get(self, request, pk: int):
        competence = _visible_competence(request, pk)
        return _download(
            issue_competence_credential(competence),
            filename=f"{competence.competency.code}-credential.jwt",
            content_type=VC_JWT,
        )


class CompetenceCredentialJsonView(LoginRequiredMixin, View):
    """The same credential as readable JSON, without its signature."""

    def get(self, request, pk: int):
        competence = _visible_competence(request, pk)
        response = JsonResponse(
            competence_credential(competence), json_dumps_params={"indent": 2}
        )
        response["Cache-Control"] = "private, no-store"
        return response


class PassportBundleView(LoginRequiredMixin, View):
    """A whole passport as one signed ClrCredential."""

    def get(self, request, pk: int):
        holder = get_object_or_404(User.objects.select_related("organisation"), pk=pk)
        if not can_view_trainee_record(request.user, holder):
            raise Http404
        return _download(
            issue_passport_bundle(holder),
            filename="skills-passport.jwt",
            content_type=VC_JWT,
        )


class MyCredentialsView(LoginRequiredMixin, TemplateView):
    """The holder's own digital certificates (verifiable credentials) to download
    and share."""

    template_name = "passport/credentials/mine.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            crumbs=[
                {"label": "My skills passport", "url": reverse("passport:passport")}
            ],
            holder=self.request.user,
            competences=Competence.objects.filter(
                holder=self.request.user
            ).select_related("competency"),
            **kwargs,
        )


class LeadOnlyMixin(LoginRequiredMixin):
    """Recognition is for training leads; anyone else gets a 404."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.organisations = organisations_led_by(request.user)
            if not self.organisations.exists():
                raise Http404
        return super().dispatch(request, *args, **kwargs)


class CheckCredentialView(LeadOnlyMixin, FormView):
    """A training lead presents a credential and sees the verdict with its reasons."""

    template_name = "passport/credentials/check.html"
    form_class = CredentialForm

    def form_valid(self, form):
        token = form.cleaned_data["credential"]
        verdict = check_credential(token)
        staff = (
            staff_matching_subject(verdict.credential, lead=self.request.user)
            if verdict.valid
            else []
        )
        recognition_form = RecognitionForm(
            initial={"credential": token},
            staff=User.objects.filter(pk__in=[person.pk for person in staff]),
        )
        return render(
            self.request,
            "passport/credentials/verdict.html",
            {"verdict": verdict, "staff": staff, "form": recognition_form},
        )


class RecogniseView(LeadOnlyMixin, View):
    """The lead recognises the checked credential for one of their staff."""

    def post(self, request):
        staff = User.objects.filter(organisation__in=self.organisations, is_active=True)
        form = RecognitionForm(request.POST, staff=staff)
        token = request.POST.get("credential", "")
        if form.is_valid():
            try:
                recognition = recognise_competence(
                    token=form.cleaned_data["credential"],
                    person=form.cleaned_data["person"],
                    recognised_by=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    f"{recognition.competency.code} recognised for "
                    f"{recognition.person.full_name} from {recognition.issuer_name}.",
                )
                return redirect("passport:recognised_competences")
        verdict = check_credential(token)
        matching = (
            staff_matching_subject(verdict.credential, lead=request.user)
            if verdict.valid
            else []
        )
        form.fields["person"].queryset = staff.filter(pk__in=[p.pk for p in matching])
        return render(
            request,
            "passport/credentials/verdict.html",
            {"verdict": verdict, "staff": matching, "form": form},
            status=400,
        )


class RecognisedCompetencesView(LeadOnlyMixin, TemplateView):
    """Competences recognised from other deployments for the lead's staff."""

    template_name = "passport/credentials/recognised.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            recognitions=RecognisedCompetence.objects.filter(
                person__organisation__in=self.organisations
            ).select_related("person", "competency", "recognised_by"),
            **kwargs,
        )
