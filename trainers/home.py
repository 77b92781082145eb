"""What the network adds to the home page through `home_page_panels`: a trainer's own
accreditation, a mentor's requests and mentees, and a training lead's trainees
without a trainer and accreditations ending soon."""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from academy.roles import MENTOR, TRAINER, TRAINING_LEAD
from trainers.permissions import organisations_led_by
from trainers.queries import (
    accreditation_expiring,
    accreditations_expiring_in,
    accreditations_of,
    active_mentorships_of,
    mentorship_requests_to,
    unassigned_trainees,
)

# Lists on the home page name the first few; the page they link to has them all.
SHOWN = 5


class AccreditationPanel(Component):
    """Until when the trainer may sign off as a workplace assessor."""

    role = TRAINER
    order = 40
    template_name = "trainers/home/accreditation.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        return {
            "accreditations": [
                {
                    "accreditation": accreditation,
                    "expiring": accreditation_expiring(
                        accreditation.expires_on, today=today
                    ),
                }
                for accreditation in accreditations_of(self.request.user, today=today)
            ],
        }


class MentoringPanel(Component):
    """Requests waiting for the mentor's answer, and their mentees."""

    role = MENTOR
    order = 10
    template_name = "trainers/home/mentoring.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        requests = mentorship_requests_to(self.request.user)
        mentees = active_mentorships_of(self.request.user)
        return {
            "requests": list(requests[:SHOWN]),
            "request_count": requests.count(),
            "mentees": list(mentees[:SHOWN]),
            "mentee_count": mentees.count(),
        }


class StaffPanel(Component):
    """A training lead's trainees with no trainer, and accreditations ending soon."""

    role = TRAINING_LEAD
    order = 20
    template_name = "trainers/home/staff.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        organisations = organisations_led_by(self.request.user)
        led = list(organisations.order_by("name")[:2])
        unassigned = unassigned_trainees(organisations, today=today)
        expiring = accreditations_expiring_in(organisations, today=today)
        return {
            "leads_any": bool(led),
            "organisation": led[0] if len(led) == 1 else None,
            "unassigned": list(unassigned[:SHOWN]),
            "unassigned_count": unassigned.count(),
            "expiring": list(expiring[:SHOWN]),
            "expiring_count": expiring.count(),
            "organisation_url": reverse("trainers:organisation_index"),
        }


def home_panels(request, roles):
    """This app's panels for the roles the person holds."""
    panels = []
    if TRAINER in roles:
        panels.append(AccreditationPanel(request))
    if MENTOR in roles:
        panels.append(MentoringPanel(request))
    if TRAINING_LEAD in roles:
        panels.append(StaffPanel(request))
    return panels
