"""Wagtail admin views of the e-learning records and the audit-finding register."""

from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.models import AuditFinding, LessonProgress, TrainingImpactingChange
from courses.services import mark_training_impacting_change


class AuditFindingViewSet(SnippetViewSet):
    model = AuditFinding
    icon = "warning"
    menu_label = "Audit findings"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["reference", "source", "found_on"]
    list_filter = ["source"]
    search_fields = ["reference", "summary"]


class MarkTrainingImpactingChangeView(CreateView):
    def save_instance(self):
        return mark_training_impacting_change(
            lesson=self.form.cleaned_data["lesson"],
            summary=self.form.cleaned_data["summary"],
            marked_by=self.request.user,
        )


class TrainingImpactingChangeViewSet(ModelViewSet):
    model = TrainingImpactingChange
    icon = "warning"
    menu_label = "Training-impacting changes"
    menu_order = 220
    add_to_admin_menu = True
    add_view_class = MarkTrainingImpactingChangeView
    form_fields = ["lesson", "summary"]
    list_display = ["lesson", "module", "revision_id", "marked_by", "marked_at"]
    inspect_view_enabled = True


class LessonProgressViewSet(ModelViewSet):
    model = LessonProgress
    icon = "tick-inverse"
    menu_label = "Lesson completions"
    menu_order = 910
    add_to_admin_menu = True
    inspect_view_enabled = True
    form_fields = []
    list_display = ["trainee", "lesson", "revision_id", "completed_at"]
    search_fields = ["trainee__full_name", "lesson__title"]
