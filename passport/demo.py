"""Demo training plans for both demo trainees, with items in every status."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from academy.models import Competency, SpecialistArea, User
from passport.models import TrainingPlan, TrainingPlanItem
from passport.services import assign_training_plan, complete_plan_items, start_plan_item


@transaction.atomic
def load_plans() -> str:
    """Create the demo plans once; running it again changes nothing."""
    if TrainingPlan.objects.filter(
        trainee__email__endswith="@academy.example"
    ).exists():
        return "Training plans: already loaded."
    today = timezone.localdate()
    aseptic = SpecialistArea.objects.get(code="ASP")
    lead = User.objects.get(email="lead@academy.example")
    trainer = User.objects.get(email="trainer@academy.example")
    priya = User.objects.get(email="trainee@academy.example")
    tom = User.objects.get(email="trainee2@academy.example")
    code = {c.code: c for c in Competency.objects.filter(live=True)}

    assign_training_plan(
        trainee=priya,
        assigned_by=lead,
        area=aseptic,
        band=3,
        due_on=today + timedelta(days=180),
    )
    complete_plan_items(trainee=priya, competency=code["COR-01"])
    complete_plan_items(trainee=priya, competency=code["ASP-01"])
    start_plan_item(trainee=priya, competency=code["ASP-02"])
    start_plan_item(trainee=priya, competency=code["ASP-08"])
    # Backdated so the demo shows an overdue item and its notice.
    TrainingPlanItem.objects.filter(
        plan__trainee=priya, competency=code["COR-02"]
    ).update(due_on=today - timedelta(days=7))
    TrainingPlanItem.objects.filter(
        plan__trainee=priya, competency__code__in=["ASP-02", "ASP-03"]
    ).update(due_on=today + timedelta(days=21))

    assign_training_plan(
        trainee=tom,
        assigned_by=trainer,
        area=aseptic,
        band=4,
        due_on=today + timedelta(days=270),
    )
    start_plan_item(trainee=tom, competency=code["ASP-14"])
    return "Training plans: 2 created (Priya Shah, Tom Okafor)."
