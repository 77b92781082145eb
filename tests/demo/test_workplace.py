from academy.models import User
from assessments.models import (
    AssessmentStatus,
    WorkplaceAssessment,
    WorkplaceAssessmentTemplate,
)
from assessments.workplace.queries import sign_off_queue
from demo.assessments import workplace as workplace_demo
from passport.models import Competence, TrainingPlanItem


def test_demo_signs_asp01_and_leaves_asp03_waiting(demo_data):
    priya = "trainee@academy.example"
    signed = WorkplaceAssessment.objects.get(
        trainee__email=priya, competency__code="ASP-01"
    )
    assert signed.status == AssessmentStatus.COMPLETE
    assert signed.signature.printed_name == "Grace Lee"
    competence = Competence.objects.get(holder__email=priya, competency__code="ASP-01")
    assert competence.evidence["workplace_assessment"]["assessment_id"] == signed.pk
    assert TrainingPlanItem.objects.get(
        plan__trainee__email=priya, competency__code="ASP-01"
    ).completed_at
    waiting = WorkplaceAssessment.objects.get(
        trainee__email=priya, competency__code="ASP-03"
    )
    assert waiting.status == AssessmentStatus.REQUESTED
    assert waiting.evidence.get().content_type == "application/pdf"
    for code in ("ASP-01", "ASP-03", "ASP-04", "ASP-05", "ASP-07", "ASP-10"):
        assert (
            WorkplaceAssessmentTemplate.objects.get(
                competency__code=code, live=True
            ).criteria.count()
            >= 5
        )
    for code in ("MAN-01", "RAD-01"):
        assert WorkplaceAssessmentTemplate.objects.filter(
            competency__code=code, live=True
        ).exists()

    count = WorkplaceAssessment.objects.count()
    workplace_demo.load()
    assert WorkplaceAssessment.objects.count() == count


def test_demo_trainer_has_a_next_request_after_the_oldest(demo_data):
    """Grace Lee's queue: Priya's ASP-03 first, then Tom Okafor's ASP-14, each with
    evidence, so signing the oldest leads on to another."""
    queue = sign_off_queue(User.objects.get(email="trainer@academy.example"))
    assert [(a.trainee.email, a.competency.code) for a in queue] == [
        ("trainee@academy.example", "ASP-03"),
        ("trainee2@academy.example", "ASP-14"),
    ]
    tom_request = queue[1]
    assert tom_request.countersign_required
    assert tom_request.evidence.get().original_name == "asp-14-checking-logbook.pdf"
    assert "two labelling errors" in tom_request.reflection
