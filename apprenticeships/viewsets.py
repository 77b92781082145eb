"""Admin for apprenticeship standards: a snippet, with the standard's knowledge,
skills and behaviours and the framework competencies each maps to, edited inline."""

from wagtail.snippets.views.snippets import SnippetViewSet

from apprenticeships.models import ApprenticeshipStandard


class ApprenticeshipStandardViewSet(SnippetViewSet):
    model = ApprenticeshipStandard
    icon = "form"
    menu_label = "Apprenticeship standards"
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["code", "version", "title", "option", "otj_minimum_hours"]
    ordering = ["code", "version"]
