"""Demo workforce dashboards: a regional lead for the North West (Northshire and
Eastfield, and Westmoor with a cohort of twelve trainees, their plans and first
awards, so the region's figures pass the small-number threshold) and a national TSET
lead. The figures themselves are counted by the nightly refresh, run by
`demo.scheduled` after this step like every other scheduled job.

Running it twice creates nothing new: accounts are found by e-mail address, the
organisation by its ODS code and the cohort's plans by their trainee."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from academy.models import Competency, Organisation, UnitType, User
from academy.roles import TRAINEE
from demo.academy import DEMO_PASSWORD
from passport.certificates.services import render_certificate_pdf
from passport.competences.services import award_competence
from passport.models import Certificate, Competence, TrainingPlan, TrainingPlanItem
from workforce.services import appoint_national_lead, appoint_regional_lead

REGION = "North West"
REGIONAL_LEAD = (
    "regional@academy.example",
    "Aisha Rahman",
    "Regional lead, North West",
)
NATIONAL_LEAD = ("national@academy.example", "Mark Bennett", "National TSET lead")
WESTMOOR = ("RWM", "Westmoor Hospitals NHS Foundation Trust")
COHORT = 12
COHORT_PLAN = ("COR-01", "COR-02", "ASP-01", "ASP-02")


def _account(email: str, full_name: str, job_title: str, **fields) -> User:
    person = User.objects.filter(email=email).first()
    if person is None:
        person = User.objects.create_user(
            email, DEMO_PASSWORD, full_name=full_name, job_title=job_title, **fields
        )
    return person


@transaction.atomic
def _load() -> int:
    today = timezone.localdate()
    westmoor, _ = Organisation.objects.get_or_create(
        ods_code=WESTMOOR[0],
        defaults={
            "name": WESTMOOR[1],
            "unit_type": UnitType.MHRA_LICENSED,
            "region": REGION,
        },
    )
    regional = _account(*REGIONAL_LEAD, band=81, organisation=westmoor)
    appoint_regional_lead(person=regional, region=REGION)
    appoint_national_lead(person=_account(*NATIONAL_LEAD, band=82))
    trainee_role = Group.objects.get(name=TRAINEE)
    competencies = {
        c.code: c for c in Competency.objects.filter(code__in=COHORT_PLAN, live=True)
    }
    made = 0
    for number in range(1, COHORT + 1):
        person = _account(
            f"westmoor{number:02d}@academy.example",
            f"Westmoor trainee {number:02d}",
            "Assistant technical officer (aseptic services)",
            band=3 + number % 3,
            organisation=westmoor,
            date_joined=timezone.now() - timedelta(days=30 * number),
        )
        person.groups.add(trainee_role)
        if TrainingPlan.objects.filter(trainee=person).exists():
            continue
        plan = TrainingPlan.objects.create(trainee=person)
        for index, code in enumerate(COHORT_PLAN):
            # Two of every three trainees are behind on their first item.
            overdue = index == 0 and number % 3
            TrainingPlanItem.objects.create(
                plan=plan,
                competency=competencies[code],
                due_on=today + timedelta(days=-10 * number if overdue else 90),
                added_by=regional,
            )
        if number <= 8:
            award_competence(
                holder=person,
                competency=competencies["COR-02"],
                achieved_on=today - timedelta(days=40 * number),
                evidence={"recorded_as": "Demonstration award"},
                awarded_by=regional,
            )
        made += 1
    return made


def load() -> str:
    made = _load()
    for certificate in Certificate.objects.filter(
        sha256="", event__competence__holder__email__startswith="westmoor"
    ):
        render_certificate_pdf(certificate_id=certificate.pk)
    held = Competence.objects.filter(holder__organisation__ods_code=WESTMOOR[0]).count()
    if not made:
        return "Workforce dashboards: already loaded."
    return (
        f"Workforce dashboards: a regional lead for the {REGION}, a national TSET "
        f"lead and {made} Westmoor trainees with {held} competences."
    )
