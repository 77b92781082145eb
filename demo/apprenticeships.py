"""Demo apprenticeships: the ST1406 and ST0300 standards with their knowledge,
skills and behaviours mapped to framework competencies, and Jordan Reid, an
apprentice science manufacturing technician (aseptic option) at Eastfield, started
about five months before the load, with training hours logged and one progress
review signed by Jordan, Eastfield's training lead Amira Hussain (the employer's
representative) and Claire Dunn of the training provider.

The off-the-job minimums stored on the standards are demo figures: an editor enters
the published figure for each standard in the admin. Running it twice creates
nothing new: standards are found by code and version, people by e-mail address, and
an apprentice who already has an apprenticeship is left as they are.
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from academy.models import Competency, Organisation, User
from apprenticeships import services
from apprenticeships.models import Apprenticeship, ApprenticeshipStandard, StandardKSB
from demo.academy import DEMO_PASSWORD
from trainers.services import appoint_training_lead

PROVIDER = "Northern Pharmacy Training"
LEAD = "lead.eastfield@academy.example"
APPRENTICE = "apprentice@academy.example"
COACH = "provider@academy.example"

# (code, version, title, option, level, demo off-the-job minimum, KSBs)
# each KSB: (code, kind, text, competency codes)
STANDARDS = (
    (
        "ST1406",
        "1.1",
        "Science manufacturing technician",
        "Aseptic",
        3,
        374,
        (
            (
                "K1",
                "K",
                "Good manufacturing practice and the quality system",
                ["COR-01"],
            ),
            ("K2", "K", "Documentation and data integrity", ["COR-02", "ASP-10"]),
            (
                "K3",
                "K",
                "Cleanroom classification and contamination control",
                ["COR-03"],
            ),
            ("S1", "S", "Gown and enter the cleanroom correctly", ["ASP-01", "ASP-02"]),
            ("S2", "S", "Prepare products aseptically", ["ASP-05", "ASP-06", "ASP-07"]),
            ("S3", "S", "Clean and disinfect the controlled environment", ["ASP-04"]),
            ("B1", "B", "Takes ownership of the quality of their work", ["ASP-09"]),
        ),
    ),
    (
        "ST0300",
        "1.2",
        "Pharmacy technician (integrated)",
        "",
        3,
        374,
        (
            ("K1", "K", "Legislation and standards of pharmacy practice", ["COR-01"]),
            (
                "S1",
                "S",
                "Assemble and check medicines accurately",
                ["ASP-10", "ASP-14"],
            ),
            ("B1", "B", "Acts with integrity and respect", []),
        ),
    ),
)

ACCOUNTS = (
    (LEAD, "Amira Hussain", "Training lead", "RWX", 7, "Pharmacy technical services manager"),
    (APPRENTICE, "Jordan Reid", "Trainee", "RWX", 3, "Apprentice science manufacturing technician"),
    (COACH, "Claire Dunn", None, None, None, f"Apprenticeship coach, {PROVIDER}"),
)  # fmt: skip

# (days ago, activity, hours, off the job)
HOURS = (
    (
        140,
        "Induction: GMP and cleanroom behaviour with the training provider",
        "7",
        True,
    ),
    (112, "College day: microbiology and contamination control", "7", True),
    (84, "Shadowing gowning qualification in the aseptic unit", "3.5", True),
    (56, "College day: documentation and data integrity", "7", True),
    (28, "Isolator practice sessions with a trainer", "4", True),
    (7, "Routine work in the aseptic unit", "7.5", False),
)


def _standards() -> ApprenticeshipStandard:
    for code, version, title, option, level, minimum, ksbs in STANDARDS:
        standard, created = ApprenticeshipStandard.objects.get_or_create(
            code=code,
            version=version,
            option=option,
            defaults={"title": title, "level": level, "otj_minimum_hours": minimum},
        )
        if not created:
            continue
        for order, (ksb_code, kind, text, competencies) in enumerate(ksbs):
            ksb = StandardKSB.objects.create(
                standard=standard, code=ksb_code, kind=kind, text=text, sort_order=order
            )
            ksb.competencies.set(Competency.objects.filter(code__in=competencies))
            ksb.save()
    return ApprenticeshipStandard.objects.get(code="ST1406", version="1.1")


def _people() -> dict[str, User]:
    people = {}
    for email, name, role, ods, band, job in ACCOUNTS:
        person = User.objects.filter(email=email).first()
        if person is None:
            person = User.objects.create_user(
                email,
                DEMO_PASSWORD,
                full_name=name,
                job_title=job,
                band=band,
                organisation=Organisation.objects.filter(ods_code=ods).first(),
            )
            if role:
                person.groups.add(Group.objects.get(name=role))
        people[email] = person
    return people


@transaction.atomic
def load() -> str:
    standard = _standards()
    people = _people()
    eastfield = Organisation.objects.get(ods_code="RWX")
    appoint_training_lead(person=people[LEAD], organisation=eastfield)
    apprentice = people[APPRENTICE]
    if Apprenticeship.objects.filter(apprentice=apprentice).exists():
        return "Apprenticeships: Jordan Reid's apprenticeship already loaded."
    today = timezone.localdate()
    start = today - timedelta(days=150)
    apprenticeship = Apprenticeship.objects.create(
        apprentice=apprentice,
        standard=standard,
        employer=eastfield,
        training_provider=PROVIDER,
        employer_representative=people[LEAD],
        provider_representative=people[COACH],
        start_date=start,
        planned_end_date=start + timedelta(days=730),
        gateway_date=start + timedelta(days=640),
    )
    for days_ago, activity, hours, off_the_job in HOURS:
        services.log_hours(
            apprenticeship,
            recorded_by=people[LEAD],
            activity=activity,
            on_date=today - timedelta(days=days_ago),
            hours=Decimal(hours),
            off_the_job=off_the_job,
            today=today,
        )
    review = services.record_review(
        apprenticeship,
        recorded_by=people[LEAD],
        held_on=start + timedelta(weeks=10),
        progress="Jordan completed induction and has shadowed gowning "
        "qualification; college attendance is full.",
        next_steps="Gowning qualification and isolator practice before the next "
        "review.",
        password=DEMO_PASSWORD,
        today=today,
    )
    services.sign_review(review, signer=apprentice, password=DEMO_PASSWORD)
    services.sign_review(review, signer=people[COACH], password=DEMO_PASSWORD)
    return "Apprenticeships: Jordan Reid on ST1406 at Eastfield, one review signed."
