from django.urls import reverse
from wagtail import hooks

from passport import demo
from passport.panels import ItemsDueSoonPanel, PlanProgressColumn, TraineePlanPanel
from trainers.roles import role_names


@hooks.register("academy_primary_links")
def plan_link(request):
    if "Trainee" not in role_names(request):
        return []
    return [{"label": "My training plan", "url": reverse("passport:my_plan")}]


@hooks.register("trainee_list_columns")
def plan_progress_column():
    return PlanProgressColumn()


@hooks.register("trainer_dashboard_panels")
def items_due_soon_panel(request, trainees):
    return ItemsDueSoonPanel(trainees)


@hooks.register("trainee_record_panels")
def trainee_plan_panel(request, trainee):
    return TraineePlanPanel(request, trainee)


@hooks.register("academy_load_demo", order=21)
def load_plans_demo():
    return demo.load_plans()
