"""Public career pages: for each specialist area of the framework, the roles by band
and how people train for them, with a poster for careers fairs and open days."""

from collections.abc import Callable

from django.db import models
from django.http import HttpResponse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from academy.models import Band
from careers.caching import PAGE_SECONDS, mark_public

# The view that serves an area's poster, registered by careers.views with `serves`:
# page models never import views.
PAGE_VIEWS: dict[str, Callable[..., HttpResponse]] = {}


def serves(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Registers `view` as the one that serves a route of a career page, by its name."""
    PAGE_VIEWS[view.__name__] = view
    return view


# Career pages describe the technical services roles, Band 2 to Band 8a.
CAREER_BANDS = [(band.value, band.label) for band in Band.between(2, Band.BAND_8A)]


class CareersIndexPage(Page):
    """Careers in pharmacy technical services: one page per specialist area."""

    introduction = models.TextField(
        blank=True, help_text="A sentence or two for people new to the profession."
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    parent_page_types = ["academy.HomePage"]
    subpage_types = ["careers.CareerAreaPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from careers.queries import live_area_pages

        context = super().get_context(request, *args, **kwargs)
        context["area_pages"] = live_area_pages(self)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return mark_public(response, page=self, request=request, seconds=PAGE_SECONDS)


class CareerAreaPage(RoutablePageMixin, Page):
    """The roles of one specialist area, band by band, and its printable poster."""

    area = models.OneToOneField(
        "academy.SpecialistArea",
        verbose_name="specialist area",
        on_delete=models.PROTECT,
        related_name="career_page",
    )
    introduction = models.TextField(
        help_text="What people in this area do and why it matters to patients, in "
        "two or three sentences. Also printed on the poster."
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("area"),
        FieldPanel("introduction"),
        InlinePanel("roles", heading="Roles by band", label="Role", min_num=1),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    parent_page_types = ["careers.CareersIndexPage"]
    subpage_types: list[str] = []

    def get_context(self, request, *args, **kwargs):
        from careers.queries import area_index_page, role_cards

        context = super().get_context(request, *args, **kwargs)
        area_index = area_index_page(self)
        context["area_index"] = area_index
        context["role_cards"] = role_cards(self, area_index=area_index)
        context["poster_url"] = (self.url or "") + self.reverse_subpage("poster")
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        response = super().index_route(request, *args, **kwargs)
        return mark_public(response, page=self, request=request, seconds=PAGE_SECONDS)

    @path("poster/", name="poster")
    def poster(self, request):
        return PAGE_VIEWS["serve_poster"](request, page=self)


class CareerRole(Orderable):
    """A role of the area at one band: what it is called, what it does, how to get it."""

    page = ParentalKey(CareerAreaPage, on_delete=models.CASCADE, related_name="roles")
    band = models.PositiveSmallIntegerField(choices=CAREER_BANDS)
    job_title = models.CharField(max_length=255)
    summary = models.TextField(
        "what the role does", help_text="Two or three sentences in plain English."
    )
    training_route = models.TextField(
        "training route",
        help_text="Qualifications and apprenticeships that lead to the role, e.g. "
        "ST0300 Pharmacy technician (integrated) or ST1406 Science manufacturing "
        "technician.",
    )

    panels = [
        FieldRowPanel([FieldPanel("band"), FieldPanel("job_title")]),
        FieldPanel("summary"),
        FieldPanel("training_route"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "role"
        verbose_name_plural = "roles"

    def __str__(self) -> str:
        return self.job_title
