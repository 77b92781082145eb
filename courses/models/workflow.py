"""The moderators' step of the "TSET review" workflow: Wagtail's group approval, where
approving a lesson also settles whether the change affects practice."""

from django.db import transaction
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import AbstractGroupApprovalTask

APPROVE_TEMPLATE = "courses/admin/workflow_approve.html"


def is_lesson(obj) -> bool:
    """Whether the object in review is a lesson (a page's specific class, without a query)."""
    from courses.models.pages import LessonPage

    return issubclass(getattr(obj, "specific_class", None) or type(obj), LessonPage)


class TSETReviewTask(AbstractGroupApprovalTask):
    """TSET moderators approve or request changes. For a lesson, approving always
    opens the form that asks whether the change affects practice (pre-filled with the
    editor's answer when they submitted it); the answer is recorded when the approved
    revision is published. After either action the moderator is told it is done."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and is_lesson(obj):
            return [action for action in actions if action[0] != "approve"] + [
                ("approve", "Approve", True)
            ]
        return actions

    def get_form_for_action(self, action):
        if action == "approve":
            from courses.review_admin import ApprovalForm

            return ApprovalForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        return APPROVE_TEMPLATE if action == "approve" else ""

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        from courses.review_admin import training_impact_on_approval

        choice = kwargs.pop("changes_practice", "")
        summary = kwargs.pop("practice_change_summary", "")
        super().on_action(task_state, user, action_name, **kwargs)
        if action_name == "approve":
            training_impact_on_approval(
                task_state=task_state, approved_by=user, choice=choice, summary=summary
            )
        # Where Wagtail then sends the moderator: a page that confirms the action.
        return (
            reverse("courses_review_action_done", args=[task_state.pk])
            + "?"
            + urlencode({"action": action_name})
        )

    class Meta:
        verbose_name = "TSET review task"
        verbose_name_plural = "TSET review tasks"
