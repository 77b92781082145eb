"""Demo workplace assessments: a published checklist for every framework competency
that needs one, Priya's ASP-01 signed competent by Grace Lee (which awards it), and
her ASP-03 waiting for Grace's sign-off. Grace signs with her demo password, as on the
page. Running it again creates nothing new."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from academy.models import Competency, User
from assessments.models import (
    CriterionResult,
    Outcome,
    TemplateCriterion,
    WorkplaceAssessment,
    WorkplaceAssessmentTemplate,
)
from assessments.workplace.evidence import add_evidence
from assessments.workplace.services import (
    request_sign_off,
    sign_off_assessment,
    start_workplace_assessment,
)
from demo.academy import DEMO_PASSWORD

from .checklists import CHECKLISTS

MODERATOR = "moderator@academy.example"
TRAINEE = "trainee@academy.example"
TRAINER = "trainer@academy.example"

REFLECTIONS = {
    "ASP-01": (
        "I entered and left the cleanroom suite for three sessions this week. I now "
        "check the pressure gauges before I go in, and I slowed down when moving "
        "between the grade C and grade B rooms after feedback from Grace."
    ),
    "ASP-03": (
        "I was observed washing my hands and disinfecting my gloves during a morning "
        "session. My finger dabs had no growth. I need to remember to let the alcohol "
        "dry fully before I return to the critical zone."
    ),
}


def _publish_checklists(moderator: User) -> int:
    published = 0
    competencies = Competency.objects.filter(
        code__in=CHECKLISTS, live=True, requires_workplace_assessment=True
    )
    for competency in competencies:
        if WorkplaceAssessmentTemplate.objects.filter(competency=competency).exists():
            continue
        introduction, evidence, countersign, criteria = CHECKLISTS[competency.code]
        template = WorkplaceAssessmentTemplate(
            competency=competency,
            introduction=introduction,
            evidence_required=evidence,
            countersign_required=countersign,
            live=False,
        )
        template.criteria = [
            TemplateCriterion(text=text, guidance=guidance, sort_order=order)
            for order, (text, guidance) in enumerate(criteria)
        ]
        template.save()
        template.save_revision(user=moderator).publish(user=moderator)
        published += 1
    return published


def evidence_pdf(title: str, lines: list[str]) -> bytes:
    """A small PDF of session notes, as a trainee might scan or export."""
    # Imported here: loading WeasyPrint parses its stylesheets, which the site
    # itself never needs from this module.
    from weasyprint import HTML

    items = "".join(f"<li>{line}</li>" for line in lines)
    html = f"<h1>{title}</h1><ul>{items}</ul>"
    return HTML(string=html).write_pdf()


def _requested(trainee: User, trainer: User, code: str) -> WorkplaceAssessment:
    competency = Competency.objects.get(code=code, live=True)
    assessment = start_workplace_assessment(trainee=trainee, competency=competency)
    pdf = evidence_pdf(
        f"{code} session log",
        [
            "Session observed in the aseptic unit, grade B room 2.",
            f"Operator: {trainee.full_name}. Observer: {trainer.full_name}.",
            "No deviations recorded.",
        ],
    )
    add_evidence(
        assessment=assessment,
        uploaded_by=trainee,
        upload=SimpleUploadedFile(
            f"{code.lower()}-session-log.pdf", pdf, content_type="application/pdf"
        ),
    )
    return request_sign_off(
        assessment=assessment, assessor=trainer, reflection=REFLECTIONS[code]
    )


@transaction.atomic
def load() -> str:
    moderator = User.objects.get(email=MODERATOR)
    published = _publish_checklists(moderator)
    trainee = User.objects.get(email=TRAINEE)
    trainer = User.objects.get(email=TRAINER)
    if WorkplaceAssessment.objects.filter(trainee=trainee).exists():
        return f"Workplace assessments: {published} checklists published."
    signed = _requested(trainee, trainer, "ASP-01")
    sign_off_assessment(
        assessment=signed,
        assessor=trainer,
        results={
            criterion.position: (CriterionResult.MET, "Observed and correct.")
            for criterion in signed.criteria.all()
        },
        outcome=Outcome.COMPETENT,
        action_plan="",
        password=DEMO_PASSWORD,
    )
    _requested(trainee, trainer, "ASP-03")
    return (
        f"Workplace assessments: {published} checklists published; ASP-01 signed "
        "off for Priya Shah, ASP-03 waiting for Grace Lee."
    )
