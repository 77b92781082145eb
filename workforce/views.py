"""The workforce dashboard and its CSV files. `policies` decides who may open it and
which organisations they see; an organisation outside the lead's scope is not found."""

import csv
import io

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from academy.spreadsheets import safe_cell
from workforce import charts, policies, queries
from workforce.forms import DashboardFilterForm


class DashboardMixin(LoginRequiredMixin):
    """The lead's scope and filters (`self.filters`); others find no dashboard."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not policies.may_see_dashboard(request.user):
            raise Http404
        organisations = policies.organisations_in_scope(request.user)
        asked = request.GET.get("organisation", "").strip()
        if asked and not (
            asked.isdigit() and organisations.filter(pk=int(asked)).exists()
        ):
            raise Http404  # another region's organisation, or none at all
        self.form = DashboardFilterForm(
            request.GET or None, organisations=organisations
        )
        self.filters = queries.Filters(
            organisations=organisations, **self.form.filters()
        )
        return super().dispatch(request, *args, **kwargs)


class DashboardView(DashboardMixin, TemplateView):
    """Trends over 12 months with their tables, coverage, gaps and organisations."""

    template_name = "workforce/dashboard.html"

    def get_context_data(self, **kwargs):
        dashboard = queries.dashboard(self.filters)
        query = self.request.GET.urlencode()
        return super().get_context_data(
            form=self.form,
            scope=policies.scope_label(self.request.user),
            dashboard=dashboard,
            charts=[
                {
                    "chart": chart,
                    "svg": charts.line_chart(
                        title=chart.title, months=chart.months, series=chart.series
                    ),
                }
                for chart in dashboard.charts
            ],
            query=query,
            **kwargs,
        )


class DashboardCsvView(DashboardMixin, View):
    """One table of the dashboard as a CSV file, suppressed as on the page."""

    def get(self, request, table: str):
        dashboard = queries.dashboard(self.filters)
        tables = {chart.slug: chart.table for chart in dashboard.charts}
        tables |= {
            "coverage-by-area": dashboard.coverage,
            "knowledge-gaps": dashboard.gaps,
            "organisations": dashboard.organisations,
        }
        if table not in tables:
            raise Http404
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([safe_cell(heading) for heading in tables[table].headers])
        writer.writerows(
            [safe_cell(cell) for cell in row] for row in tables[table].rows
        )
        response = HttpResponse(buffer.getvalue(), content_type="text/csv")
        filename = f"workforce-{table}-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
