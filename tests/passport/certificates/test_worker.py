"""Two real Celery worker processes on Redis render the same certificate at once:
exactly one PDF is stored, with one hash, and one render is audited.

Runs on PostgreSQL with TEST_CELERY_BROKER_URL=redis://... (see
tests/academy/test_celery_worker.py); skipped otherwise.
"""

import datetime
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from celery.backends.redis import RedisBackend

from academy.celery import app as celery_app
from academy.models import AuditEvent
from passport.certificates import services as certificate_services
from passport.competences.services import award_competence
from passport.models import Certificate
from passport.tasks import render_certificate
from tests.academy.test_celery_worker import BROKER, services_missing
from tests.factories.academy import CompetencyFactory, UserFactory

ROOT = Path(__file__).resolve().parents[3]

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def two_workers(settings, tmp_path):
    reason = services_missing()
    if reason:
        if os.environ.get("ACADEMY_REQUIRE_SERVICES"):
            pytest.fail(reason)
        pytest.skip(reason)
    from django.db import connection

    db = connection.settings_dict
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "academy.settings.test",
        "DATABASE_URL": (
            f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "TEST_CELERY_BROKER_URL": BROKER,
        "CELERY_RESULT_BACKEND": BROKER,
        "PRIVATE_STORAGE_ROOT": str(settings.PRIVATE_STORAGE_ROOT),
    }
    queue = f"academy-certificates-{os.getpid()}"
    workers = [
        subprocess.Popen(
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
                f"--hostname=certificates{n}@%h",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=ROOT,
            env=env,
        )
        for n in range(2)
    ]
    keys = ("task_always_eager", "broker_url", "result_backend")
    previous = {key: celery_app.conf[key] for key in keys}
    celery_app.conf.update(
        task_always_eager=False, broker_url=BROKER, result_backend=BROKER
    )
    try:
        yield queue
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
        celery_app.conf.update(previous)


def test_the_task_sent_twice_at_once_stores_one_file_with_one_hash(
    two_workers, monkeypatch, settings
):
    # The award's own after-commit render is left out: both renders come from here.
    monkeypatch.setattr(certificate_services, "render_after_commit", lambda c: None)
    event = award_competence(
        holder=UserFactory(),
        competency=CompetencyFactory(),
        achieved_on=datetime.date(2026, 1, 31),
        evidence={},
        awarded_by=None,
    )
    certificate = event.certificate

    with celery_app.connection_for_write(BROKER) as connection_to_redis:
        sent = [
            render_certificate.apply_async(
                args=[certificate.pk],
                queue=two_workers,
                connection=connection_to_redis,
                ignore_result=False,
            )
            for _ in range(2)
        ]
    backend = RedisBackend(app=celery_app, url=BROKER)
    hashes = {
        celery_app.AsyncResult(s.id, backend=backend).get(timeout=90) for s in sent
    }

    certificate = Certificate.objects.get(pk=certificate.pk)
    files = [p for p in Path(settings.PRIVATE_STORAGE_ROOT).rglob("*") if p.is_file()]
    assert hashes == {certificate.sha256}
    assert [p.name for p in files] == [f"{certificate.number}.pdf"]
    assert hashlib.sha256(files[0].read_bytes()).hexdigest() == certificate.sha256
    assert (
        AuditEvent.objects.filter(action="passport.certificate_rendered").count() == 1
    )
