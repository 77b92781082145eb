"""Wagtail admin views of question banks, assessment settings and attempt records."""

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from assessments.models import (
    AssessmentSettings,
    Attempt,
    KnowledgeRequirementMet,
    ProcessValidation,
    Question,
    WorkplaceAssessment,
    WorkplaceAssessmentTemplate,
)


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = "Question banks"
    list_display = ["__str__", "module", "topic", "kind", "competency", "live"]
    list_filter = ["kind", "live"]
    list_per_page = 50
    ordering = ["module__title", "topic", "pk"]


class AssessmentSettingsViewSet(SnippetViewSet):
    model = AssessmentSettings
    icon = "cog"
    menu_label = "Assessment settings"
    list_display = [
        "module",
        "questions_per_attempt",
        "pass_mark",
        "time_limit_minutes",
        "max_attempts",
    ]


class KnowledgeAssessmentsGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, AssessmentSettingsViewSet)
    menu_label = "Knowledge assessments"
    menu_icon = "help"
    menu_order = 230


class AttemptViewSet(ModelViewSet):
    model = Attempt
    icon = "form"
    menu_label = "Assessment attempts"
    menu_order = 920
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_fields = [
        "trainee",
        "module",
        "number",
        "status",
        "started_at",
        "deadline",
        "submitted_at",
        "score",
        "max_score",
        "percent",
        "passed",
    ]
    form_fields = []
    list_display = ["trainee", "module", "number", "status", "percent", "passed"]
    list_filter = ["status", "passed"]
    search_fields = ["trainee__full_name", "module__title"]


class KnowledgeRequirementMetViewSet(ModelViewSet):
    model = KnowledgeRequirementMet
    icon = "tick-inverse"
    menu_label = "Knowledge requirements met"
    menu_order = 930
    add_to_admin_menu = True
    inspect_view_enabled = True
    form_fields = []
    list_display = ["trainee", "competency", "attempt", "met_at"]
    search_fields = ["trainee__full_name", "competency__code"]


class WorkplaceTemplateViewSet(SnippetViewSet):
    model = WorkplaceAssessmentTemplate
    icon = "list-ul"
    menu_label = "Workplace checklists"
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["competency", "countersign_required", "live"]
    list_filter = ["countersign_required", "live"]
    ordering = ["competency__code"]


class WorkplaceAssessmentViewSet(ModelViewSet):
    """Signed workplace records: inspect only, for nobody may change a GxP record."""

    model = WorkplaceAssessment
    icon = "tick-inverse"
    menu_label = "Workplace assessments"
    menu_order = 940
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_fields = [
        "trainee",
        "competency",
        "status",
        "assessor",
        "requested_at",
        "outcome",
        "action_plan",
        "signature",
        "countersignature",
        "corrects",
        "correction_reason",
    ]
    form_fields = []
    list_display = ["trainee", "competency", "status", "outcome", "assessor"]
    list_filter = ["status", "outcome"]
    search_fields = ["trainee__full_name", "competency__code"]


class ProcessValidationViewSet(ModelViewSet):
    """Process validation results are signed records: the admin inspects, never edits."""

    model = ProcessValidation
    icon = "tick"
    menu_label = "Process validations"
    menu_order = 940
    add_to_admin_menu = True
    inspect_view_enabled = True
    form_fields = []
    list_display = ["operator", "kind", "performed_on", "passed", "recorded_by"]
    list_filter = ["kind", "passed"]
    search_fields = ["operator__full_name", "read_by", "lot_number"]
