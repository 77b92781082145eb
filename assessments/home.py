"""What assessment adds to the home page through `home_page_panels`: a trainee's plan
items due with their next step and their sign-off requests; a trainer's sign-off
queue and the process validations their trainees have due."""

from datetime import timedelta

from django.db.models import Count, Q
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone

from academy.home import HomePanel, Line, LineList, Link, Tag, long_date, panels_for
from academy.models import User
from academy.roles import TRAINEE, TRAINER
from assessments.models import AssessmentStatus
from assessments.next_steps import next_steps
from assessments.validations.queries import validations_due
from assessments.workplace.queries import (
    countersign_queue,
    sign_off_queue,
    sign_off_requests_of,
)
from assessments.workplace.status import status_tag
from passport.plans.queries import DUE_SOON_DAYS, items_due_soon
from passport.plans.status import ItemStatus, item_status
from trainers.permissions import trainees_for_trainer

# Lists on the home page name the first few; the page they link to has them all.
SHOWN = 5
# Signed outcomes stay on the trainee's home page this long after signing.
RECENT_OUTCOME_DAYS = 30


def plan_due_panel(request) -> HomePanel:
    """The trainee's plan items overdue or due soon, each with its next step."""
    today = timezone.localdate()
    trainee = request.user
    items = items_due_soon(User.objects.filter(pk=trainee.pk), today=today)
    shown = list(items[:SHOWN])
    steps = next_steps(trainee, [item.competency for item in shown])
    lines = []
    for item in shown:
        status = item_status(
            due_on=item.due_on,
            started_at=item.started_at,
            completed_at=item.completed_at,
            today=today,
        )
        due = "Was due" if status == ItemStatus.OVERDUE else "Due"
        step = steps[item.competency_id]
        code = item.competency.code
        lines.append(
            Line(
                f"{code} {item.competency.title}",
                tag=Tag(status.label, status.colour),
                detail=f"{due} {long_date(item.due_on)}",
                step=Link(step.label, step.url, hidden=f"for {code}"),
            )
        )
    intro = ()
    if lines:
        counts = items.order_by().aggregate(
            due=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today))
        )
        overdue, due_soon = counts["overdue"], counts["due"] - counts["overdue"]
        intro = (
            f"{overdue} overdue, {due_soon} due in the next {DUE_SOON_DAYS} days.",
        )
    return HomePanel(
        "Training plan: what is due",
        intro=intro,
        lists=(
            LineList(
                tuple(lines),
                bordered=True,
                empty=(
                    "Nothing in your plan is overdue or due in the next "
                    f"{DUE_SOON_DAYS} days."
                ),
            ),
        ),
        links=(Link("Your whole training plan", reverse("passport:my_plan")),),
    )


def _request_line(assessment) -> Line:
    """A sign-off request as its trainee follows it: where it stands, and what to
    do while it is still theirs."""
    detail = ""
    if assessment.status == AssessmentStatus.COMPLETE:
        detail = f"Signed {long_date(assessment.signature.signed_at)}"
    elif assessment.status == AssessmentStatus.REQUESTED and assessment.assessor:
        detail = (
            f"Asked of {assessment.assessor.full_name}, "
            f"{long_date(assessment.requested_at)}"
        )
    elif assessment.status == AssessmentStatus.DRAFT:
        detail = "Add evidence, then ask your assessor"
    return Line(
        f"{assessment.competency.code} {assessment.competency.title}",
        url=reverse("assessments:workplace_assessment", args=[assessment.pk]),
        tag=Tag(*status_tag(assessment)),
        detail=detail,
    )


def sign_off_requests_panel(request) -> HomePanel:
    """The trainee's open workplace assessments and recent outcomes."""
    since = timezone.now() - timedelta(days=RECENT_OUTCOME_DAYS)
    assessments = sign_off_requests_of(request.user, signed_since=since)
    return HomePanel(
        "Workplace sign-off",
        lists=(
            LineList(
                tuple(_request_line(assessment) for assessment in assessments[:SHOWN]),
                bordered=True,
                empty=(
                    "You have no sign-off request open, and none was signed in the "
                    f"last {RECENT_OUTCOME_DAYS} days."
                ),
            ),
        ),
        links=(
            Link("Workplace assessments", reverse("assessments:workplace")),
            Link("My assessments", reverse("assessments:my_assessments")),
            Link("My validations", reverse("assessments:my_validations")),
        ),
    )


def sign_off_queue_panel(request) -> HomePanel:
    """How many requests wait for the trainer's sign-off, and the oldest of them."""
    queue = sign_off_queue(request.user)
    count = queue.count()
    countersign_count = countersign_queue(request.user).count()
    waiting = f"{count} request{pluralize(count)} waiting for your sign-off"
    if countersign_count:
        waiting += f", {countersign_count} for your countersignature"
    oldest = queue.first()
    lists = ()
    if oldest is not None:
        competency = oldest.competency
        lists = (
            LineList(
                (
                    Line(
                        f"{oldest.trainee.full_name}: {competency.code} "
                        f"{competency.title}",
                        url=reverse("assessments:workplace_sign", args=[oldest.pk]),
                        detail=f", requested {long_date(oldest.requested_at)}",
                    ),
                ),
                heading="Oldest request",
            ),
        )
    return HomePanel(
        "Sign-off requests",
        intro=(f"{waiting}.",),
        lists=lists,
        links=(
            Link("Open your sign-off queue", reverse("assessments:sign_off_queue")),
        ),
    )


def validations_due_panel(request) -> HomePanel:
    """The trainer's trainees whose broth transfer or gowning needs a new result."""
    due = validations_due(
        trainees_for_trainer(request.user).order_by("full_name", "pk"),
        today=timezone.localdate(),
    )
    count = len(due)
    return HomePanel(
        "Process validations due",
        intro=(
            (
                f"{count} validation{pluralize(count)} of your trainees "
                f"need{pluralize(count, 's,')} a result recorded.",
            )
            if due
            else ()
        ),
        lists=(
            LineList(
                tuple(
                    Line(
                        line.operator.full_name,
                        url=reverse("trainers:trainee_record", args=[line.operator.pk]),
                        detail=f": {line.label}, {line.reason}",
                    )
                    for line in due[:SHOWN]
                ),
                empty=(
                    "None of your trainees has a broth transfer or gowning validation "
                    "due in the next 60 days."
                ),
            ),
        ),
    )


# Each panel: the role it serves, its order in that role's section, its builder.
PANELS = [
    (TRAINEE, 20, plan_due_panel),
    (TRAINEE, 30, sign_off_requests_panel),
    (TRAINER, 10, sign_off_queue_panel),
    (TRAINER, 30, validations_due_panel),
]


def home_panels(request, roles):
    """This app's panels for the roles the person holds."""
    return panels_for(request, roles, PANELS)
