"""Admin reports for TSET: item analysis of each module's bank, and knowledge gaps."""

import csv

from django import forms
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Count, Q
from django.http import HttpResponse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from academy.models import Band, Organisation
from assessments.knowledge.analysis import AnswerRow, item_statistics, spreadsheet_safe
from assessments.models import Attempt, AttemptAnswer, AttemptStatus, Question
from courses.models import ModulePage

MARKED = [AttemptStatus.SUBMITTED, AttemptStatus.TIMED_OUT]


def item_analysis(module: ModulePage) -> list[dict]:
    """Every question of the module's bank with its statistics from marked attempts."""
    questions = list(
        Question.objects.filter(module=module)
        .select_related("competency")
        .order_by("topic", "pk")
    )
    scores = {
        pk: float(percent)
        for pk, percent in Attempt.objects.filter(
            module=module, status__in=MARKED
        ).values_list("pk", "percent")
    }
    answers = [
        AnswerRow(attempt_id, question_id, correct, tuple(wrong or ()))
        for attempt_id, question_id, correct, wrong in AttemptAnswer.objects.filter(
            attempt_id__in=scores
        ).values_list("attempt_id", "question_id", "correct", "wrong_choices")
    ]
    statistics = item_statistics(answers, scores=scores)
    return [
        {"question": question, "statistics": statistics.get(question.pk)}
        for question in questions
    ]


def knowledge_gaps(
    *, organisation: Organisation | None = None, band: int | None = None
) -> list[dict]:
    """Per competency, how often trainees answered its questions correctly, worst first."""
    answers = AttemptAnswer.objects.filter(attempt__status__in=MARKED)
    if organisation is not None:
        answers = answers.filter(attempt__trainee__organisation=organisation)
    if band is not None:
        answers = answers.filter(attempt__trainee__band=band)
    rows = (
        answers.values("competency__code", "competency__title")
        .annotate(
            answered=Count("id"),
            correct_count=Count("id", filter=Q(correct=True)),
            trainees=Count("attempt__trainee", distinct=True),
        )
        .order_by("competency__code")
    )
    gaps = [
        {
            "code": row["competency__code"],
            "title": row["competency__title"],
            "trainees": row["trainees"],
            "answered": row["answered"],
            "percent_correct": round(100 * row["correct_count"] / row["answered"]),
        }
        for row in rows
    ]
    return sorted(gaps, key=lambda row: (row["percent_correct"], row["code"]))


class TsetReportMixin(PermissionRequiredMixin, WagtailAdminTemplateMixin):
    permission_required = "assessments.view_question"
    raise_exception = True

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class ModuleChoiceForm(forms.Form):
    module = forms.ModelChoiceField(
        queryset=ModulePage.objects.filter(questions__isnull=False)
        .distinct()
        .order_by("title"),
        required=False,
        empty_label="Choose a module",
    )


class ItemAnalysisView(TsetReportMixin, TemplateView):
    """Facility, discrimination and the most chosen wrong option of each question."""

    page_title = "Item analysis"
    header_icon = "table"
    template_name = "assessments/admin/item_analysis.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ModuleChoiceForm(self.request.GET or None)
        module = form.cleaned_data["module"] if form.is_valid() else None
        context.update(
            form=form,
            module=module,
            rows=item_analysis(module) if module else [],
        )
        return context


class KnowledgeGapsForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label="All organisations",
    )
    band = forms.TypedChoiceField(
        choices=[("", "All bands"), *Band.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )


class KnowledgeGapsView(TsetReportMixin, TemplateView):
    """Where trainees' knowledge is weakest, per competency; filter, then export as CSV."""

    page_title = "Knowledge gaps"
    header_icon = "warning"
    template_name = "assessments/admin/knowledge_gaps.html"
    columns = [
        ("code", "Competency"),
        ("title", "Title"),
        ("trainees", "Trainees assessed"),
        ("answered", "Questions answered"),
        ("percent_correct", "Answered correctly (%)"),
    ]

    def get(self, request, *args, **kwargs):
        form = KnowledgeGapsForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        rows = knowledge_gaps(
            organisation=filters.get("organisation"), band=filters.get("band")
        )
        if request.GET.get("export") == "csv":
            return self.csv_response(rows)
        return self.render_to_response(
            self.get_context_data(form=form, rows=rows, columns=self.columns)
        )

    def csv_response(self, rows: list[dict]) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="knowledge-gaps.csv"'
        writer = csv.writer(response)
        writer.writerow([label for _, label in self.columns])
        for row in rows:
            writer.writerow([spreadsheet_safe(row[key]) for key, _ in self.columns])
        return response
