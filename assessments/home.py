"""What assessment adds to the home page through `home_page_panels`: a trainee's plan
items due with their next step and their sign-off requests; a trainer's sign-off
queue and the process validations their trainees have due."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.admin.ui.components import Component

from academy.models import User
from academy.roles import TRAINEE, TRAINER
from assessments.next_steps import next_steps
from assessments.validations.queries import validations_due
from assessments.workplace.queries import (
    countersign_queue,
    sign_off_queue,
    sign_off_requests_of,
)
from passport.plans.queries import DUE_SOON_DAYS, items_due_soon
from passport.plans.status import ItemStatus, item_status
from trainers.permissions import trainees_for_trainer

# Lists on the home page name the first few; the page they link to has them all.
SHOWN = 5
# Signed outcomes stay on the trainee's home page this long after signing.
RECENT_OUTCOME_DAYS = 30


class PlanDuePanel(Component):
    """The trainee's plan items overdue or due soon, each with its next step."""

    role = TRAINEE
    order = 20
    template_name = "assessments/home/plan_due.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        trainee = self.request.user
        items = items_due_soon(User.objects.filter(pk=trainee.pk), today=today)
        shown = list(items[:SHOWN])
        steps = next_steps(trainee, [item.competency for item in shown])
        lines = [
            {
                "item": item,
                "status": item_status(
                    due_on=item.due_on,
                    started_at=item.started_at,
                    completed_at=item.completed_at,
                    today=today,
                ),
                "step": steps[item.competency_id],
            }
            for item in shown
        ]
        counts = items.order_by().aggregate(
            due=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today))
        )
        return {
            "lines": lines,
            "overdue": counts["overdue"],
            "due_soon": counts["due"] - counts["overdue"],
            "days": DUE_SOON_DAYS,
            "overdue_status": ItemStatus.OVERDUE,
        }


class SignOffRequestsPanel(Component):
    """The trainee's open workplace assessments and recent outcomes."""

    role = TRAINEE
    order = 30
    template_name = "assessments/home/sign_off_requests.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        since = timezone.now() - timedelta(days=RECENT_OUTCOME_DAYS)
        assessments = sign_off_requests_of(self.request.user, signed_since=since)
        return {"assessments": list(assessments[:SHOWN]), "days": RECENT_OUTCOME_DAYS}


class SignOffQueuePanel(Component):
    """How many requests wait for the trainer's sign-off, and the oldest of them."""

    role = TRAINER
    order = 10
    template_name = "assessments/home/sign_off_queue.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        queue = sign_off_queue(self.request.user)
        return {
            "oldest": queue.first(),
            "count": queue.count(),
            "countersign_count": countersign_queue(self.request.user).count(),
        }


class ValidationsDuePanel(Component):
    """The trainer's trainees whose broth transfer or gowning needs a new result."""

    role = TRAINER
    order = 30
    template_name = "assessments/home/validations_due.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        due = validations_due(
            trainees_for_trainer(self.request.user).order_by("full_name", "pk"),
            today=timezone.localdate(),
        )
        return {"due": due[:SHOWN], "count": len(due)}


def home_panels(request, roles):
    """This app's panels for the roles the person holds."""
    panels = []
    if TRAINEE in roles:
        panels += [PlanDuePanel(request), SignOffRequestsPanel(request)]
    if TRAINER in roles:
        panels += [SignOffQueuePanel(request), ValidationsDuePanel(request)]
    return panels
