from assessments.models import (
    AssessmentStatus,
    WorkplaceAssessment,
    WorkplaceAssessmentTemplate,
)
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
