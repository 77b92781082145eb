"""The moderator's approval form in the admin: the lesson whose change is in review."""

from django import template

from courses.models import LessonPage

register = template.Library()


@register.simple_tag
def lesson_in_review(form, task_state):
    """The lesson as the editor submitted it (None when something else is in review),
    with the approval form pre-filled with the editor's training-impact answer."""
    if task_state is None or task_state.revision is None:
        return None
    submitted = task_state.revision.as_object()
    if not isinstance(submitted, LessonPage):
        return None
    if not form.is_bound:
        form.initial.setdefault(
            "changes_practice", "yes" if submitted.changes_practice else "no"
        )
        form.initial.setdefault(
            "practice_change_summary", submitted.practice_change_summary
        )
    return submitted
