#!/usr/bin/env bash
# The whole test suite, as CI runs it: install, lint, migrations check, pytest on SQLite,
# then again on PostgreSQL with a real Celery worker on Redis when those answer.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
bash scripts/system-packages.sh --browser
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e '.[test]'
echo "install: $(( $(date +%s) - started ))s"

export DJANGO_SETTINGS_MODULE=academy.settings.test
export ACADEMY_REQUIRE_BROWSER=1
unset DATABASE_URL CELERY_BROKER_URL

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .

bash scripts/security-checks.sh

echo "== migrations are up to date"
.venv/bin/python manage.py makemigrations --check --dry-run

# One pytest process per core (pytest-xdist); TEST_WORKERS=0 runs in one process.
WORKERS=${TEST_WORKERS:-auto}

echo "== pytest on SQLite"
.venv/bin/pytest -n "$WORKERS" --dist loadgroup --durations=15

reachable() {
  .venv/bin/python - "$1" "$2" <<'PY'
import socket, sys
try:
    socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=2).close()
except OSError:
    sys.exit(1)
PY
}

if reachable 127.0.0.1 5432 && reachable 127.0.0.1 6379; then
  # The browser journeys and the tests that use no database do not depend on the
  # engine and already ran above.
  echo "== pytest on PostgreSQL (browser journeys and tests without a database excepted), with a Celery worker on Redis"
  DATABASE_URL=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/academy} \
  TEST_CELERY_BROKER_URL=${TEST_REDIS_URL:-redis://127.0.0.1:6379/15} \
  ACADEMY_REQUIRE_SERVICES=1 \
    .venv/bin/pytest -p no:cacheprovider -n "$WORKERS" --dist loadgroup --durations=15 -m "not e2e and not no_database"
else
  echo "SKIPPED: the PostgreSQL run and the Celery worker test on Redis (127.0.0.1:5432 and 127.0.0.1:6379 must both answer)."
fi
echo "tests: $(( $(date +%s) - started ))s in all"
