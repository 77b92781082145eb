"""Demo framework and people: the national framework, three organisations, the accounts.

Built from the starting framework (curriculum); `load_demo` then adds each app's demo
content in order.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Workflow

from academy.models import (
    Band,
    Competency,
    Organisation,
    RevalidationKind,
    SpecialistArea,
    UnitType,
    User,
)

DEMO_PASSWORD = "academy-demo"  # noqa: S105 - published demo credential

AREAS = [
    ("COR", "core", "Core", "GMP, documentation, data integrity and cleanroom basics."),
    ("ASP", "aseptic-preparation", "Aseptic preparation", "Aseptic preparation."),
    ("MAN", "manufacturing", "Manufacturing", "Sterile and non-sterile manufacturing."),
    (
        "RAD",
        "radiopharmacy",
        "Radiopharmacy",
        "Radiopharmaceutical preparation and QC.",
    ),
    (
        "QA",
        "quality-assurance",
        "Quality assurance",
        "Deviations, change control, audit.",
    ),
    (
        "QC",
        "quality-control",
        "Quality control",
        "Environmental, microbiological, chemical QC.",
    ),
    ("EDU", "education", "Education", "Train the trainer: assessors and mentors."),
]

B8A = Band.BAND_8A.value
# code, title, area code, bands, requirement kinds (K, W, P), revalidation
# (kind, months, initial passes, note)
COMPETENCIES = [
    ("COR-01", "GMP and the pharmaceutical quality system (MHRA-licensed units and Section 10 units)", "COR", (2, 5), "K", ("every", 12, None, "Local policy")),
    ("COR-02", "Good documentation practice and data integrity (ALCOA+)", "COR", (2, 6), "K", ("every", 12, None, "Local policy")),
    ("COR-03", "Cleanroom grades A to D, airflow and pressure cascades", "COR", (2, 4), "K", ("none", None, None, "")),
    ("ASP-01", "Cleanroom behaviour, hygiene, entry and exit", "ASP", (2, 4), "W", ("none", None, None, "")),
    ("ASP-02", "Aseptic gowning qualification (visual and microbial)", "ASP", (2, 6), "P", ("every", 12, None, "EU GMP Annex 1: at least annually")),
    ("ASP-03", "Hand hygiene and glove disinfection", "ASP", (2, 4), "W", ("none", None, None, "")),
    ("ASP-04", "Cleaning and disinfection of cleanrooms, cabinets and isolators", "ASP", (2, 4), "W", ("every", 12, None, "Local policy")),
    ("ASP-05", "Transfer disinfection of materials into the critical zone", "ASP", (2, 4), "W", ("none", None, None, "")),
    ("ASP-06", "Isolator and laminar airflow cabinet operation; glove integrity checks", "ASP", (3, 5), "W", ("none", None, None, "")),
    ("ASP-07", "Aseptic manipulation: vials, ampoules, bags and syringes", "ASP", (2, 4), "W", ("none", None, None, "")),
    ("ASP-08", "Operator broth transfer validation", "ASP", (2, 6), "P", ("initial_then_every", 6, 3, "Annex 1 process simulation rule; check local QAAPS policy")),
    ("ASP-09", "Finger dabs, personnel monitoring and trend response", "ASP", (2, 5), "KP", ("none", None, None, "Results each session; an adverse trend suspends ASP-08")),
    ("ASP-10", "Worksheets, labels and batch manufacturing records", "ASP", (2, 4), "W", ("none", None, None, "")),
    ("ASP-11", "Cytotoxic and hazardous drug handling, COSHH and spills", "ASP", (2, 5), "KW", ("every", 12, None, "Local policy")),
    ("ASP-12", "Parenteral nutrition compounding", "ASP", (3, 5), "W", ("none", None, None, "")),
    ("ASP-13", "CIVAS and monoclonal antibody preparation", "ASP", (3, 5), "W", ("none", None, None, "")),
    ("ASP-14", "Pre- and in-process checking (accredited checker)", "ASP", (4, 5), "W", ("none", None, None, "Lapses after a long absence or change of employer")),
    ("ASP-15", "Product approval (release) under Section 10", "ASP", (5, 7), "W", ("none", None, None, "Per national framework")),
    ("MAN-01", "Non-sterile manufacturing: weighing, mixing, filling, line clearance, reconciliation", "MAN", (2, 5), "W", ("none", None, None, "")),
    ("MAN-02", "Sterile manufacturing: terminal sterilisation, filtration, filter integrity", "MAN", (4, 6), "KW", ("none", None, None, "")),
    ("RAD-01", "Technetium-99m generator elution and kit preparation", "RAD", (3, 6), "W", ("none", None, None, "Also needs a current ASP-08")),
    ("RAD-02", "Radiopharmaceutical QC: Mo-99 breakthrough, radiochemical purity, calibrator QC", "RAD", (4, 7), "W", ("none", None, None, "")),
    ("RAD-03", "Radiation protection and local rules", "RAD", (2, 7), "K", ("every", 12, None, "Local policy")),
    ("QC-01", "Environmental monitoring: settle and contact plates, active air, particles; alert and action limits", "QC", (3, 6), "KW", ("none", None, None, "")),
    ("QC-02", "Microbiology QC: enumeration and identification, sterility, endotoxin", "QC", (4, 6), "W", ("none", None, None, "")),
    ("QC-03", "Chemical QC: starting materials, packaging, finished product, stability", "QC", (4, 7), "W", ("none", None, None, "")),
    ("QA-01", "Deviations, incidents, out-of-specification investigation and CAPA", "QA", (4, 7), "KW", ("none", None, None, "")),
    ("QA-02", "Change control, qualification and validation (IQ/OQ/PQ)", "QA", (6, B8A), "K", ("none", None, None, "")),
    ("QA-03", "Self-inspection and audit readiness (QAAPS audits, MHRA inspection)", "QA", (6, B8A), "KW", ("none", None, None, "")),
    ("EDU-01", "Train the trainer: workplace assessor and mentor", "EDU", (5, B8A), "KW", ("every", 36, None, "Local policy")),
]  # fmt: skip

ORGANISATIONS = [
    ("RBS", "Northshire Teaching Hospitals NHS Foundation Trust", UnitType.MHRA_LICENSED, "North West"),
    ("RWX", "Eastfield and District Hospitals NHS Trust", UnitType.SECTION_10, "North West"),
    ("RYQ", "Southvale University Hospitals NHS Trust", UnitType.SECTION_10, "South East"),
]  # fmt: skip


@dataclass(frozen=True)
class DemoAccount:
    email: str
    full_name: str
    role: str | None
    organisation: str | None
    band: int | None
    job_title: str
    superuser: bool = False


ACCOUNTS = [
    DemoAccount("trainee@academy.example", "Priya Shah", "Trainee", "RBS", 3, "Senior assistant technical officer (aseptic services)"),
    DemoAccount("trainee2@academy.example", "Tom Okafor", "Trainee", "RWX", 4, "Pharmacy technician (aseptic services)"),
    DemoAccount("trainer@academy.example", "Grace Lee", "Trainer", "RBS", 6, "Specialist technician, aseptic services"),
    DemoAccount("mentor@academy.example", "Sam Patel", "Mentor", "RYQ", 7, "Principal technician, quality assurance"),
    DemoAccount("lead@academy.example", "Helen Morris", "Training lead", "RBS", 7, "Aseptic services manager"),
    DemoAccount("lead2@academy.example", "Daniel Evans", "Training lead", "RYQ", 7, "Pharmacy technical services manager"),
    DemoAccount("editor@academy.example", "Olu Adeyemi", "TSET editor", None, 7, "TSET education lead"),
    DemoAccount("moderator@academy.example", "Ruth Campbell", "TSET moderator", None, B8A, "TSET chair"),
    DemoAccount("admin@academy.example", "Academy Administrator", None, None, None, "Service administrator", superuser=True),
]  # fmt: skip


@transaction.atomic
def load_framework(*, publisher: User) -> int:
    """Create the specialist areas and every competency of the framework, published."""
    areas = {}
    for order, (code, slug, name, description) in enumerate(AREAS):
        areas[code], _ = SpecialistArea.objects.get_or_create(
            code=code,
            defaults={
                "slug": slug,
                "name": name,
                "description": description,
                "sort_order": order,
            },
        )
    created = 0
    for code, title, area, (low, high), kinds, rule in COMPETENCIES:
        if Competency.objects.filter(code=code).exists():
            continue
        kind, months, passes, note = rule
        competency = Competency(
            code=code,
            title=title,
            area=areas[area],
            band_from=low,
            band_to=high,
            requires_knowledge="K" in kinds,
            requires_workplace_assessment="W" in kinds,
            requires_process_validation="P" in kinds,
            revalidation_kind=RevalidationKind(kind),
            revalidation_months=months,
            initial_passes=passes,
            revalidation_note=note,
            description=f"{title}. Specialist area: {areas[area].name}.",
            live=False,
        )
        competency.save()
        competency.save_revision(user=publisher).publish(user=publisher)
        created += 1
    return created


@transaction.atomic
def load_people() -> list[DemoAccount]:
    """Create the organisations and the demo accounts, each with its role."""
    organisations = {}
    for ods, name, unit_type, region in ORGANISATIONS:
        organisations[ods], _ = Organisation.objects.get_or_create(
            ods_code=ods,
            defaults={"name": name, "unit_type": unit_type, "region": region},
        )
    for account in ACCOUNTS:
        if User.objects.filter(email=account.email).exists():
            continue
        user = User.objects.create_user(
            account.email,
            DEMO_PASSWORD,
            full_name=account.full_name,
            job_title=account.job_title,
            band=account.band,
            organisation=organisations.get(account.organisation),
            is_staff=account.superuser,
            is_superuser=account.superuser,
        )
        if account.role:
            user.groups.add(Group.objects.get(name=account.role))
    return ACCOUNTS


@transaction.atomic
def submit_demo_competency_change(*, editor: User) -> None:
    """Leave one competency change waiting in TSET review, so moderators see the workflow."""
    competency = Competency.objects.get(code="COR-02")
    if competency.has_unpublished_changes or competency.workflow_in_progress:
        return
    competency.description = (
        "Good documentation practice and data integrity. Records are attributable, "
        "legible, contemporaneous, original and accurate (ALCOA), and also complete, "
        "consistent, enduring and available (ALCOA+)."
    )
    competency.save_revision(user=editor)
    Workflow.objects.get(name="TSET review").start(competency, editor)
