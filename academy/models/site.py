"""The site shell: the home page editors write."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The Academy's front page: for a signed-in person, what to do now in each of
    their roles; for a visitor, what the Academy is and the framework it covers."""

    introduction = RichTextField(
        blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from django.db.models import Count, Q

        from academy.home import SECTION_HEADINGS, home_sections
        from academy.roles import role_names

        from .framework import SpecialistArea

        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            held = role_names(request)
            context["roles"] = [role for role in SECTION_HEADINGS if role in held]
            context["sections"] = home_sections(request)
        else:
            context["areas"] = SpecialistArea.objects.annotate(
                competency_count=Count(
                    "competencies", filter=Q(competencies__live=True)
                )
            )
        return context
