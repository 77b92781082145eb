"""A real task through Redis to a Celery worker that this test starts.

Runs when the suite runs on PostgreSQL with TEST_CELERY_BROKER_URL pointing at Redis (the
test command does this when both answer); the worker reads the same test database.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from celery.backends.redis import RedisBackend
from django.db import connection

from academy.celery import app as celery_app
from academy.services import record_audit_event
from academy.tasks import verify_audit_chain

ROOT = Path(__file__).resolve().parents[2]
BROKER = os.environ.get("TEST_CELERY_BROKER_URL", "")

# The worker must see committed rows; serialized rollback restores the migrations'
# data afterwards, like the browser journeys, so later tests find it intact.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def services_missing() -> str:
    if connection.vendor != "postgresql":
        return "needs PostgreSQL (the worker must share the test database)"
    if not BROKER.startswith("redis://"):
        return "needs TEST_CELERY_BROKER_URL=redis://..."
    return ""


@pytest.fixture
def celery_worker_on_redis():
    reason = services_missing()
    if reason:
        if os.environ.get("ACADEMY_REQUIRE_SERVICES"):
            pytest.fail(reason)
        pytest.skip(reason)
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "academy.settings.test",
        "DATABASE_URL": database_url,
        "TEST_CELERY_BROKER_URL": BROKER,
        "CELERY_RESULT_BACKEND": BROKER,
    }
    queue = f"academy-test-{os.getpid()}"
    worker = subprocess.Popen(
        [
            sys.executable, "-m", "celery", "-A", "academy", "worker",
            "--pool=solo", "--concurrency=1", "--loglevel=WARNING",
            f"--queues={queue}", "--without-heartbeat", "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT, env=env,
    )  # fmt: skip
    keys = ("task_always_eager", "broker_url", "result_backend")
    previous = {key: celery_app.conf[key] for key in keys}
    celery_app.conf.update(
        task_always_eager=False, broker_url=BROKER, result_backend=BROKER
    )
    try:
        yield queue
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        celery_app.conf.update(previous)


def test_a_task_runs_on_a_real_worker_and_reads_the_database(celery_worker_on_redis):
    for n in range(3):
        record_audit_event("test_event", actor_name="(system)", details={"n": n})

    # Explicit connection and result backend: earlier eager tests may have cached
    # the app's in-memory ones.
    with celery_app.connection_for_write(BROKER) as connection_to_redis:
        sent = verify_audit_chain.apply_async(
            queue=celery_worker_on_redis,
            connection=connection_to_redis,
            ignore_result=False,
        )
    backend = RedisBackend(app=celery_app, url=BROKER)
    outcome = celery_app.AsyncResult(sent.id, backend=backend).get(timeout=60)

    assert outcome["ok"] is True
    assert outcome["checked"] == 3
    assert outcome["worker_pid"] != os.getpid()
