"""What the e-learning adds to the home page through `home_page_panels`: the lesson a
trainee continues with, and the content work waiting for editors and moderators."""

from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from academy.roles import ADMINISTRATOR, TRAINEE, TSET_EDITOR, TSET_MODERATOR
from courses.queries.catalogue import catalogue_url
from courses.queries.learning import continue_learning
from courses.queries.review import (
    content_awaiting_review_by,
    content_in_review_requested_by,
    modules_due_for_review,
    open_review_requests,
)


class ContinueLearningPanel(Component):
    """The trainee's next lesson, or their module's assessment once every lesson is
    done; with nothing in progress, the way to the catalogue."""

    role = TRAINEE
    order = 10
    template_name = "courses/home/continue_learning.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        found = continue_learning(self.request.user)
        action = None
        if found is not None and found.lesson is not None:
            action = {
                "label": f"Continue: {found.lesson.title}",
                "url": found.lesson.url,
            }
        elif found is not None:
            module = found.card.module
            assessment = module_assessment(self.request, module)
            if assessment and assessment.get("available", True):
                label = f"Take the assessment: {module.title}"
                action = {"label": label, "url": assessment["url"]}
            else:
                action = {"label": f"Open {module.title}", "url": module.url}
        else:
            url = catalogue_url()
            if url:
                action = {"label": "Find a module in the catalogue", "url": url}
        return {
            "next": found,
            "action": action,
            "my_learning_url": reverse("courses:my_learning"),
        }


def module_assessment(request, module) -> dict | None:
    """The module's knowledge assessment, as its owner tells it through
    `module_assessment_link` (None when the module has none)."""
    for hook in hooks.get_hooks("module_assessment_link"):
        found = hook(request, module=module, complete=True)
        if found:
            return found
    return None


class ContentPanel(Component):
    """Content work in the Wagtail admin: what waits for review, modules due for
    their periodic review and those flagged by audit findings."""

    order = 10
    template_name = "courses/home/content.html"

    def __init__(self, request, *, role: str):
        self.request, self.role = request, role

    def get_context_data(self, parent_context=None):
        user = self.request.user
        due = modules_due_for_review(today=timezone.localdate())
        editing = self.role == TSET_EDITOR
        return {
            "editing": editing,
            "in_review": (
                content_in_review_requested_by(user)
                if editing
                else content_awaiting_review_by(user)
            ),
            "due_for_review": (
                due.filter(content_owner=user) if editing else due
            ).count(),
            "review_requested": open_review_requests().count(),
            "admin_url": reverse("wagtailadmin_home"),
            "due_url": reverse("courses_due_for_review"),
            "requested_url": reverse("courses_review_requested"),
            "findings_url": reverse("wagtailsnippets_courses_auditfinding:list"),
        }


def home_panels(request, roles):
    """This app's panels for the roles the person holds."""
    panels = []
    if TRAINEE in roles:
        panels.append(ContinueLearningPanel(request))
    if TSET_EDITOR in roles:
        panels.append(ContentPanel(request, role=TSET_EDITOR))
    if TSET_MODERATOR in roles:
        panels.append(ContentPanel(request, role=TSET_MODERATOR))
    elif ADMINISTRATOR in roles:
        panels.append(ContentPanel(request, role=ADMINISTRATOR))
    return panels
