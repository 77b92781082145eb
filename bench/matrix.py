"""The competence matrix at scale: 1,000 staff of one organisation against 30
competencies, about two thirds of the cells held, in every status.

Not part of the test suite. Run against a throwaway PostgreSQL database (created if
missing, rebuilt on every run; BENCH_REUSE=1 measures again without reloading):

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/academy_bench_matrix \\
        .venv/bin/python bench/matrix.py

It prints a Markdown table of median timings (and query counts) for
docs/performance.md: building the grid, the matrix page as the lead gets it, and the
CSV and XLSX exports.
"""

import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/academy_bench_matrix"
)
STAFF = 1_000
COMPETENCIES = 30
HELD_SHARE = 0.65
RUNS = 15
STATUSES = ["current"] * 6 + ["expiring", "expired", "suspended", "revoked"]


def recreate_database() -> None:
    server, name = DATABASE_URL.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def setup_django() -> None:
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def load() -> None:
    from django.contrib.auth.hashers import make_password
    from django.db import connection
    from django.utils import timezone

    from academy.models import Competency, Organisation, SpecialistArea, User
    from passport.models import Competence
    from trainers.services import appoint_training_lead

    random.seed(7)
    today = timezone.localdate()
    now = timezone.now()
    organisation = Organisation.objects.create(
        name="Benchmark Hospitals NHS Trust",
        ods_code="BEN",
        unit_type="mhra",
        region="North West",
    )
    lead = User.objects.create_user(
        "lead@bench.example", "bench", full_name="Bench Lead", organisation=organisation
    )
    appoint_training_lead(person=lead, organisation=organisation)
    areas = [
        SpecialistArea.objects.create(code=code, name=name, slug=code.lower())
        for code, name in (("COR", "Core"), ("ASP", "Aseptic"), ("QC", "Quality"))
    ]
    competencies = Competency.objects.bulk_create(
        Competency(
            code=f"{areas[n % 3].code}-{n:02d}",
            title=f"Competency {n}",
            area=areas[n % 3],
            band_from=2,
            band_to=6,
            live=True,
        )
        for n in range(COMPETENCIES)
    )
    staff = User.objects.bulk_create(
        User(
            email=f"staff{n}@bench.example",
            full_name=f"Staff member {n:04d}",
            job_title="Pharmacy technician",
            band=random.choice([2, 3, 4, 5, 6]),
            organisation=organisation,
            password=make_password(None),
        )
        for n in range(STAFF - 1)
    )
    Competence.objects.bulk_create(
        Competence(
            holder=person,
            competency=competency,
            status=random.choice(STATUSES),
            first_achieved_on=today - timedelta(days=200),
            achieved_on=today - timedelta(days=200),
            expires_on=today + timedelta(days=random.randint(-60, 400)),
            updated_at=now,
        )
        for person in staff
        for competency in competencies
        if random.random() < HELD_SHARE
    )
    # What autovacuum would do soon after a real import: plan with true row counts.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def timed(call, runs: int = RUNS) -> tuple[float, int]:
    """Median milliseconds of `call`, and the queries of one call (session and header
    queries included for pages)."""
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    call()
    with connection.execute_wrapper(count):
        call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), len(queries)


def measure() -> list[tuple[str, float, int]]:
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from academy.models import Organisation, User
    from passport.matrix.exports import matrix_csv, matrix_xlsx
    from passport.matrix.queries import organisation_matrix

    setup_test_environment()  # the test client's host name is allowed
    organisation = Organisation.objects.get(ods_code="BEN")
    client = Client()
    client.force_login(User.objects.get(email="lead@bench.example"))
    page = reverse("passport:matrix", args=[organisation.pk])
    csv_url = reverse("passport:matrix_export", args=[organisation.pk, "csv"])
    xlsx_url = reverse("passport:matrix_export", args=[organisation.pk, "xlsx"])

    def get(url):
        def call():
            response = client.get(url)
            assert response.status_code == 200

        return call

    return [
        (
            "Build the grid, `organisation_matrix` (1,000 x 30)",
            *timed(lambda: organisation_matrix(organisation=organisation)),
        ),
        (
            "CSV bytes from a built grid, `matrix_csv`",
            *timed(lambda: matrix_csv(organisation_matrix(organisation=organisation))),
        ),
        ("Matrix page, first 100 rows and all counts (GET)", *timed(get(page))),
        (
            "Matrix page filtered to one area and band (GET)",
            *timed(get(f"{page}?area=2&band=4")),
        ),
        ("CSV export of all 1,000 rows (GET)", *timed(get(csv_url))),
        ("XLSX export of all 1,000 rows (GET)", *timed(get(xlsx_url), runs=5)),
        (
            "XLSX bytes from a built grid, `matrix_xlsx`",
            *timed(
                lambda: matrix_xlsx(organisation_matrix(organisation=organisation)),
                runs=5,
            ),
        ),
    ]


def main() -> None:
    reuse = os.environ.get("BENCH_REUSE") == "1"
    if not reuse:
        recreate_database()
    setup_django()
    start = time.perf_counter()
    if not reuse:
        load()
    loaded = time.perf_counter() - start
    from django.db import connection

    from passport.models import Competence

    print(f"PostgreSQL {connection.pg_version}; loaded in {loaded:.0f} s")
    print(f"{STAFF:,} staff x {COMPETENCIES} competencies, ", end="")
    print(f"{Competence.objects.count():,} competences\n")
    print("| Measure | Median time | Queries |")
    print("|---|---|---|")
    for label, milliseconds, queries in measure():
        print(f"| {label} | {milliseconds:.0f} ms | {queries} |")


if __name__ == "__main__":
    main()
