"""Who may see and act on a training plan, built on `trainers.permissions`; views and
services ask here and nowhere else."""

from academy.models import User
from passport.models import TrainingPlanItem
from trainers.permissions import can_plan_training, can_view_trainee_record


def may_see_plan(user: User, trainee: User) -> bool:
    """The trainee, and whoever may see their record (their current trainers and
    mentors, their organisation's training lead)."""
    return can_view_trainee_record(user, trainee)


def may_change_due_date(user: User, item: TrainingPlanItem) -> bool:
    """A current trainer of the trainee or the training lead of the trainee's
    organisation changes a due date; never the trainee, a mentor, another trainer or
    another organisation's lead."""
    return can_plan_training(user, item.plan.trainee)
