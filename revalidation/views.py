"""Pages of the revalidation portfolio: the year at a glance with what is still
needed, CPD records planned, drafted from Academy activity and completed, the peer
discussion, the reflective account, and the exports. Each page asks `policies` who
may open it: another person's record is not found."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from academy import pdf
from revalidation import forms, queries, rules, services
from revalidation.models import CPDKind, CPDRecord
from revalidation.policies import may_keep_portfolio, may_see_year, years_visible_to

PDF_STYLESHEET = "revalidation/portfolio.css"


def _portfolio_crumbs() -> list[dict]:
    return [
        {"label": "Revalidation portfolio", "url": reverse("revalidation:portfolio")}
    ]


class PortfolioMixin(LoginRequiredMixin):
    """The signed-in registrant's current year (`self.year`, None before one is
    started); anyone without a registration number finds no portfolio."""

    needs_year = True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not may_keep_portfolio(request.user):
            raise Http404
        self.year = queries.current_year_for(request.user)
        if self.needs_year and self.year is None:
            return redirect("revalidation:portfolio")
        return super().dispatch(request, *args, **kwargs)


class PortfolioView(PortfolioMixin, FormView):
    """The year at a glance, or the form that starts it."""

    needs_year = False
    template_name = "revalidation/portfolio.html"
    form_class = forms.StartYearForm

    def get_initial(self):
        """Once a year's renewal date has passed, the next year is offered."""
        if self.year is not None and self.year.renewal_date < timezone.localdate():
            return {"renewal_date": rules.next_renewal_date(self.year.renewal_date)}
        return {}

    def form_valid(self, form):
        try:
            services.start_revalidation_year(
                self.request.user,
                renewal_date=form.cleaned_data["renewal_date"],
                today=timezone.localdate(),
            )
        except services.PortfolioError as error:
            form.add_portfolio_error(error)
            return self.form_invalid(form)
        return redirect("revalidation:portfolio")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.year
        if year is None:
            return context
        records = list(year.cpd_records.all())
        today = timezone.localdate()
        return {
            **context,
            "year": year,
            "progress": queries.year_progress(year),
            "days_left": (year.renewal_date - today).days,
            "records": records,
            "peer_discussion": getattr(year, "peer_discussion", None),
            "reflective_account": getattr(year, "reflective_account", None),
            "activities": queries.academy_activity(self.request.user, year=year),
        }


class PlanRecordView(PortfolioMixin, FormView):
    """Start a planned CPD record before the learning."""

    template_name = "revalidation/plan_record.html"
    form_class = forms.PlanRecordForm

    def form_valid(self, form):
        try:
            services.plan_cpd_record(self.year, now=timezone.now(), **form.cleaned_data)
        except services.PortfolioError as error:
            form.add_portfolio_error(error)
            return self.form_invalid(form)
        return redirect("revalidation:portfolio")

    def get_context_data(self, **kwargs):
        return super().get_context_data(crumbs=_portfolio_crumbs(), **kwargs)


