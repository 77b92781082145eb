"""The TSET review workflow in the admin: the moderator's approval form, which asks of
a lesson whether the change affects practice; recording that answer once the change
is published; and telling the moderator that their approval or request is done."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.forms import TaskStateCommentForm
from wagtail.models import TaskState, WorkflowState

from academy.models import User
from courses.edit_handlers import SUMMARY_NEEDED
from courses.models import LessonPage, TrainingImpactingChange
from courses.models.workflow import is_lesson
from courses.services import mark_training_impacting_change

IMPACT_CHOICES = [
    ("yes", "Yes: people who completed the lesson before must read it again"),
    ("no", "No: it does not change what people do"),
]


class ApprovalForm(TaskStateCommentForm):
    """Approve, with a comment; for a lesson, whether the change affects practice and
    what changed (the template shows these for lessons only, pre-filled with what the
    editor submitted; left out, the editor's answer stands)."""

    changes_practice = forms.ChoiceField(
        label="Does this change affect practice?",
        choices=IMPACT_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )
    practice_change_summary = forms.CharField(
        label="What changed in practice",
        help_text="Shown on the lesson to trainees who must read it again.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        # Ids of its own: the dialog opens over the edit form, whose fields of the
        # same names would otherwise share their ids (and take the labels' clicks).
        kwargs.setdefault("auto_id", "id_approval_%s")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("changes_practice") == "yes"
            and not (cleaned.get("practice_change_summary") or "").strip()
        ):
            self.add_error("practice_change_summary", SUMMARY_NEEDED)
        return cleaned


def training_impact_on_approval(
    *, task_state: TaskState, approved_by: User, choice: str, summary: str
) -> TrainingImpactingChange | None:
    """Once an approved lesson change is published, record it as changing practice
    when the moderator said so, or, if they did not answer, when the editor did."""
    workflow_state = task_state.workflow_state
    if not is_lesson(workflow_state.content_object):
        return None
    workflow_state.refresh_from_db(fields=["status"])
    if workflow_state.status != WorkflowState.STATUS_APPROVED:
        return None  # a later step of the workflow still has to approve it
    lesson = LessonPage.objects.get(pk=workflow_state.object_id)
    changes = {"yes": True, "no": False}.get(choice, lesson.changes_practice)
    if not changes or not lesson.live:
        return None
    return mark_training_impacting_change(
        lesson=lesson,
        summary=(summary or "").strip() or lesson.practice_change_summary.strip(),
        marked_by=approved_by,
    )


def training_impact_on_publishing(request: HttpRequest, page) -> None:
    """A moderator publishing a lesson directly: the edit form's answer is recorded."""
    if is_lesson(page) and page.specific.changes_practice:
        lesson = LessonPage.objects.get(pk=page.pk)
        mark_training_impacting_change(
            lesson=lesson,
            summary=lesson.practice_change_summary.strip(),
            marked_by=request.user,
        )


def say_review_action_done(request: HttpRequest, obj, *, action: str) -> None:
    """The moderator's confirmation that their approval or request for changes is done."""
    title = get_latest_str(obj)
    if action == "approve":
        obj = type(obj).objects.get(pk=obj.pk)
        if getattr(obj, "live", False) and not getattr(
            obj, "has_unpublished_changes", False
        ):
            messages.success(request, f"“{title}” is approved and published.")
        else:
            messages.success(request, f"“{title}” is approved.")
    elif action == "reject":
        messages.success(
            request,
            f"Changes requested on “{title}”: whoever submitted it is told, "
            "with your comment.",
        )


@login_required
def review_action_done_view(request: HttpRequest, task_state_id: int) -> HttpResponse:
    """Where Wagtail sends a moderator after approving or requesting changes from the
    dashboard: say it is done, then back to the content waiting for their review."""
    task_state = get_object_or_404(
        TaskState.objects.select_related("workflow_state"), pk=task_state_id
    )
    if task_state.finished_by_id == request.user.pk:
        say_review_action_done(
            request,
            task_state.workflow_state.content_object,
            action=request.GET.get("action", ""),
        )
    return redirect("wagtailadmin_home")


def review_action_from_edit_form(request: HttpRequest, instance) -> None:
    """After approving or requesting changes from the edit form: say it is done."""
    if request.method == "POST" and request.POST.get("action-workflow-action"):
        say_review_action_done(
            request, instance, action=request.POST.get("workflow-action-name", "")
        )
