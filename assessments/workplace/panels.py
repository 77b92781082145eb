"""What workplace assessment adds to the trainer's dashboard through its hook."""

from wagtail.admin.ui.components import Component

from assessments.workplace.queries import sign_off_queue

PANEL_LIMIT = 20


class SignOffQueuePanel(Component):
    template_name = "assessments/workplace/queue_panel.html"

    def __init__(self, assessor):
        self.assessor = assessor

    def get_context_data(self, parent_context=None):
        return {"requests": list(sign_off_queue(self.assessor)[:PANEL_LIMIT])}
