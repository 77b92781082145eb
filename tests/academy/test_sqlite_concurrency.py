"""The embedded SQLite database queues concurrent submissions instead of failing."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

# Run in a fresh process, so the settings are read exactly as a deployment on an
# SQLite file reads them, and each thread has its own connection to that file.
TWO_SUBMISSIONS = """
import json, threading, time
import django
django.setup()
from django.db import connection, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE submission (id INTEGER PRIMARY KEY, n INTEGER)")
connection.close()
ready = threading.Barrier(2)
errors = []

def submit(n):
    try:
        ready.wait()
        with transaction.atomic(), connection.cursor() as cursor:
            # Read, then write, as a service checking a record before saving does.
            cursor.execute("SELECT count(*) FROM submission")
            time.sleep(0.3)
            cursor.execute("INSERT INTO submission (n) VALUES (%s)", [n])
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()

threads = [threading.Thread(target=submit, args=(n,)) for n in (1, 2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM submission")
    rows = cursor.fetchone()[0]
print(json.dumps({"errors": errors, "rows": rows}))
"""


def test_two_submissions_at_once_on_an_sqlite_file_both_succeed(tmp_path: Path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "academy.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'academy.sqlite3'}",
    }
    finished = subprocess.run(
        [sys.executable, "-c", TWO_SUBMISSIONS],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )

    outcome = json.loads(finished.stdout.strip().splitlines()[-1])
    assert outcome == {"errors": [], "rows": 2}


@pytest.mark.engine
def test_postgresql_keeps_its_own_options():
    """Only the SQLite engine is given the immediate transactions and busy timeout."""
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        assert options["transaction_mode"] == "IMMEDIATE"
        assert options["timeout"] >= 20
    else:
        assert "transaction_mode" not in options
