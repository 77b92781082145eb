"""Scale step: organisations in the network, their trainers and their trainees."""

from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone

from academy.models import Band, Organisation, UnitType, User

from .bulk import insert_rows
from .plan import ScalePlan

EMAIL_DOMAIN = "scale.example"
REGIONS = ["North West", "North East", "Midlands", "London", "South West", "East"]
TRAINEE_BANDS = [Band.BAND_2, Band.BAND_3, Band.BAND_4, Band.BAND_5]


def scale_people():
    """Everyone the generator created (their e-mail addresses are on a reserved
    domain, so a second run can tell a scale dataset is already there)."""
    return User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")


def scale_trainees():
    return scale_people().filter(email__startswith="trainee").order_by("email")


def scale_trainers():
    return scale_people().filter(email__startswith="trainer").order_by("email")


def create_organisations(plan: ScalePlan) -> int:
    """NHS trusts and units of the network, MHRA-licensed and Section 10 in turn."""
    return len(
        Organisation.objects.bulk_create(
            Organisation(
                name=f"Scale NHS Trust {number}",
                ods_code=f"SC{number:03d}",
                unit_type=(UnitType.MHRA_LICENSED, UnitType.SECTION_10)[number % 2],
                region=REGIONS[number % len(REGIONS)],
            )
            for number in range(1, plan.organisations + 1)
        )
    )


def create_people(plan: ScalePlan) -> int:
    """Trainers (Band 6) and trainees (Bands 2 to 5), spread evenly over the
    organisations, in the Trainer and Trainee groups; nobody can sign in with a
    password (benchmarks open sessions directly)."""
    organisations = list(
        Organisation.objects.filter(ods_code__startswith="SC")
        .order_by("ods_code")
        .values_list("pk", flat=True)
    )
    password = make_password(None)
    joined = timezone.now()
    fields = (
        "email", "full_name", "job_title", "band", "organisation_id", "password",
        "is_superuser", "is_staff", "is_active", "date_joined", "registration_number",
    )  # fmt: skip

    def person(email, name, title, band, number):
        organisation = organisations[number % len(organisations)]
        # Joined over the last two years, so the dashboards' staff trend has a past.
        return (email, name, title, band, organisation, password,
                False, False, True, joined - timedelta(days=(number * 7) % 730),
                "")  # fmt: skip

    rows = [
        person(f"trainer{n:05d}@{EMAIL_DOMAIN}", f"Trainer {n}",
               "Specialist technician (trainer)", Band.BAND_6, n)
        for n in range(plan.trainers)
    ] + [
        person(f"trainee{n:06d}@{EMAIL_DOMAIN}", f"Trainee {n}",
               "Pharmacy technician", TRAINEE_BANDS[n % len(TRAINEE_BANDS)], n)
        for n in range(plan.trainees)
    ]  # fmt: skip
    created = insert_rows(User, fields=fields, rows=rows)
    membership = User.groups.through
    for group, people in (("Trainer", scale_trainers()), ("Trainee", scale_trainees())):
        group_id = Group.objects.get(name=group).pk
        insert_rows(
            membership,
            fields=("user_id", "group_id"),
            rows=((pk, group_id) for pk in people.values_list("pk", flat=True)),
        )
    return created
