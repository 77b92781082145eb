"""What process validation adds to a trainee's record page through a hook: their
validation status, unsupervised-work status and, for a trainer who may assess them,
links to record each kind of result."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from assessments.validations.queries import operator_validations, validations_of
from trainers.permissions import can_assess


class TraineeValidationsPanel(Component):
    template_name = "assessments/validations/panel.html"

    def __init__(self, request, trainee):
        self.request, self.trainee = request, trainee

    def get_context_data(self, parent_context=None):
        validations = operator_validations(self.trainee, today=timezone.localdate())
        rows = [
            {
                "standing": standing,
                "recordable": standing.competency is not None
                and can_assess(self.request.user, self.trainee, standing.competency),
            }
            for standing in validations.standings.values()
        ]
        return {"trainee": self.trainee, "validations": validations, "rows": rows}


class UnsupervisedWorkPanel(Component):
    """The trainer's dashboard: which supervised operators may work unsupervised in
    aseptic preparation, and why the others may not."""

    template_name = "assessments/validations/dashboard_panel.html"

    def __init__(self, trainees):
        self.trainees = trainees

    def get_context_data(self, parent_context=None):
        return {"operators": validations_of(self.trainees, today=timezone.localdate())}
