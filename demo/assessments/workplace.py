"""Demo workplace assessments: a published checklist for every framework competency
that needs one, Priya's ASP-01 signed competent by Grace Lee (which awards it), her
ASP-03 waiting for Grace's sign-off and, after it, Tom Okafor's ASP-14, so Grace's
queue goes on to a next request once she signs the oldest. Grace signs with her demo
password, as on the page. Running it again creates nothing new."""

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
from assessments.workplace.services.request import (
    request_sign_off,
    start_workplace_assessment,
)
from assessments.workplace.services.sign_off import sign_off_assessment
from demo.academy import DEMO_PASSWORD

from .checklists import CHECKLISTS

MODERATOR = "moderator@academy.example"
TRAINEE = "trainee@academy.example"
TRAINEE2 = "trainee2@academy.example"
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
    "ASP-14": (
        "I have checked 50 aseptically prepared products under supervision, found "
        "two labelling errors before release and stopped the process each time. I now "
        "check the calculation before the volume, not after."
    ),
}

SESSION_LOG = [
    "Session observed in the aseptic unit, grade B room 2.",
    "Operator: {trainee}. Observer: {trainer}.",
    "No deviations recorded.",
]
# The evidence each demo request attaches, as its checklist asks for it.
EVIDENCE = {
    "ASP-14": (
        "checking logbook",
        [
            "50 products checked in process under supervision, March to May.",
            "Checker: {trainee}. Supervising checker: {trainer}.",
            "2 labelling errors found and recorded before release.",
        ],
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
    kind, lines = EVIDENCE.get(code, ("session log", SESSION_LOG))
    names = {"trainee": trainee.full_name, "trainer": trainer.full_name}
    pdf = evidence_pdf(f"{code} {kind}", [line.format(**names) for line in lines])
    add_evidence(
        assessment=assessment,
        uploaded_by=trainee,
        upload=SimpleUploadedFile(
            f"{code.lower()}-{kind.replace(' ', '-')}.pdf",
            pdf,
            content_type="application/pdf",
        ),
    )
    return request_sign_off(
        assessment=assessment, assessor=trainer, reflection=REFLECTIONS[code]
    )


@transaction.atomic
def load() -> str:
    moderator = User.objects.get(email=MODERATOR)
    published = _publish_checklists(moderator)
    trainer = User.objects.get(email=TRAINER)
    done = []
    priya = User.objects.get(email=TRAINEE)
    if not WorkplaceAssessment.objects.filter(trainee=priya).exists():
        signed = _requested(priya, trainer, "ASP-01")
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
        _requested(priya, trainer, "ASP-03")
        done.append("ASP-01 signed off for Priya Shah, ASP-03 waiting for Grace Lee")
    # Asked after Priya's ASP-03, so it is next in Grace's queue once she signs that.
    tom = User.objects.get(email=TRAINEE2)
    if not WorkplaceAssessment.objects.filter(trainee=tom).exists():
        _requested(tom, trainer, "ASP-14")
        done.append("ASP-14 of Tom Okafor waiting for Grace Lee")
    return (
        f"Workplace assessments: {published} checklists published"
        + "".join(f"; {line}" for line in done)
        + "."
    )
