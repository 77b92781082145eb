#!/usr/bin/env bash
# Static security checks the test command runs: bandit must report no high-severity
# finding; pip-audit checks the installed dependencies against the vulnerability
# service when it can reach it, and says so when it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== bandit (any high-severity finding fails)"
.venv/bin/bandit -q -r academy notifications courses trainers passport assessments \
  -x '*/migrations/*' --severity-level high

echo "== pip-audit"
report=$(mktemp)
if timeout 300 .venv/bin/pip-audit --progress-spinner off --skip-editable \
    -f json -o "$report" >/dev/null 2>&1; then
  audit_status=0
else
  audit_status=$?
fi
.venv/bin/python - "$report" "$audit_status" <<'PY'
import json
import sys

path, status = sys.argv[1], int(sys.argv[2])
try:
    with open(path) as handle:
        dependencies = json.load(handle)["dependencies"]
except (OSError, ValueError, KeyError):
    print(f"pip-audit: NOT RUN (exit {status}): the vulnerability service could not be reached.")
    sys.exit(0)
audited = [d for d in dependencies if "skip_reason" not in d]
vulnerable = [d for d in audited if d.get("vulns")]
for dependency in vulnerable:
    ids = ", ".join(v["id"] for v in dependency["vulns"])
    print(f"pip-audit: {dependency['name']} {dependency['version']}: {ids}")
if not audited:
    print(
        f"pip-audit: NOT RUN: none of {len(dependencies)} dependencies could be looked up"
        " (the vulnerability service is not reachable from here)."
    )
elif vulnerable:
    sys.exit(f"pip-audit: {len(vulnerable)} vulnerable dependencies")
else:
    skipped = len(dependencies) - len(audited)
    print(f"pip-audit: {len(audited)} dependencies audited, none vulnerable ({skipped} skipped).")
PY
