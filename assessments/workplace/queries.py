"""Lists of workplace assessments: a trainee's own, and an assessor's queues."""

from datetime import datetime

from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Value, When

from academy.models import User
from assessments.models import (
    AssessmentStatus,
    WorkplaceAssessment,
    WorkplaceAssessmentTemplate,
)
from passport.models import Competence, CompetenceStatus, TrainingPlanItem
from trainers.permissions import competencies_assessable_by


def my_workplace_assessments(trainee: User) -> QuerySet[WorkplaceAssessment]:
    return WorkplaceAssessment.objects.filter(trainee=trainee).select_related(
        "competency", "assessor"
    )


def workplace_items_to_start(trainee: User) -> QuerySet[TrainingPlanItem]:
    """Plan items needing a workplace assessment with a published checklist, that the
    trainee has not open and does not hold as a current competence (an expiring or
    expired one is assessed again)."""
    open_assessment = WorkplaceAssessment.objects.filter(
        trainee=trainee,
        competency=OuterRef("competency"),
        status__in=[AssessmentStatus.DRAFT, AssessmentStatus.REQUESTED],
    )
    held = Competence.objects.filter(
        holder=trainee,
        competency=OuterRef("competency"),
        status=CompetenceStatus.CURRENT,
    )
    published = WorkplaceAssessmentTemplate.objects.filter(
        competency=OuterRef("competency"), live=True
    )
    return (
        TrainingPlanItem.objects.filter(
            plan__trainee=trainee, competency__requires_workplace_assessment=True
        )
        .filter(Exists(published))
        .exclude(Exists(open_assessment))
        .exclude(Exists(held))
        .select_related("competency")
        .order_by("due_on", "competency__code")
    )


def sign_off_queue(assessor: User) -> QuerySet[WorkplaceAssessment]:
    """Requests waiting for this assessor's sign-off, oldest first."""
    return (
        WorkplaceAssessment.objects.filter(
            assessor=assessor, status=AssessmentStatus.REQUESTED
        )
        .select_related("trainee", "competency")
        .order_by("requested_at", "id")
    )


def countersign_queue(person: User) -> QuerySet[WorkplaceAssessment]:
    """Competent outcomes from this person's organisation waiting for a second
    accredited assessor, never their own sign-offs or their own record."""
    if person.organisation_id is None:
        return WorkplaceAssessment.objects.none()
    return (
        WorkplaceAssessment.objects.filter(
            status=AssessmentStatus.AWAITING_COUNTERSIGN,
            trainee__organisation_id=person.organisation_id,
            competency__in=competencies_assessable_by(person),
        )
        .exclude(assessor=person)
        .exclude(trainee=person)
        .select_related("trainee", "competency", "assessor")
        .order_by("signature__signed_at", "id")
    )


OPEN_STATUSES = (
    AssessmentStatus.DRAFT,
    AssessmentStatus.REQUESTED,
    AssessmentStatus.AWAITING_COUNTERSIGN,
)


def sign_off_requests_of(
    trainee: User, *, signed_since: datetime
) -> QuerySet[WorkplaceAssessment]:
    """The trainee's workplace assessments still open, and those signed since a time
    (with their outcome): open ones first, each group newest first."""
    return (
        my_workplace_assessments(trainee)
        .filter(
            Q(status__in=OPEN_STATUSES)
            | Q(
                status=AssessmentStatus.COMPLETE, signature__signed_at__gte=signed_since
            )
        )
        .select_related("signature")
        .order_by(
            Case(
                When(status__in=OPEN_STATUSES, then=Value(0)),
                default=Value(1),
            ),
            "-created_at",
            "-id",
        )
    )
