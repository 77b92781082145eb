"""Demo revalidation portfolio: Priya Shah's GPhC registration number and her
revalidation year, closing 75 days after the load, with 3 of its 4 CPD records
completed (two planned, one unplanned), a fourth planned and in progress, and her
peer discussion; her reflective account is still to write, against the GPhC's
standards for pharmacy professionals (loaded as the year's standards).

Running it twice creates nothing new: the standards are found by code, and a person
who already has a revalidation year is left as they are.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from academy.models import User
from revalidation import services
from revalidation.models import RevalidationStandard, RevalidationYear

PERSON = "trainee@academy.example"
REGISTRATION_NUMBER = "5087342"
DAYS_TO_RENEWAL = 75

STANDARDS = (
    ("Standard 1", "Pharmacy professionals must provide person-centred care"),
    ("Standard 2", "Pharmacy professionals must work in partnership with others"),
    ("Standard 3", "Pharmacy professionals must communicate effectively"),
    (
        "Standard 4",
        "Pharmacy professionals must maintain, develop and use their professional "
        "knowledge and skills",
    ),
    ("Standard 5", "Pharmacy professionals must use their professional judgement"),
    ("Standard 6", "Pharmacy professionals must behave in a professional manner"),
    (
        "Standard 7",
        "Pharmacy professionals must respect and maintain the person's "
        "confidentiality and privacy",
    ),
    ("Standard 8", "Pharmacy professionals must speak up when things go wrong"),
    ("Standard 9", "Pharmacy professionals must demonstrate leadership"),
)

# (days ago planned or started, days ago learned, kind, what, why, how, benefit)
COMPLETED = (
    (
        230,
        200,
        "planned",
        "Refresher on aseptic non-touch technique and finger dab sampling.",
        "My finger dab results were close to the action limit twice last quarter.",
        "A morning with the QA microbiologist, then observed sessions in the "
        "isolator with Grace Lee.",
        "My last six finger dabs have had no growth, so the chemotherapy doses I "
        "prepare carry less risk of contamination for patients on the oncology ward.",
    ),
    (
        160,
        120,
        "planned",
        "Learn the new electronic batch record system before it goes live.",
        "I will be one of the unit's first users and will help train others.",
        "The supplier's e-learning and two supervised shifts on the test system.",
        "Fewer transcription steps mean fewer chances of a dose reaching a patient "
        "with the wrong label; I now check the electronic record at each stage.",
    ),
    (
        90,
        90,
        "unplanned",
        "What I learned from a labelling near miss on a paediatric syringe.",
        "",
        "Took part in the incident review and read the trust's guidance on "
        "paediatric labels.",
        "I now read back the patient's weight and dose at the final check, so a "
        "mislabelled syringe is stopped before it reaches a child.",
    ),
)
IN_PROGRESS = (
    20,
    "Introduction to radiopharmacy: dispensing technetium-99m kits.",
    "I am to rotate to the radiopharmacy unit next quarter.",
)


@transaction.atomic
def load() -> str:
    """Priya's registration number and revalidation year, once."""
    for order, (code, title) in enumerate(STANDARDS):
        RevalidationStandard.objects.get_or_create(
            code=code,
            applies_until=None,
            defaults={
                "title": title,
                "applies_from": timezone.localdate() - timedelta(days=365 + order),
            },
        )
    person = User.objects.get(email=PERSON)
    if not person.registration_number:
        person.registration_number = REGISTRATION_NUMBER
        person.save(update_fields=["registration_number"])
    if RevalidationYear.objects.filter(person=person).exists():
        return "Revalidation: Priya Shah's year already loaded."
    now = timezone.now()
    today = timezone.localdate()
    year = services.start_revalidation_year(
        person, renewal_date=today + timedelta(days=DAYS_TO_RENEWAL), today=today
    )
    for started, learned, kind, what, why, how, benefit in COMPLETED:
        at = now - timedelta(days=started)
        if kind == "planned":
            record = services.plan_cpd_record(year, what=what, why_relevant=why, now=at)
        else:
            record = services.start_unplanned_cpd_record(year, what=what, now=at)
        services.save_cpd_record(
            record,
            what=what,
            learned_on=today - timedelta(days=learned),
            how=how,
            benefit=benefit,
            evidence="",
            complete=True,
            now=now - timedelta(days=learned),
        )
    started, what, why = IN_PROGRESS
    services.plan_cpd_record(
        year, what=what, why_relevant=why, now=now - timedelta(days=started)
    )
    services.record_peer_discussion(
        year,
        peer_name="Grace Lee",
        peer_role="Specialist technician, aseptic services",
        discussed_on=today - timedelta(days=45),
        what_changed="We agreed I would lead the morning handover in the unit; I now "
        "brief the team on each day's high-risk doses before work starts.",
        now=now - timedelta(days=45),
    )
    return (
        "Revalidation: Priya Shah's year with 3 of 4 CPD records, a planned one in "
        "progress and her peer discussion."
    )
