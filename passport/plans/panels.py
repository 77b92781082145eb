"""What training plans add to the network's pages through hooks: the plan progress
column, the trainer's items-due panel, and the plan on a trainee's record."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from passport.plans.queries import (
    DUE_SOON_DAYS,
    items_due_soon,
    plan_lines_for,
    with_plan_progress,
)
from passport.plans.status import ItemStatus, item_status
from trainers.permissions import can_plan_training

DUE_SOON_LIMIT = 50


class PlanProgressColumn:
    heading = "Training plan"

    def annotate(self, people):
        return with_plan_progress(people)

    def cell(self, person) -> str:
        if not person.plan_total:
            return "No plan"
        text = f"{person.plan_complete} of {person.plan_total} complete"
        if person.plan_overdue:
            text += f", {person.plan_overdue} overdue"
        return text


class ItemsDueSoonPanel(Component):
    template_name = "passport/panels/items_due_soon.html"

    def __init__(self, trainees):
        self.trainees = trainees

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        items = list(items_due_soon(self.trainees, today=today)[:DUE_SOON_LIMIT])
        return {
            "days": DUE_SOON_DAYS,
            "lines": [
                {
                    "item": item,
                    "status": item_status(
                        due_on=item.due_on,
                        started_at=item.started_at,
                        completed_at=item.completed_at,
                        today=today,
                    ),
                }
                for item in items
            ],
        }


class TraineePlanPanel(Component):
    order = 20
    template_name = "passport/panels/trainee_plan.html"

    def __init__(self, request, trainee):
        self.request, self.trainee = request, trainee

    def get_context_data(self, parent_context=None):
        lines = plan_lines_for(self.trainee)
        return {
            "trainee": self.trainee,
            "lines": lines,
            "overdue": sum(line.status == ItemStatus.OVERDUE for line in lines),
            "can_plan": can_plan_training(self.request.user, self.trainee),
        }
