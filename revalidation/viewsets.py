"""Admin for the revalidation standards: a snippet, since the GPhC changes which
standards reflective accounts address."""

from wagtail.snippets.views.snippets import SnippetViewSet

from revalidation.models import RevalidationStandard


class RevalidationStandardViewSet(SnippetViewSet):
    model = RevalidationStandard
    icon = "doc-full"
    menu_label = "Revalidation standards"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["code", "title", "applies_from", "applies_until"]
    ordering = ["applies_from", "code"]
