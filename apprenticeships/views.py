"""Pages of apprenticeships: the apprentices a person may see, one apprenticeship with
its hours, KSB progress and reviews, logging hours, recording and signing a review,
and the provider's CSV. Each page asks `policies`: an apprenticeship the person may
not see is not found."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from academy.signatures import SignatureRejected
from academy.views import signed_out_after_signing_block
from apprenticeships import forms, policies, queries, services
from apprenticeships.models import Apprenticeship, ProgressReview


def _signed_review(view, form, sign):
    """Sign through `sign()`; a refusal goes back to the form (a signing block signs
    the person out), a signature shows its confirmation."""
    try:
        review = sign()
    except services.ApprenticeshipError as error:
        form.add_service_error(error)
        return view.form_invalid(form)
    except SignatureRejected as rejected:
        signed_out = signed_out_after_signing_block(view.request, rejected)
        if signed_out is not None:
            return signed_out
        form.add_error("password", str(rejected))
        return view.form_invalid(form)
    return render(
        view.request,
        "apprenticeships/review_signed.html",
        {"review": review, "apprenticeship": view.apprenticeship},
    )


def _crumbs(apprenticeship: Apprenticeship | None = None) -> list[dict]:
    crumbs = [{"label": "Apprentices", "url": reverse("apprenticeships:index")}]
    if apprenticeship is not None:
        crumbs.append(
            {
                "label": apprenticeship.apprentice.full_name,
                "url": reverse("apprenticeships:detail", args=[apprenticeship.pk]),
            }
        )
    return crumbs


def visible_apprenticeship(user, pk: int) -> Apprenticeship:
    apprenticeship = get_object_or_404(
        Apprenticeship.objects.select_related(
            "apprentice",
            "standard",
            "employer",
            "employer_representative",
            "provider_representative",
        ),
        pk=pk,
    )
    if not policies.may_see_apprenticeship(user, apprenticeship):
        raise Http404
    return apprenticeship


class IndexView(LoginRequiredMixin, TemplateView):
    """Every apprentice the person may see: hours against the minimum and the next
    review due."""

    template_name = "apprenticeships/index.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        visible = policies.apprenticeships_visible_to(self.request.user)
        return super().get_context_data(
            rows=queries.apprentice_rows(visible, today=today),
            may_export=policies.may_export(self.request.user),
            **kwargs,
        )


class ApprenticeshipView(LoginRequiredMixin, TemplateView):
    template_name = "apprenticeships/detail.html"

    def get_context_data(self, pk: int, **kwargs):
        user = self.request.user
        apprenticeship = visible_apprenticeship(user, pk)
        today = timezone.localdate()
        earliest, latest = queries.next_review_window(apprenticeship)
        return super().get_context_data(
            apprenticeship=apprenticeship,
            hours=queries.hours_for(apprenticeship, today=today),
            log=queries.training_log(apprenticeship, today=today),
            ksbs=queries.ksb_progress(apprenticeship, today=today),
            reviews=apprenticeship.reviews.select_related(
                "apprentice_signature", "employer_signature", "provider_signature"
            ),
            next_review_from=earliest,
            next_review_by=latest,
            may_log_hours=policies.may_log_hours(user, apprenticeship),
            may_sign=policies.may_sign_review(user, apprenticeship),
            crumbs=_crumbs(),
            **kwargs,
        )


class LogHoursView(LoginRequiredMixin, FormView):
    template_name = "apprenticeships/log_hours.html"
    form_class = forms.LogHoursForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.apprenticeship = visible_apprenticeship(request.user, kwargs["pk"])
        if not policies.may_log_hours(request.user, self.apprenticeship):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            entry = services.log_hours(
                self.apprenticeship,
                recorded_by=self.request.user,
                today=timezone.localdate(),
                **form.cleaned_data,
            )
        except services.ApprenticeshipError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        hours = queries.hours_for(self.apprenticeship, today=timezone.localdate())
        return render(
            self.request,
            "apprenticeships/hours_logged.html",
            {"apprenticeship": self.apprenticeship, "entry": entry, "hours": hours},
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            apprenticeship=self.apprenticeship,
            crumbs=_crumbs(self.apprenticeship),
            **kwargs,
        )


class RecordReviewView(LoginRequiredMixin, FormView):
    """A person named on the apprenticeship records a review and signs it."""

    template_name = "apprenticeships/record_review.html"
    form_class = forms.ReviewForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.apprenticeship = visible_apprenticeship(request.user, kwargs["pk"])
        self.role = policies.named_role(request.user, self.apprenticeship)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        return _signed_review(
            self,
            form,
            lambda: services.record_review(
                self.apprenticeship,
                recorded_by=self.request.user,
                today=timezone.localdate(),
                **form.cleaned_data,
            ),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            apprenticeship=self.apprenticeship,
            role=self.role,
            crumbs=_crumbs(self.apprenticeship),
            **kwargs,
        )


class ReviewView(LoginRequiredMixin, FormView):
    """A review with its signatures; a named person who has not signed signs here."""

    template_name = "apprenticeships/review.html"
    form_class = forms.SignReviewForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.review = get_object_or_404(
            ProgressReview.objects.select_related("apprenticeship"), pk=kwargs["pk"]
        )
        self.apprenticeship = visible_apprenticeship(
            request.user, self.review.apprenticeship_id
        )
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        return _signed_review(
            self,
            form,
            lambda: services.sign_review(
                self.review,
                signer=self.request.user,
                password=form.cleaned_data["password"],
            ),
        )

    def get_context_data(self, **kwargs):
        user, review = self.request.user, self.review
        role = policies.named_role(user, self.apprenticeship)
        field = services.SIGNATURE_FIELDS.get(role, "")
        return super().get_context_data(
            review=review,
            apprenticeship=self.apprenticeship,
            signatures=[
                (policies.APPRENTICE, review.apprentice_signature),
                (policies.EMPLOYER, review.employer_signature),
                (policies.PROVIDER, review.provider_signature),
            ],
            may_sign=bool(field) and not getattr(review, f"{field}_id"),
            role=role,
            crumbs=_crumbs(self.apprenticeship),
            **kwargs,
        )


class ExportView(LoginRequiredMixin, View):
    """The CSV for the training provider: the lead's organisations' apprentices."""

    def get(self, request):
        if not policies.may_export(request.user):
            raise Http404
        body = queries.provider_csv(
            policies.apprenticeships_led_by(request.user),
            today=timezone.localdate(),
        )
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="apprentices.csv"'
        return response
