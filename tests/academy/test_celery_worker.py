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


def verify_on_worker(queue: str) -> dict:
    # Explicit connection and result backend: earlier eager tests may have cached
    # the app's in-memory ones.
    with celery_app.connection_for_write(BROKER) as connection_to_redis:
        sent = verify_audit_chain.apply_async(
            queue=queue, connection=connection_to_redis, ignore_result=False
        )
    backend = RedisBackend(app=celery_app, url=BROKER)
    return celery_app.AsyncResult(sent.id, backend=backend).get(timeout=60)


def test_a_task_runs_on_a_real_worker_and_reads_the_database(celery_worker_on_redis):
    for n in range(3):
        record_audit_event(
            "academy.user_signed_in", actor_name="(system)", details={"n": n}
        )

    outcome = verify_on_worker(celery_worker_on_redis)

    assert outcome["ok"] is True
    assert outcome["checked"] == 3
    assert outcome["worker_pid"] != os.getpid()


def other_database_sessions() -> set[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, backend_start FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return set(cursor.fetchall())


def test_the_worker_keeps_its_database_connection_between_tasks(
    celery_worker_on_redis,
):
    """Celery would otherwise close it after every task, and opening one costs more
    than a certificate's queries (CELERY_DB_REUSE_MAX)."""
    sessions = []
    for _ in range(3):
        verify_on_worker(celery_worker_on_redis)
        sessions.append(other_database_sessions())

    assert len(sessions[0]) == 1
    assert sessions[0] == sessions[1] == sessions[2]


def test_a_connection_the_server_dropped_is_replaced_before_the_next_task(
    celery_worker_on_redis,
):
    verify_on_worker(celery_worker_on_redis)
    (dropped,) = other_database_sessions()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [dropped[0]])

    outcome = verify_on_worker(celery_worker_on_redis)

    assert outcome["ok"] is True
    assert dropped not in other_database_sessions()
