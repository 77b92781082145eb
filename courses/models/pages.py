"""The e-learning page tree: catalogue, specialist areas, modules, lessons and pathways."""

from collections.abc import Callable

from django.conf import settings
from django.db import models
from django.http import Http404, HttpResponse
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index
from wagtail.url_routing import RouteResult

from academy.models import Band
from courses.blocks import KSFDimensionBlock, LessonBodyBlock
from courses.edit_handlers import LessonPageForm, ReviewRequestsPanel

# The views that serve the catalogue, module and lesson pages, registered by
# courses.views with `serves`: page models never import views.
PAGE_VIEWS: dict[str, Callable[..., HttpResponse]] = {}


def serves(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Registers `view` as the one that serves its page type, by its name."""
    PAGE_VIEWS[view.__name__] = view
    return view


OUTCOME_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class CataloguePage(Page):
    """The catalogue of e-learning: every module, filtered by area and band, and search."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["academy.HomePage"]
    subpage_types = ["courses.SpecialistAreaIndexPage"]
    max_count = 1

    def route(self, request, path_components):
        """Find a page below the catalogue by its URL path in one query, not one a level.

        Wagtail's default routing costs two queries per level. (Lessons, the deepest
        pages, are usually found before this: see `courses.lessons.routing`.)
        """
        if not path_components:
            return super().route(request, path_components)
        page = (
            Page.objects.live()
            .descendant_of(self)
            .filter(url_path=self.url_path + "/".join(path_components) + "/")
            .specific()
            .first()
        )
        if page is None:
            raise Http404
        return RouteResult(page)

    def serve(self, request, *args, **kwargs):
        return PAGE_VIEWS["serve_catalogue"](request, page=self)


class SpecialistAreaIndexPage(Page):
    """One specialist area of the framework: its modules and its career pathways."""

    area = models.OneToOneField(
        "academy.SpecialistArea",
        verbose_name="specialist area",
        on_delete=models.PROTECT,
        related_name="index_page",
    )
    introduction = models.TextField(blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("area"),
        FieldPanel("introduction"),
    ]
    parent_page_types = ["courses.CataloguePage"]
    subpage_types = ["courses.ModulePage", "courses.CareerPathwayPage"]

    def get_context(self, request, *args, **kwargs):
        from courses.queries.cards import module_cards
        from courses.queries.pathways import pathways_in

        context = super().get_context(request, *args, **kwargs)
        modules = ModulePage.objects.live().filter(area_id=self.area_id)
        modules = modules.select_related("area")
        context["module_cards"] = module_cards(
            modules.order_by("band_from", "title"), trainee=request.user
        )
        context["pathways"] = pathways_in(self)
        return context


class ModulePage(Page):
    """An e-learning module: its lessons teach the competencies it covers."""

    summary = models.TextField(help_text="One or two sentences for the catalogue.")
    learning_outcomes = RichTextField(
        features=OUTCOME_FEATURES,
        help_text="What the learner will be able to do, as a list.",
    )
    area = models.ForeignKey(
        "academy.SpecialistArea",
        verbose_name="specialist area",
        on_delete=models.PROTECT,
        related_name="modules",
    )
    band_from = models.PositiveSmallIntegerField("lowest band", choices=Band.choices)
    band_to = models.PositiveSmallIntegerField("highest band", choices=Band.choices)
    estimated_minutes = models.PositiveSmallIntegerField(
        help_text="How long the lessons take, in minutes."
    )
    cpd_hours = models.DecimalField(
        "CPD hours", max_digits=4, decimal_places=1, default=0
    )
    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="content owner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The TSET member who keeps this module accurate.",
    )
    next_review_date = models.DateField(
        help_text="Moderators are reminded 30 days before this date."
    )
    is_public = models.BooleanField(
        "public",
        default=False,
        help_text="Anyone, signed in or not, may read the lessons.",
    )

    content_panels = [
        ReviewRequestsPanel(heading="Review requested"),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("learning_outcomes"),
        MultipleChooserPanel(
            "covered_competencies",
            chooser_field_name="competency",
            heading="Competencies covered",
            label="Competency",
        ),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("area"),
                FieldRowPanel([FieldPanel("band_from"), FieldPanel("band_to")]),
                FieldRowPanel(
                    [FieldPanel("estimated_minutes"), FieldPanel("cpd_hours")]
                ),
                FieldPanel("is_public"),
            ],
            heading="Catalogue",
        ),
        MultiFieldPanel(
            [FieldPanel("content_owner"), FieldPanel("next_review_date")],
            heading="Content review",
        ),
        *Page.settings_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_outcomes"),
        index.FilterField("area"),
        index.FilterField("band_from"),
        index.FilterField("band_to"),
    ]
    parent_page_types = ["courses.SpecialistAreaIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(band_from__lte=models.F("band_to")),
                name="module_bands_in_order",
            ),
        ]

    @property
    def band_range_label(self) -> str:
        first, last = Band(self.band_from).label, Band(self.band_to).label
        return first if first == last else f"{first} to {last.removeprefix('Band ')}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        if self.band_from and self.band_to and self.band_from > self.band_to:
            raise ValidationError(
                {"band_to": "The highest band must not be below the lowest band."}
            )

    def serve(self, request, *args, **kwargs):
        return PAGE_VIEWS["serve_module"](request, module=self)


