"""Lists of workplace assessments: a trainee's own, and an assessor's queues."""

from django.db.models import Exists, OuterRef, QuerySet

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
