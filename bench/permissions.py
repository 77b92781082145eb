"""Permission checks at scale: guardian's direct-foreign-key tables against the
relational query on supervisions that they mirror.

Not part of the test suite. Run against a throwaway PostgreSQL database (created if
missing, rebuilt on every run;
BENCH_REUSE=1 measures again without reloading):

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/academy_bench_permissions \\
        .venv/bin/python bench/permissions.py

It loads 10,000 people, 2,000 of them trainers each supervising 100 trainees
(200,000 supervisions and 200,000 object permissions), then prints a Markdown table
of per-check and per-list timings for docs/performance.md.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL",
    "postgres://postgres@127.0.0.1:5432/academy_bench_permissions",
)
PEOPLE = 10_000
TRAINERS = 2_000
TRAINEES_EACH = 100
SAMPLES = 500


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
    from django.contrib.auth.models import Permission
    from django.utils import timezone

    from academy.models import Organisation, User
    from trainers.models import Supervision, TraineeRecord, TraineeRecordUserPermission

    organisation = Organisation.objects.create(
        name="Bench Trust", ods_code="BEN", unit_type="s10", region="North West"
    )
    users = User.objects.bulk_create(
        User(email=f"person{i}@bench.example", full_name=f"Person {i}",
             organisation=organisation)
        for i in range(PEOPLE)
    )  # fmt: skip
    trainers, trainees = users[:TRAINERS], users[TRAINERS:]
    records = TraineeRecord.objects.bulk_create(
        TraineeRecord(trainee=trainee) for trainee in trainees
    )
    view = Permission.objects.get(codename="view_trainee_record")
    today = timezone.localdate()
    rng = random.Random(5)
    supervisions, grants = [], []
    for trainer in trainers:
        for index in rng.sample(range(len(trainees)), TRAINEES_EACH):
            supervisions.append(
                Supervision(trainer=trainer, trainee=trainees[index], starts_on=today,
                            assigned_by=trainer)
            )  # fmt: skip
            grants.append(
                TraineeRecordUserPermission(
                    user=trainer, permission=view, content_object=records[index]
                )
            )
    Supervision.objects.bulk_create(supervisions, batch_size=10_000)
    TraineeRecordUserPermission.objects.bulk_create(grants, batch_size=10_000)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def per_call(function, samples) -> float:
    """Median microseconds per call."""
    timings = []
    for sample in samples:
        start = time.perf_counter()
        function(sample)
        timings.append((time.perf_counter() - start) * 1_000_000)
    return statistics.median(timings)


def measure() -> list[tuple[str, float]]:
    from guardian.core import ObjectPermissionChecker
    from guardian.shortcuts import get_objects_for_user

    from academy.models import User
    from trainers.models import TraineeRecord, TraineeRecordUserPermission
    from trainers.permissions import current_supervisions, trainees_for_trainer

    rng = random.Random(7)
    trainers = list(User.objects.filter(supervising__isnull=False).distinct()[:200])
    pairs = []
    for trainer in rng.sample(trainers, 50):
        granted = TraineeRecordUserPermission.objects.filter(
            user=trainer
        ).select_related("content_object")[:5]
        pairs += [(trainer, grant.content_object) for grant in granted]
    pairs = (pairs * (SAMPLES // len(pairs) + 1))[:SAMPLES]

    def cold_has_perm(pair):
        trainer, record = pair
        assert ObjectPermissionChecker(trainer).has_perm("view_trainee_record", record)

    def relational_exists(pair):
        trainer, record = pair
        assert (
            current_supervisions()
            .filter(trainer=trainer, trainee_id=record.trainee_id)
            .exists()
        )

    def prefetched_per_object(trainer):
        records = list(
            TraineeRecord.objects.filter(trainee__supervisions__trainer=trainer)
        )
        start = time.perf_counter()
        checker = ObjectPermissionChecker(trainer)
        checker.prefetch_perms(records)
        for record in records:
            assert checker.has_perm("view_trainee_record", record)
        return (time.perf_counter() - start) * 1_000_000 / len(records)

    def guardian_list(trainer):
        return len(
            get_objects_for_user(
                trainer, "trainers.view_trainee_record", klass=TraineeRecord,
                use_groups=False, with_superuser=False, accept_global_perms=False,
            )
        )  # fmt: skip

    def relational_records(trainer):
        supervised = current_supervisions().filter(trainer=trainer).values("trainee")
        return len(TraineeRecord.objects.filter(trainee__in=supervised))

    def relational_list(trainer):
        return len(trainees_for_trainer(trainer))

    sample_trainers = rng.sample(trainers, 50)
    prefetched = statistics.median(prefetched_per_object(t) for t in sample_trainers)
    return [
        ("Single check, cold `has_perm` (direct-FK guardian)", per_call(cold_has_perm, pairs)),
        ("Single check, relational `current_supervisions().exists()`", per_call(relational_exists, pairs)),
        ("Per object after `prefetch_perms` of a trainer's 100 records", prefetched),
        ("List of 100 trainees, `get_objects_for_user` (use_groups=False)", per_call(guardian_list, sample_trainers)),
        ("List of 100 records, relational (same rows as guardian)", per_call(relational_records, sample_trainers)),
        ("List of 100 trainees with organisation, `trainees_for_trainer`", per_call(relational_list, sample_trainers)),
    ]  # fmt: skip


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

    print(f"PostgreSQL {connection.pg_version}; loaded in {loaded:.0f} s")
    print(f"{PEOPLE:,} people, {TRAINERS * TRAINEES_EACH:,} object permissions\n")
    print("| Check | Median time |")
    print("|---|---|")
    for label, microseconds in measure():
        shown = (
            f"{microseconds / 1000:.2f} ms"
            if microseconds >= 1000
            else f"{microseconds:.0f} µs"
        )
        print(f"| {label} | {shown} |")


if __name__ == "__main__":
    main()
