"""Demo training plans for both demo trainees, with items in every status; their
first awards with rendered certificates; the Southvale training lead and a
competence to show credentials and recognition."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from academy.models import Competency, SpecialistArea, User
from passport.certificates.services import render_certificate_pdf
from passport.competences.services import award_competence
from passport.models import Certificate, Competence, TrainingPlan, TrainingPlanItem
from passport.plans.services import (
    assign_training_plan,
    complete_plan_items,
    start_plan_item,
)
from trainers.services import appoint_training_lead


@transaction.atomic
def load_plans() -> str:
    """Create the demo plans once; running it again changes nothing."""
    if TrainingPlan.objects.filter(
        trainee__email__endswith="@academy.example"
    ).exists():
        return "Training plans: already loaded."
    today = timezone.localdate()
    aseptic = SpecialistArea.objects.get(code="ASP")
    lead = User.objects.get(email="lead@academy.example")
    trainer = User.objects.get(email="trainer@academy.example")
    priya = User.objects.get(email="trainee@academy.example")
    tom = User.objects.get(email="trainee2@academy.example")
    code = {c.code: c for c in Competency.objects.filter(live=True)}

    assign_training_plan(
        trainee=priya,
        assigned_by=lead,
        area=aseptic,
        band=3,
        due_on=today + timedelta(days=180),
    )
    complete_plan_items(trainee=priya, competency=code["COR-01"])
    start_plan_item(trainee=priya, competency=code["ASP-02"])
    start_plan_item(trainee=priya, competency=code["ASP-08"])
    # Backdated so the demo shows an overdue item and its notice.
    TrainingPlanItem.objects.filter(
        plan__trainee=priya, competency=code["COR-02"]
    ).update(due_on=today - timedelta(days=7))
    TrainingPlanItem.objects.filter(
        plan__trainee=priya, competency__code__in=["ASP-02", "ASP-03"]
    ).update(due_on=today + timedelta(days=21))

    assign_training_plan(
        trainee=tom,
        assigned_by=trainer,
        area=aseptic,
        band=4,
        due_on=today + timedelta(days=270),
    )
    start_plan_item(trainee=tom, competency=code["ASP-14"])
    return "Training plans: 2 created (Priya Shah, Tom Okafor)."


# Priya's awards come from her own records (a passed knowledge assessment, a signed
# workplace assessment, broth transfer results), loaded by the assessments demo.
DEMO_AWARDS = [
    ("trainee2@academy.example", "COR-01", 400),
]


def load_awards() -> str:
    """Award the demo trainees the competencies their plans show complete, each with
    its certificate rendered now, so the demo needs no worker."""
    awarded = _award_demo_competences()
    for certificate in Certificate.objects.filter(
        sha256="", event__competence__holder__email__endswith="@academy.example"
    ):
        render_certificate_pdf(certificate_id=certificate.pk)
    if not awarded:
        return "Awards: already loaded."
    return f"Awards: {awarded} competences awarded, with certificates."


@transaction.atomic
def _award_demo_competences() -> int:
    today = timezone.localdate()
    trainer = User.objects.get(email="trainer@academy.example")
    awarded = 0
    for email, code, days_ago in DEMO_AWARDS:
        holder = User.objects.get(email=email)
        competency = Competency.objects.get(code=code, live=True)
        if Competence.objects.filter(holder=holder, competency=competency).exists():
            continue
        award_competence(
            holder=holder,
            competency=competency,
            achieved_on=today - timedelta(days=days_ago),
            evidence={"recorded_as": "Demonstration award"},
            awarded_by=trainer,
        )
        awarded += 1
    return awarded


@transaction.atomic
def load_credentials() -> str:
    """The training lead of Southvale, who recognises competences from credentials,
    and a competence for the demo trainee, so she has a credential to download."""
    lead2 = User.objects.get(email="lead2@academy.example")
    appoint_training_lead(person=lead2, organisation=lead2.organisation)
    priya = User.objects.get(email="trainee@academy.example")
    if Competence.objects.filter(holder=priya).exists():
        return "Credentials: already loaded."
    award_competence(
        holder=priya,
        competency=Competency.objects.get(code="COR-01", live=True),
        achieved_on=timezone.localdate() - timedelta(days=40),
        evidence={"demo": "Knowledge assessment passed"},
        awarded_by=User.objects.get(email="trainer@academy.example"),
    )
    return "Credentials: Southvale training lead appointed; COR-01 awarded to Priya."
