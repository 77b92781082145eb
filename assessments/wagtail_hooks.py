from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from assessments import demo, reports
from assessments.models import Attempt, KnowledgeRequirementMet
from assessments.viewsets import (
    AttemptViewSet,
    KnowledgeAssessmentsGroup,
    KnowledgeRequirementMetViewSet,
    ViewOnlyPermissionPolicy,
)

register_permission_policy(Attempt, ViewOnlyPermissionPolicy(Attempt))
register_permission_policy(
    KnowledgeRequirementMet, ViewOnlyPermissionPolicy(KnowledgeRequirementMet)
)

register_snippet(KnowledgeAssessmentsGroup)


@hooks.register("register_admin_viewset")
def register_attempts():
    return AttemptViewSet("assessment_attempts")


@hooks.register("register_admin_viewset")
def register_requirements_met():
    return KnowledgeRequirementMetViewSet("knowledge_requirements_met")


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/item-analysis/",
            reports.ItemAnalysisView.as_view(),
            name="assessments_item_analysis",
        ),
        path(
            "reports/knowledge-gaps/",
            reports.KnowledgeGapsView.as_view(),
            name="assessments_knowledge_gaps",
        ),
    ]


class TsetReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("assessments.view_question")


@hooks.register("register_reports_menu_item")
def register_item_analysis_menu_item():
    return TsetReportMenuItem(
        "Item analysis",
        reverse("assessments_item_analysis"),
        name="item-analysis",
        icon_name="table",
        order=120,
    )


@hooks.register("register_reports_menu_item")
def register_knowledge_gaps_menu_item():
    return TsetReportMenuItem(
        "Knowledge gaps",
        reverse("assessments_knowledge_gaps"),
        name="knowledge-gaps",
        icon_name="warning",
        order=130,
    )


@hooks.register("academy_primary_links")
def assessment_links(request):
    if not request.user.is_authenticated:
        return []
    return [{"label": "My assessments", "url": reverse("assessments:my_assessments")}]


@hooks.register("academy_load_demo", order=30)
def load_assessments_demo():
    return demo.load()
