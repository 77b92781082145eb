"""The site shell: the home page editors write."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The Academy's front page."""

    introduction = RichTextField(
        blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from django.db.models import Count, Q

        from .framework import SpecialistArea

        context = super().get_context(request, *args, **kwargs)
        context["areas"] = SpecialistArea.objects.annotate(
            competency_count=Count("competencies", filter=Q(competencies__live=True))
        )
        if request.user.is_authenticated:
            context["roles"] = [group.name for group in request.user.groups.all()]
        return context
