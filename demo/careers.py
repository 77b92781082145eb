"""Demo career pages: the roles of five specialist areas, band by band, and how people
train for them. Published directly by the demo moderator; running it twice creates
nothing new (pages are found by slug under their parent, or by their area)."""

from django.db import transaction
from wagtail.models import Site

from academy.models import SpecialistArea, User
from careers.models import CareerAreaPage, CareerRole, CareersIndexPage

MODERATOR = "moderator@academy.example"

PTPT = (
    "Pre-registration trainee pharmacy technician: two years of paid training on "
    "the ST0300 Pharmacy technician (integrated) apprenticeship or a GPhC-accredited "
    "course, then registration with the GPhC."
)
SMT = (
    "ST1406 Science manufacturing technician apprenticeship, or join as an "
    "assistant with GCSEs in English, maths and science and train in post."
)
SENIOR = (
    "Experience as a registered pharmacy technician, then in-house training and "
    "assessment in the unit; the Academy's accredited checker and product approval "
    "competencies."
)

# slug, area code, title, introduction, roles (band, job title, summary, route)
AREAS = [
    (
        "aseptic-services",
        "ASP",
        "Aseptic services",
        "Aseptic services prepare injectable medicines that cannot be bought ready "
        "to use: chemotherapy, parenteral nutrition for babies and adults, and "
        "antibiotics, made in cleanrooms so that every dose is sterile.",
        [
            (
                2,
                "Assistant technical officer",
                "Prepares materials and cleans the cleanrooms, and once gowning and "
                "broth transfer validations are passed, helps prepare aseptic doses.",
                SMT,
            ),
            (
                3,
                "Senior assistant technical officer",
                "Prepares aseptic products to worksheets, keeps the batch records and "
                "environmental monitoring up to date and helps new staff settle in.",
                SMT,
            ),
            (
                4,
                "Pharmacy technician (aseptic services)",
                "Prepares complex products such as parenteral nutrition and "
                "monoclonal antibodies, and trains to check the work of others.",
                PTPT,
            ),
            (
                5,
                "Senior technician, accredited checker",
                "Checks products before and during preparation, supervises sessions "
                "and investigates deviations.",
                SENIOR,
            ),
            (
                7,
                "Aseptic services manager",
                "Leads the unit: staffing, capacity, quality and the unit's licence or "
                "Section 10 status, and releases products.",
                "Senior technician or pharmacist experience in aseptic services; "
                "leadership training such as the NHS Leadership Academy programmes.",
            ),
        ],
    ),
    (
        "manufacturing",
        "MAN",
        "Manufacturing",
        "Hospital manufacturing units make medicines that industry does not: "
        "special formulations, sterile eye drops, creams and oral liquids, to the "
        "same Good Manufacturing Practice as a pharmaceutical company.",
        [
            (
                2,
                "Manufacturing assistant",
                "Weighs, mixes and fills under supervision, clears production lines "
                "and keeps the equipment clean.",
                SMT,
            ),
            (
                4,
                "Pharmacy technician (manufacturing)",
                "Runs batches from start to finish, writes batch records and trains "
                "in sterile manufacturing: filtration and terminal sterilisation.",
                PTPT,
            ),
            (
                6,
                "Production manager",
                "Plans production, leads the team and makes sure every batch meets "
                "its specification.",
                SENIOR,
            ),
        ],
    ),
    (
        "radiopharmacy",
        "RAD",
        "Radiopharmacy",
        "Radiopharmacies prepare the radioactive medicines used in scans and "
        "treatments in nuclear medicine, often early in the morning so that each "
        "dose is ready for its patient.",
        [
            (
                3,
                "Radiopharmacy assistant",
                "Prepares materials, monitors the rooms for radiation and "
                "contamination and helps with deliveries and records.",
                SMT,
            ),
            (
                5,
                "Senior radiopharmacy technician",
                "Elutes technetium generators, prepares kits and checks their "
                "quality before the doses go to nuclear medicine.",
                "Registered pharmacy technician (ST0300 Pharmacy technician "
                "(integrated) or an accredited course), then radiation protection "
                "and radiopharmacy training in post.",
            ),
            (
                7,
                "Principal radiopharmacy technician",
                "Leads the radiopharmacy's quality system, trains staff and works "
                "with medical physics on radiation protection.",
                SENIOR,
            ),
        ],
    ),
    (
        "quality-assurance",
        "QA",
        "Quality assurance",
        "Quality assurance makes sure medicines prepared in hospital are safe: it "
        "runs the quality system, investigates what goes wrong and audits the "
        "units that make medicines.",
        [
            (
                4,
                "Quality assurance technician",
                "Reviews batch records, logs deviations and change controls and "
                "helps prepare for inspections.",
                PTPT,
            ),
            (
                6,
                "Senior quality assurance technician",
                "Investigates deviations and complaints, runs self-inspections and "
                "writes the unit's procedures.",
                SENIOR,
            ),
            (
                81,
                "Quality assurance lead",
                "Leads quality assurance across a region's units and advises on "
                "licensing, audit and inspection.",
                "Postgraduate qualification in pharmaceutical technology and quality "
                "assurance, with senior QA experience.",
            ),
        ],
    ),
    (
        "quality-control",
        "QC",
        "Quality control",
        "Quality control laboratories test medicines and the rooms they are made "
        "in, so that nothing reaches a patient until it has passed its tests.",
        [
            (
                2,
                "Laboratory assistant",
                "Takes environmental monitoring samples, prepares media and keeps "
                "the laboratory's records.",
                "Laboratory technician apprenticeship (level 3), or join with GCSEs "
                "in English, maths and science and train in post.",
            ),
            (
                5,
                "Senior quality control technician",
                "Runs microbiological and chemical tests, reviews results against "
                "specifications and reports trends.",
                "Science degree or registered pharmacy technician (ST0300), then "
                "laboratory training in post.",
            ),
            (
                7,
                "Quality control manager",
                "Leads the laboratory, signs off test results and makes sure the "
                "methods are validated.",
                SENIOR,
            ),
        ],
    ),
]


def _publish(parent, page, *, moderator: User):
    parent.add_child(instance=page)
    page.save_revision(user=moderator).publish(user=moderator)
    return page


@transaction.atomic
def load() -> str:
    """Publish the careers index and the demo's area pages; a one-line summary."""
    moderator = User.objects.get(email=MODERATOR)
    home = Site.objects.get(is_default_site=True).root_page.specific
    created = 0
    index = CareersIndexPage.objects.child_of(home).first()
    if index is None:
        index = _publish(
            home,
            CareersIndexPage(
                title="Careers in pharmacy technical services",
                slug="careers",
                live=False,
                introduction="Technical services make and check the medicines "
                "hospitals cannot buy. Find a role for you, from your first job "
                "to leading a unit, and how to train for it.",
            ),
            moderator=moderator,
        )
        created += 1
    areas = {area.code: area for area in SpecialistArea.objects.all()}
    for slug, code, title, introduction, roles in AREAS:
        area = areas.get(code)
        if area is None or CareerAreaPage.objects.filter(area=area).exists():
            continue
        page = CareerAreaPage(
            title=title,
            slug=slug,
            area=area,
            introduction=introduction,
            live=False,
        )
        page.roles = [
            CareerRole(
                band=band,
                job_title=job_title,
                summary=summary,
                training_route=route,
                sort_order=order,
            )
            for order, (band, job_title, summary, route) in enumerate(roles)
        ]
        _publish(index, page, moderator=moderator)
        created += 1
    return f"Careers: {created} pages published."