class UnplannedRecordView(PortfolioMixin, FormView):
    """Start an unplanned CPD record of learning outside the Academy."""

    template_name = "revalidation/unplanned_record.html"
    form_class = forms.UnplannedRecordForm

    def form_valid(self, form):
        try:
            record = services.start_unplanned_cpd_record(
                self.year, what=form.cleaned_data["what"], now=timezone.now()
            )
        except services.PortfolioError as error:
            form.add_portfolio_error(error)
            return self.form_invalid(form)
        return redirect("revalidation:record", pk=record.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(crumbs=_portfolio_crumbs(), **kwargs)


class DraftFromActivityView(PortfolioMixin, View):
    """Draft an unplanned record from one of the person's Academy activities."""

    def post(self, request, *args, **kwargs):
        activity = queries.activity_by_key(
            request.user, year=self.year, key=request.POST.get("activity", "")
        )
        if activity is None:
            raise Http404
        record = services.draft_cpd_record_from_activity(
            self.year, activity=activity, now=timezone.now()
        )
        return redirect("revalidation:record", pk=record.pk)


class RecordMixin(PortfolioMixin):
    """One CPD record of the person's own; anyone else's is not found."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.record = get_object_or_404(
                CPDRecord.objects.select_related("year__person"), pk=kwargs["pk"]
            )
            if not may_see_year(request.user, self.record.year):
                raise Http404
        return super().dispatch(request, *args, **kwargs)


class CompleteRecordView(RecordMixin, FormView):
    """Write up a record after the learning and complete it, or keep it as a draft."""

    template_name = "revalidation/record.html"
    form_class = forms.CompleteRecordForm

    def get_initial(self):
        record = self.record
        return {
            "what": record.what,
            "learned_on": record.learned_on,
            "how": record.how,
            "benefit": record.benefit,
            "evidence": record.evidence,
        }

    def form_valid(self, form):
        complete = self.request.POST.get("action") == "complete"
        try:
            record = services.save_cpd_record(
                self.record, complete=complete, now=timezone.now(), **form.cleaned_data
            )
        except services.PortfolioError as error:
            form.add_portfolio_error(error)
            return self.form_invalid(form)
        if record.counts:
            return redirect("revalidation:record_complete", pk=record.pk)
        if complete:
            # Kept as a draft: the page says why, beside the benefit.
            self.record = record
            form.add_error(
                "benefit",
                "Enter the benefit to people using services to complete the record: "
                "it is saved as a draft until then",
            )
            return self.form_invalid(form)
        return redirect("revalidation:portfolio")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            record=self.record,
            planned=self.record.kind == CPDKind.PLANNED,
            crumbs=_portfolio_crumbs(),
            **kwargs,
        )


class DeleteRecordView(RecordMixin, TemplateView):
    """Confirm, then delete, a draft CPD record (POST only deletes). A completed
    record is kept: the page says why and offers no button."""

    template_name = "revalidation/delete_record.html"

    def post(self, request, *args, **kwargs):
        try:
            services.delete_draft_cpd_record(self.record)
        except services.PortfolioError as error:
            return self.render_to_response(self.get_context_data(refusal=error.message))
        messages.success(request, "Your draft CPD record was deleted.")
        return redirect("revalidation:portfolio")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            record=self.record, crumbs=_portfolio_crumbs(), **kwargs
        )


class RecordCompleteView(RecordMixin, TemplateView):
    """The confirmation after a record is completed, and what is still needed."""

    template_name = "revalidation/record_complete.html"

    def get_context_data(self, **kwargs):
        if not self.record.counts:
            raise Http404
        return super().get_context_data(
            record=self.record,
            progress=queries.year_progress(self.record.year),
            **kwargs,
        )


class ExceptionalCircumstancesView(PortfolioMixin, FormView):
    """Record a reduced requirement the GPhC agreed for exceptional circumstances."""

    template_name = "revalidation/exceptional_circumstances.html"
    form_class = forms.ExceptionalCircumstancesForm

    def get_initial(self):
        reduced = self.year.reduced_cpd_records
        return {
            "reduced_cpd_records": "" if reduced is None else str(reduced),
            "reason": self.year.exceptional_circumstances,
        }

    def form_valid(self, form):
        try:
            services.record_exceptional_circumstances(self.year, **form.cleaned_data)
        except services.PortfolioError as error:
            form.add_portfolio_error(error)
            return self.form_invalid(form)
        return redirect("revalidation:portfolio")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            year=self.year, crumbs=_portfolio_crumbs(), **kwargs
        )


class PeerDiscussionView(PortfolioMixin, FormView):
    template_name = "revalidation/peer_discussion.html"
    form_class = forms.PeerDiscussionForm

    def get_initial(self):
        discussion = getattr(self.year, "peer_discussion", None)
        if discussion is None:
            return {}
        return {
            "peer_name": discussion.peer_name,
            "peer_role": discussion.peer_role,
            "discussed_on": discussion.discussed_on,
            "what_changed": discussion.what_changed,
        }

    def form_valid(self, form):
        try:
            services.record_peer_discussion(
                self.year, now=timezone.now(), **form.cleaned_data
            )
        except services.PortfolioError as error:
            form.add_portfolio_error(error)
            return self.form_invalid(form)
        return redirect("revalidation:portfolio")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            year=self.year, crumbs=_portfolio_crumbs(), **kwargs
        )


class ReflectiveAccountView(PortfolioMixin, FormView):
    template_name = "revalidation/reflective_account.html"
    form_class = forms.ReflectiveAccountForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "standards": queries.standards_for(self.year),
        }

    def get_initial(self):
        account = getattr(self.year, "reflective_account", None)
        if account is None:
            return {}
        return {"standards": list(account.standards.all()), "account": account.account}

    def form_valid(self, form):
        try:
            services.write_reflective_account(
                self.year, now=timezone.now(), **form.cleaned_data
            )
        except services.PortfolioError as error:
            form.add_portfolio_error(error)
            return self.form_invalid(form)
        return redirect("revalidation:portfolio")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            year=self.year,
            has_standards=queries.standards_for(self.year).exists(),
            crumbs=_portfolio_crumbs(),
            **kwargs,
        )


class ExportMixin(LoginRequiredMixin):
    """A year of the person's own, by its id; anyone else's is not found."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.year = get_object_or_404(
                years_visible_to(request.user), pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)


def _file_name(year, extension: str) -> str:
    return f"revalidation-{year.renewal_date:%Y-%m-%d}.{extension}"


class PortfolioPDFView(ExportMixin, View):
    """The year's portfolio as a PDF to keep; nothing is sent to the GPhC."""

    def get(self, request, *args, **kwargs):
        year = self.year
        content = pdf.render_pdf(
            "revalidation/pdf/portfolio.html",
            {
                "year": year,
                "person": year.person,
                "progress": queries.year_progress(year),
                "records": list(year.cpd_records.all()),
                "peer_discussion": getattr(year, "peer_discussion", None),
                "reflective_account": getattr(year, "reflective_account", None),
                "today": timezone.localdate(),
            },
            stylesheet_name=PDF_STYLESHEET,
        )
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="{_file_name(year, "pdf")}"'
        )
        return response


class PortfolioTextView(ExportMixin, TemplateView):
    """The year's completed records as plain text, to copy into the GPhC portal."""

    template_name = "revalidation/portfolio_text.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("download"):
            response = HttpResponse(
                queries.portfolio_text(self.year), content_type="text/plain"
            )
            response["Content-Disposition"] = (
                f'attachment; filename="{_file_name(self.year, "txt")}"'
            )
            return response
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            year=self.year,
            text=queries.portfolio_text(self.year),
            crumbs=_portfolio_crumbs(),
            **kwargs,
        )
