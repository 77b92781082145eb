"""The competence matrix of an organisation, for its training leads, and its exports."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.generic import TemplateView

from academy.models import Organisation
from academy.services import record_audit_event
from passport.matrix.exports import ExportHeading, matrix_csv, matrix_xlsx
from passport.matrix.forms import MatrixFilterForm
from passport.matrix.policies import led_organisation, may_open_staff_records
from passport.matrix.queries import organisation_matrix
from trainers.permissions import organisations_led_by

ROWS_PER_PAGE = 100
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _led_organisation(user, pk: int) -> Organisation:
    """The organisation, if the person leads it; otherwise the same 404 as a missing one."""
    organisation = led_organisation(user, pk)
    if organisation is None:
        raise Http404
    return organisation


@login_required
def choose_organisation(request):
    """A training lead of one organisation goes straight to its matrix; of several,
    chooses one."""
    organisations = list(organisations_led_by(request.user).order_by("name"))
    if not organisations:
        raise Http404
    if len(organisations) == 1:
        return redirect("passport:matrix", pk=organisations[0].pk)
    return render(
        request,
        "passport/matrix/choose_organisation.html",
        {"organisations": organisations},
    )


class MatrixView(LoginRequiredMixin, TemplateView):
    """Staff against competencies, with status counts, filters and exports."""

    template_name = "passport/matrix/matrix.html"

    def get_context_data(self, **kwargs):
        organisation = _led_organisation(self.request.user, kwargs["pk"])
        form = MatrixFilterForm(self.request.GET or None)
        matrix = organisation_matrix(organisation=organisation, **form.filters())
        page = Paginator(matrix.rows, ROWS_PER_PAGE).get_page(
            self.request.GET.get("page")
        )
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            organisation=organisation,
            form=form,
            matrix=matrix,
            page=page,
            query=query.urlencode(),
            link_records=may_open_staff_records(self.request.user, organisation),
            **kwargs,
        )


@login_required
def export_matrix(request, pk: int, file_format: str):
    """The filtered matrix as a CSV or XLSX file for inspections; each export is audited."""
    if file_format not in CONTENT_TYPES:
        raise Http404
    organisation = _led_organisation(request.user, pk)
    form = MatrixFilterForm(request.GET or None)
    filters = form.filters()
    matrix = organisation_matrix(organisation=organisation, **filters)
    record_audit_event(
        "passport.competence_matrix_exported",
        actor=request.user,
        target=organisation,
        details={
            "format": file_format,
            "rows": len(matrix.rows),
            "area": filters["area"].code if filters["area"] else None,
            "band": filters["band"],
            "status": filters["status"],
        },
    )
    filename = (
        f"competence-matrix-{organisation.ods_code}-{timezone.localdate():%Y-%m-%d}"
        f".{file_format}"
    )
    if file_format == "csv":
        content = matrix_csv(matrix)
    else:
        content = matrix_xlsx(
            matrix,
            heading=ExportHeading(
                organisation=organisation.name,
                filters=form.filter_words(),
                generated_at=timezone.now(),
            ),
        )
    return HttpResponse(
        content,
        content_type=CONTENT_TYPES[file_format],
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )
