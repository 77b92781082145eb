"""Real processes for the fault tests: a private redis-server that tests may stop and
restart, Celery workers on it that read the PostgreSQL test database, and a national
passport stand-in.

Runs when the suite runs on PostgreSQL (DATABASE_URL) with the redis-server binary
installed; skipped otherwise, and failed instead under ACADEMY_REQUIRE_SERVICES=1.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
import redis
from django.db import connection

from academy.celery import app as celery_app
from academy.tasks import verify_audit_chain
from tests.assessments.conftest import workplace  # noqa: F401 - shared fixture
from tests.passport.feed.test_services import SECRET, Receiver

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = shutil.which("redis-server")
# The queue of the worker that test_faults kills; the steady worker takes the rest.
VICTIM_QUEUE = "academy-faults-victim"


def faults_unsupported() -> str:
    if connection.vendor != "postgresql":
        return "needs PostgreSQL (the workers must share the test database)"
    if REDIS_SERVER is None:
        return "needs the redis-server binary (a private Redis the tests stop)"
    return ""


def wait_until(condition: Callable[[], object], *, what: str, timeout: float = 90):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"Gave up after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis:
    """A redis-server of our own on a free port, without persistence: stopping it
    loses every queued message, the worst case of a broker outage."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port", str(self.port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no",
                "--dir", str(self.directory),
                "--logfile", str(self.directory / "redis.log"),
            ],
        )  # fmt: skip
        wait_until(self.answers, what="redis-server to answer", timeout=10)

    def answers(self) -> bool:
        try:
            return self.client().ping()
        except redis.ConnectionError:
            return False

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url, socket_connect_timeout=1)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


class Worker:
    """One Celery worker process (solo pool, so one task at a time)."""

    def __init__(self, name: str, *, queues: list[str], env: dict[str, str]):
        self.hostname = f"{name}-{os.getpid()}@127.0.0.1"
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "-A", "academy", "worker",
                "--pool=solo", "--loglevel=WARNING", f"--hostname={self.hostname}",
                f"--queues={','.join(queues)}",
                "--without-heartbeat", "--without-gossip", "--without-mingle",
            ],
            cwd=ROOT,
            env=env,
        )  # fmt: skip

    def kill(self) -> None:
        """SIGKILL: no warm shutdown, no acknowledgement, no rollback by the worker."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def tasks_run(self) -> Counter:
        """How many tasks of each name this worker has started, by remote control."""
        replies = celery_app.control.inspect(
            destination=[self.hostname], timeout=5
        ).stats()
        assert replies, f"{self.hostname} did not answer"
        return Counter(replies[self.hostname]["total"])


def forget_broker_connections() -> None:
    """Drop the Celery app's pooled connections and cached result backend, which were
    made for the broker it was pointed at before."""
    if celery_app._pool is not None:
        celery_app._pool.force_close_all()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    vars(celery_app._local).pop("backend", None)


def drain() -> None:
    """Wait until the steady worker has run every task queued before this call: one
    queue and one solo worker, so first in, first out."""
    verify_audit_chain.apply_async(ignore_result=False).get(timeout=90)


@pytest.fixture(scope="module")
def fault_services(django_db_setup, tmp_path_factory):
    reason = faults_unsupported()
    if reason:
        if os.environ.get("ACADEMY_REQUIRE_SERVICES"):
            pytest.fail(reason)
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("faults")
    broker = PrivateRedis(root)
    broker.start()
    receiver = Receiver()
    storage = root / "private"
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "academy.settings.test",
        "DATABASE_URL": (
            f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "TEST_CELERY_BROKER_URL": broker.url,
        "TEST_CELERY_EAGER": "0",
        "CELERY_RESULT_BACKEND": broker.url,
        "PRIVATE_STORAGE_ROOT": str(storage),
        "PASSPORT_FEED_URL": receiver.url,
        "PASSPORT_FEED_SECRET": SECRET,
    }
    # Both boot at once (about ten seconds each on a busy machine).
    workers = SimpleNamespace(
        steady=Worker("steady", queues=["celery"], env=env),
        victim=Worker("victim", queues=[VICTIM_QUEUE], env=env),
    )
    keys = ("task_always_eager", "broker_url", "result_backend")
    previous = {key: celery_app.conf[key] for key in keys}
    celery_app.conf.update(
        task_always_eager=False, broker_url=broker.url, result_backend=broker.url
    )
    forget_broker_connections()
    try:
        yield SimpleNamespace(
            broker=broker,
            receiver=receiver,
            storage=storage,
            env=env,
            steady=workers.steady,
            victim=workers.victim,
        )
    finally:
        for worker in (workers.steady, workers.victim):
            worker.stop()
        celery_app.conf.update(previous)
        forget_broker_connections()
        receiver.close()
        broker.stop()


@pytest.fixture
def faults(fault_services, settings):
    """The module's services, with the files and feed requests of earlier tests
    cleared and this process's settings matching the workers'."""
    shutil.rmtree(fault_services.storage, ignore_errors=True)
    fault_services.receiver.requests.clear()
    settings.PRIVATE_STORAGE_ROOT = fault_services.storage
    settings.PASSPORT_FEED_URL = fault_services.receiver.url
    settings.PASSPORT_FEED_SECRET = SECRET
    return fault_services
