from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from academy.viewsets import ReadOnlyPermissionPolicy
from assessments import passport_evidence
from assessments.home import home_panels
from assessments.knowledge import queries as knowledge_queries
from assessments.knowledge import reports
from assessments.models import (
    Attempt,
    KnowledgeRequirementMet,
    ProcessValidation,
    WorkplaceAssessment,
)
from assessments.next_steps import next_steps
from assessments.trainee_record import KnowledgeResultsPanel, WorkplaceAssessmentsPanel
from assessments.validations.panels import (
    TraineeValidationsPanel,
    UnsupervisedWorkPanel,
)
from assessments.viewsets import (
    AttemptViewSet,
    KnowledgeAssessmentsGroup,
    KnowledgeRequirementMetViewSet,
    ProcessValidationViewSet,
    WorkplaceAssessmentViewSet,
    WorkplaceTemplateViewSet,
)
from assessments.workplace.panels import SignOffQueuePanel
from passport.competences.evidence import EVIDENCE_RECORDS_HOOK
from trainers.roles import role_names

# A trainee's attempts, requirements met, workplace assessments and validation results
# are people's records: administrators alone open them in the admin. TSET editors and
# moderators author content and see the item analysis and knowledge gaps reports,
# which are aggregates; their groups' old view permissions on these models no longer
# open anything. Trainers, assessors and training leads reach the records they may see
# on the site, through each capability's policies.
register_permission_policy(Attempt, ReadOnlyPermissionPolicy(Attempt))
register_permission_policy(
    KnowledgeRequirementMet, ReadOnlyPermissionPolicy(KnowledgeRequirementMet)
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
    return [
        {
            "label": "My assessments",
            "url": reverse("assessments:my_assessments"),
            "priority": 60,
        }
    ]


register_permission_policy(
    WorkplaceAssessment, ReadOnlyPermissionPolicy(WorkplaceAssessment)
)
register_snippet(WorkplaceTemplateViewSet)


@hooks.register("register_admin_viewset")
def register_workplace_assessments():
    return WorkplaceAssessmentViewSet("workplace_assessments")


@hooks.register("academy_primary_links")
def workplace_links(request):
    roles = role_names(request)
    links = []
    if "Trainee" in roles:
        links.append(
            {
                "label": "Workplace assessments",
                "url": reverse("assessments:workplace"),
                "priority": 62,
            }
        )
    if "Trainer" in roles:
        links.append(
            {
                "label": "Sign-off queue",
                "url": reverse("assessments:sign_off_queue"),
                "priority": 12,
            }
        )
    return links


@hooks.register("trainer_dashboard_panels")
def sign_off_queue_panel(request, trainees):
    return SignOffQueuePanel(request.user)


register_permission_policy(
    ProcessValidation, ReadOnlyPermissionPolicy(ProcessValidation)
)


@hooks.register("register_admin_viewset")
def register_process_validations():
    return ProcessValidationViewSet("process_validations")


@hooks.register("academy_primary_links")
def validation_links(request):
    if "Trainee" not in role_names(request):
        return []
    return [
        {
            "label": "My validations",
            "url": reverse("assessments:my_validations"),
            "priority": 64,
        }
    ]


@hooks.register("trainee_record_panels")
def trainee_validations_panel(request, trainee):
    return TraineeValidationsPanel(request, trainee)


@hooks.register("trainer_dashboard_panels")
def unsupervised_work_panel(request, trainees):
    return UnsupervisedWorkPanel(trainees)


@hooks.register("module_assessment_link")
def module_assessment_link(request, *, module, complete):
    """The way from a module and its last lesson to its knowledge assessment: open
    once every lesson is done; `passed` once the trainee has passed it."""
    passes = knowledge_queries.assessment_passes(request.user, [module.pk])
    if module.pk not in passes:
        return None
    return {
        "url": reverse("assessments:module_assessment", args=[module.pk]),
        "available": complete,
        "passed": passes[module.pk],
    }


@hooks.register("module_assessment_passes")
def module_assessment_passes(trainee, module_ids):
    """Which of the modules have a knowledge assessment, and whether the trainee passed."""
    return knowledge_queries.assessment_passes(trainee, module_ids)


hooks.register("home_page_panels", home_panels)

# What a trainee does next towards each competency of their training plan.
hooks.register("plan_item_next_steps", next_steps)


@hooks.register("trainee_record_panels")
def trainee_knowledge_panel(request, trainee):
    return KnowledgeResultsPanel(trainee)


@hooks.register("trainee_record_panels")
def trainee_workplace_panel(request, trainee):
    return WorkplaceAssessmentsPanel(trainee)


# The records behind a competence's evidence, for the passport's plain words.
hooks.register(EVIDENCE_RECORDS_HOOK, passport_evidence.evidence_records)
