"""Certificate PDFs: render time in one process, and throughput on Celery workers.

Not part of the test suite. Run against a throwaway PostgreSQL database (rebuilt on
every run) and a Redis database of its own:

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/academy_bench_certificates \\
    BENCH_REDIS_URL=redis://127.0.0.1:6379/13 .venv/bin/python bench/certificates.py

It awards 50 + 200 competences (certificates issued, PDFs not yet rendered), times 50
renders and stores in this process, then the same 50 PDFs made again without storing
them (target: median < 60 ms), then sends the other 200 to two
Celery worker processes and measures certificates stored per second (target >= 25).
"""

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL",
    "postgres://postgres@127.0.0.1:5432/academy_bench_certificates",
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
PRIVATE_ROOT = tempfile.mkdtemp(prefix="academy-bench-certificates-")
IN_PROCESS = 50
ON_WORKERS = 200
WORKERS = 2
BENCH_ASSESSOR_PASSWORD = "bench-assessor"  # noqa: S105 - throwaway bench database


def recreate_database() -> None:
    server, name = DATABASE_URL.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def setup_django() -> None:
    os.environ.update(
        DATABASE_URL=DATABASE_URL,
        TEST_CELERY_BROKER_URL=REDIS_URL,
        PRIVATE_STORAGE_ROOT=PRIVATE_ROOT,
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def award_many(count: int) -> list[int]:
    """Award `count` competences; their certificates wait unrendered."""
    import datetime

    from academy.models import (
        Competency,
        Organisation,
        SignatureMeaning,
        SpecialistArea,
        User,
    )
    from academy.signatures import reauthenticate, sign_record
    from passport.certificates import services as certificate_services
    from passport.competences.services import award_competence

    certificate_services.render_after_commit = lambda certificate: None
    organisation, _ = Organisation.objects.get_or_create(
        ods_code="BENCH", defaults={"name": "Bench NHS Trust", "unit_type": "mhra"}
    )
    area, _ = SpecialistArea.objects.get_or_create(
        code="BEN", defaults={"name": "Bench area"}
    )
    competency, _ = Competency.objects.get_or_create(
        code="BEN-01",
        defaults={
            "title": "Bench competency",
            "area": area,
            "band_from": 3,
            "band_to": 5,
            "revalidation_kind": "every",
            "revalidation_months": 12,
        },
    )
    assessor, _ = User.objects.get_or_create(
        email="assessor@bench.example",
        defaults={
            "full_name": "Grace Bench-Assessor",
            "organisation": organisation,
            "job_title": "Senior pharmacy technician",
        },
    )
    # The bench assessor signs as a real one does, re-entering a password each time.
    assessor.set_password(BENCH_ASSESSOR_PASSWORD)
    assessor.save(update_fields=["password"])
    ids = []
    for n in range(count):
        holder = User.objects.create_user(
            f"bench{time.monotonic_ns()}-{n}@bench.example",
            full_name=f"Bench Holder {n}",
            organisation=organisation,
            band=4,
        )
        # Signed like a real workplace sign-off, so the certificate prints the
        # assessor's signature block.
        signature = sign_record(
            holder,
            signer=assessor,
            meaning=SignatureMeaning.ASSESSED_COMPETENT,
            role="Workplace assessor",
            content={"bench": n},
            reauthentication=reauthenticate(
                assessor,
                password=BENCH_ASSESSOR_PASSWORD,
                record=holder,
                meaning=SignatureMeaning.ASSESSED_COMPETENT,
            ),
        )
        event = award_competence(
            holder=holder,
            competency=competency,
            achieved_on=datetime.date(2026, 1, 31),
            evidence={},
            awarded_by=assessor,
            signature=signature,
        )
        ids.append(event.certificate.pk)
    return ids


def time_in_process(ids: list[int]) -> tuple[list[float], list[float]]:
    """Wall-clock and this process's CPU milliseconds of each render; on a shared
    machine the CPU time shows the work, the wall time also the waiting for a core."""
    from passport.certificates.services import render_certificate_pdf

    render_certificate_pdf(certificate_id=ids[0])  # fonts and templates warm
    wall, cpu = [], []
    for pk in ids[1:]:
        started, started_cpu = time.perf_counter(), time.process_time()
        render_certificate_pdf(certificate_id=pk)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def time_rendering_only(ids: list[int]) -> list[float]:
    """Milliseconds to make each certificate's PDF (its context, QR code and the
    WeasyPrint render), without the row lock, the file write and the audit event."""
    from passport.certificates.services import CERTIFICATE_TEMPLATE, certificate_context
    from passport.models import Certificate
    from passport.pdf import render_pdf

    certificates = list(
        Certificate.objects.filter(pk__in=ids).select_related(
            "event__competence__holder",
            "event__competence__competency__area",
            "event__signature",
            "event__actor",
        )
    )
    timings = []
    for certificate in certificates:
        started = time.perf_counter()
        render_pdf(CERTIFICATE_TEMPLATE, certificate_context(certificate))
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def wait_for_workers(app, names: list[str], *, deadline: float = 180) -> None:
    """Start the clock when every worker answers, not after a guessed sleep: on a
    loaded machine start-up alone can take longer than the 200 renders."""
    give_up = time.monotonic() + deadline
    while time.monotonic() < give_up:
        if len(app.control.ping(destination=names, timeout=1.0)) >= len(names):
            return
    raise RuntimeError(f"workers {names} did not answer in {deadline:.0f} s")


def throughput_on_workers(ids: list[int]) -> float:
    from academy.celery import app
    from passport.models import Certificate
    from passport.tasks import render_certificate

    app.conf.update(task_always_eager=False, broker_url=REDIS_URL)
    queue = f"academy-bench-{os.getpid()}"
    env = {**os.environ, "CELERY_RESULT_BACKEND": ""}
    workers = [
        subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "academy",
                "worker",
                "--pool=solo",
                "--loglevel=WARNING",
                f"--queues={queue}",
                f"--hostname=bench{n}@%h",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=ROOT,
            env=env,
        )
        for n in range(WORKERS)
    ]
    try:
        wait_for_workers(
            app, [f"bench{n}@{socket.gethostname()}" for n in range(WORKERS)]
        )
        started = time.perf_counter()
        with app.connection_for_write(REDIS_URL) as connection:
            for pk in ids:
                render_certificate.apply_async(
                    args=[pk], queue=queue, connection=connection
                )
        pending = Certificate.objects.filter(pk__in=ids, sha256="")
        while pending.exists():
            time.sleep(0.05)
        return len(ids) / (time.perf_counter() - started)
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)


def main() -> None:
    recreate_database()
    setup_django()
    in_process = award_many(IN_PROCESS + 1)
    on_workers = award_many(ON_WORKERS)
    timings, cpu = time_in_process(in_process)
    rendering = time_rendering_only(in_process[1:])
    rate = throughput_on_workers(on_workers)
    print(f"Load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("| Measure | Result | Target |")
    print("|---|---|---|")
    print(
        f"| Render and store one certificate, median of {len(timings)} "
        f"| {statistics.median(timings):.0f} ms (p90 "
        f"{statistics.quantiles(timings, n=10)[-1]:.0f} ms; CPU "
        f"{statistics.median(cpu):.0f} ms) | < 60 ms |"
    )
    print(
        f"| Render one certificate's PDF (context, QR code, WeasyPrint), median of "
        f"{len(rendering)} | {statistics.median(rendering):.0f} ms (p90 "
        f"{statistics.quantiles(rendering, n=10)[-1]:.0f} ms) | < 60 ms |"
    )
    print(
        f"| {ON_WORKERS} certificates on {WORKERS} Celery workers (Redis) "
        f"| {rate:.1f} per second | >= 25 per second |"
    )


if __name__ == "__main__":
    main()