class ModuleCompetency(Orderable):
    """A competency of the framework that a module teaches."""

    module = ParentalKey(
        ModulePage, on_delete=models.CASCADE, related_name="covered_competencies"
    )
    competency = models.ForeignKey(
        "academy.Competency", on_delete=models.PROTECT, related_name="+"
    )

    class Meta(Orderable.Meta):
        verbose_name = "competency covered"
        verbose_name_plural = "competencies covered"
        constraints = [
            models.UniqueConstraint(
                fields=["module", "competency"], name="module_competency_once"
            )
        ]


class LessonPage(Page):
    """A lesson of a module, written in NHS.UK content blocks."""

    body = StreamField(LessonBodyBlock())
    # The training impact of the change in this revision, as the editor submits it
    # (and a moderator confirms it on approval): see courses.review_admin.
    changes_practice = models.BooleanField(
        "this change affects practice",
        default=False,
        help_text="People who completed the lesson before this change must read it "
        "again; they see what changed in practice.",
    )
    practice_change_summary = models.TextField(
        "what changed in practice",
        blank=True,
        help_text="One or two sentences for trainees, e.g. 'Wipe each vial septum "
        "with a new sterile wipe for 30 seconds.'",
    )

    base_form_class = LessonPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("changes_practice"), FieldPanel("practice_change_summary")],
            heading="Training impact of this change",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    def get_view_restrictions(self):
        """Wagtail's view restrictions on this lesson and the pages above it.

        The lesson's outline, which the page needs anyway, already says whether any
        apply; only then are they read.
        """
        from courses.lessons.queries import lesson_outline

        if self.pk is not None and not lesson_outline(self).restricted:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def serve(self, request, *args, **kwargs):
        return PAGE_VIEWS["serve_lesson"](request, lesson=self)

    def serve_preview(self, request, mode_name):
        """Editors preview a lesson as trainees will see it, in its module."""
        return PAGE_VIEWS["serve_lesson"](request, lesson=self)


class CareerPathwayPage(Page):
    """The standard role profile for one band of a specialist area, and what it requires."""

    band = models.PositiveSmallIntegerField(choices=Band.choices)
    typical_job_titles = models.CharField(
        max_length=255, help_text="Separate job titles with commas."
    )
    role_purpose = RichTextField(features=OUTCOME_FEATURES)
    ksf_dimensions = StreamField(
        [("dimension", KSFDimensionBlock())],
        blank=True,
        verbose_name="KSF dimensions and levels",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("band"),
        FieldPanel("typical_job_titles"),
        FieldPanel("role_purpose"),
        FieldPanel("ksf_dimensions"),
    ]
    parent_page_types = ["courses.SpecialistAreaIndexPage"]
    subpage_types: list[str] = []

    def get_context(self, request, *args, **kwargs):
        from courses.queries.pathways import pathway_rows

        context = super().get_context(request, *args, **kwargs)
        area_page = SpecialistAreaIndexPage.objects.select_related("area").get(
            path=self.path[: -self.steplen]
        )
        context["area"] = area_page.area
        rows = pathway_rows(area=area_page.area, band=self.band, trainee=request.user)
        statuses = {}
        for competency_statuses in hooks.get_hooks("pathway_competency_status"):
            statuses.update(
                competency_statuses(request, [row.competency for row in rows])
            )
        for row in rows:
            row.status = statuses.get(row.competency.pk, "")
        context["rows"] = rows
        context["show_status"] = bool(statuses)
        return context
