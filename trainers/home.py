"""What the network adds to the home page through `home_page_panels`: a trainer's own
accreditation, a mentor's requests and mentees, and a training lead's trainees
without a trainer and accreditations ending soon."""

from django.urls import reverse
from django.utils import timezone

from academy.home import (
    HomePanel,
    Line,
    LineList,
    Link,
    SummaryRow,
    Tag,
    long_date,
    panels_for,
)
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


def accreditation_panel(request) -> HomePanel:
    """Until when the trainer may sign off as a workplace assessor."""
    today = timezone.localdate()
    accreditations = list(accreditations_of(request.user, today=today))
    expiring = [
        accreditation_expiring(accreditation.expires_on, today=today)
        for accreditation in accreditations
    ]
    return HomePanel(
        "Your accreditation",
        intro=(
            ()
            if accreditations
            else (
                "You hold no current accreditation as a workplace assessor, so you "
                "cannot sign off. Your training lead accredits assessors.",
            )
        ),
        rows=tuple(
            SummaryRow(
                "Workplace assessor until",
                long_date(accreditation.expires_on),
                tag=Tag("Expiring soon", "yellow") if ends_soon else None,
            )
            for accreditation, ends_soon in zip(accreditations, expiring, strict=True)
        ),
        notes=(
            (
                "Ask your training lead to renew your accreditation before it ends: "
                "after that you cannot sign off.",
            )
            if expiring and expiring[0]
            else ()
        ),
        links=(Link("Network directory", reverse("trainers:directory")),),
    )


def _of_organisation(person) -> str:
    return f", {person.organisation.name}" if person.organisation else ""


def mentoring_panel(request) -> HomePanel:
    """Requests waiting for the mentor's answer, and their mentees."""
    requests = mentorship_requests_to(request.user)
    mentees = active_mentorships_of(request.user)
    return HomePanel(
        "Mentoring",
        lists=(
            LineList(
                tuple(
                    Line(
                        f"Request from {mentorship.mentee.full_name}",
                        url=reverse("trainers:mentorship", args=[mentorship.pk]),
                        detail=f"{_of_organisation(mentorship.mentee)}, "
                        f"{long_date(mentorship.requested_at)}",
                    )
                    for mentorship in requests[:SHOWN]
                ),
                heading=f"Requests waiting for your answer: {requests.count()}",
                empty="No one is waiting for your answer.",
            ),
            LineList(
                tuple(
                    Line(
                        mentorship.mentee.full_name,
                        url=reverse("trainers:mentorship", args=[mentorship.pk]),
                        detail=_of_organisation(mentorship.mentee),
                    )
                    for mentorship in mentees[:SHOWN]
                ),
                heading=f"Your mentees: {mentees.count()}",
                empty="You are not mentoring anyone yet.",
            ),
        ),
        links=(
            Link("All your mentoring", reverse("trainers:mentoring")),
            Link(
                "Your entry in the network directory",
                reverse("trainers:directory_profile"),
            ),
        ),
    )


def staff_panel(request) -> HomePanel:
    """A training lead's trainees with no trainer, and accreditations ending soon."""
    title = "Trainers and assessors"
    today = timezone.localdate()
    organisations = organisations_led_by(request.user)
    led = list(organisations.order_by("name")[:2])
    if not led:
        return HomePanel(title, intro=("You do not lead an organisation yet.",))
    # Leading one organisation, a trainee needs no organisation named beside them.
    one = led[0] if len(led) == 1 else None
    unassigned = unassigned_trainees(organisations, today=today)
    expiring = accreditations_expiring_in(organisations, today=today)
    return HomePanel(
        title,
        lists=(
            LineList(
                tuple(
                    Line(
                        person.full_name,
                        url=reverse("trainers:trainee_record", args=[person.pk]),
                        detail="" if one else f", {person.organisation.name}",
                    )
                    for person in unassigned[:SHOWN]
                ),
                heading=f"Trainees without a trainer: {unassigned.count()}",
                empty="Every trainee has a trainer.",
                link=(
                    Link(
                        "Assign a trainer",
                        reverse("trainers:assign_trainer", args=[one.pk]),
                    )
                    if one
                    else None
                ),
            ),
            LineList(
                tuple(
                    Line(
                        f"{accreditation.person.full_name}, until "
                        f"{long_date(accreditation.expires_on)}"
                    )
                    for accreditation in expiring[:SHOWN]
                ),
                heading=(
                    f"Accreditations ending in the next 60 days: {expiring.count()}"
                ),
                empty="No accreditation ends in the next 60 days.",
            ),
        ),
        links=(
            Link(
                "Staff, trainers and assessors", reverse("trainers:organisation_index")
            ),
        ),
    )


# Each panel: the role it serves, its order in that role's section, its builder.
PANELS = [
    (TRAINER, 40, accreditation_panel),
    (MENTOR, 10, mentoring_panel),
    (TRAINING_LEAD, 20, staff_panel),
]


def home_panels(request, roles):
    """This app's panels for the roles the person holds."""
    return panels_for(request, roles, PANELS)
