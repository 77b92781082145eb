"""Load held, briefly: trainees taking knowledge assessments at once lose no answer.

Runs `bench/load_assessments.py` (the driver of `make load`) for about half a minute
against the test database: gunicorn with the production settings serves it, locust
drives simulated trainees (each answers every question from the attempt page's own
form, goes through "Check your answers", confirms and reads its score), then the
driver checks every attempt in the database. Needs PostgreSQL (the server shares the
test database); the suite's PostgreSQL run has it.
"""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
TRAINEES = 50
SECONDS = 30

# The server must see committed rows; serialized rollback restores the migrations'
# data afterwards, as for the Celery worker test.
pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def services_missing() -> str:
    if connection.vendor != "postgresql":
        return "needs PostgreSQL (gunicorn serves the test database)"
    return ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_simulated_trainees_get_no_5xx_and_lose_no_answer(tmp_path):
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
    run = subprocess.run(
        [
            sys.executable, str(ROOT / "bench" / "load_assessments.py"),
            f"--users={TRAINEES}", f"--seconds={SECONDS}", "--think=1",
            "--spawn-rate=25", "--workers=2", "--threads=4", "--no-migrate",
            "--fast-sign-in", f"--database-url={database_url}",
            f"--port={free_port()}", f"--results={tmp_path}", "--name=load",
        ],
        cwd=ROOT, capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    report = tmp_path / "load.json"
    assert report.exists(), run.stdout[-3000:] + run.stderr[-3000:]
    outcome = json.loads(report.read_text())
    overall = outcome["summary"]["rows"][-1]
    assert overall["5xx"] == 0, (tmp_path / "load.md").read_text()
    assert overall["failed"] == 0, (tmp_path / "load.md").read_text()
    assert outcome["problems"] == []
    assert outcome["driver_errors"] == []
    assert outcome["submitted"] >= TRAINEES
    assert outcome["answers_checked"] >= TRAINEES * 8
    # Every attempt closed was answered in full, confirmed, and its result read with
    # the score the database holds; guesses score some marks (none at all would mean
    # the options the trainees chose were not the ones marked).
    assert outcome["fully_answered"] == outcome["submitted"]
    assert outcome["results_read"] == outcome["submitted"]
    assert outcome["marks_scored"] > 0
    rows = {row["request"]: row for row in outcome["summary"]["rows"]}
    assert rows["confirm"]["count"] >= TRAINEES
    assert rows["autosave"]["count"] >= TRAINEES * 8
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
