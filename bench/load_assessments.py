"""Load held: simulated trainees take knowledge assessments at once, then the database is
checked for lost answers and double marking.

    make load         (200 trainees for LOAD_SECONDS, default 300)
    LOAD_SECONDS=60 LOAD_USERS=100 .venv/bin/python bench/load_assessments.py

It makes sure the database (LOAD_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/academy_load) exists and is migrated, adds the
load module and its trainees (bench/load/seed.py; reused on the next run), serves the
site with gunicorn and the production settings (bench.settings), and runs locust
headless in a second process (bench/load/trainee.py): each simulated trainee signs in,
then starts an attempt, answers every question from the page's own form (saving each
answer), checks its answers, confirms the submission and reads the result, again and
again. The LOAD_SECONDS start when every trainee has signed in; when they are up,
trainees finish the attempt they are on. Then every attempt is checked in the database
(bench/load/verify.py), and bench/results/load-assessments.md (the table for
docs/performance.md) and .json are written. Exits 1 on any 5xx, failed request, lost
answer or attempt not marked exactly once.
"""

import argparse
import http.client
import json
import os
import platform
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"
BIN = ROOT / ".venv" / "bin"
SERVER = os.environ.get("BENCH_DATABASE_SERVER", "postgres://postgres@127.0.0.1:5432")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    env = os.environ.get
    parser.add_argument("--users", type=int, default=int(env("LOAD_USERS", "200")))
    parser.add_argument(
        "--seconds", type=float, default=float(env("LOAD_SECONDS", "300"))
    )
    parser.add_argument(
        "--spawn-rate",
        type=float,
        default=float(env("LOAD_SPAWN_RATE", "2")),
        help="trainees who start (and sign in) per second",
    )
    parser.add_argument(
        "--think",
        type=float,
        default=float(env("LOAD_THINK_SECONDS", "5")),
        help="mean pause before each answer, in seconds",
    )
    parser.add_argument(
        "--fast-sign-in",
        action="store_true",
        help="sign in with a fast password hasher (the test suite's short run)",
    )
    parser.add_argument(
        "--database-url",
        default=env("LOAD_DATABASE_URL", f"{SERVER}/academy_load"),
    )
    parser.add_argument(
        "--no-migrate",
        action="store_true",
        help="the database is already migrated (the test suite's)",
    )
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--port", type=int, default=int(env("LOAD_PORT", "8766")))
    parser.add_argument("--name", default="load-assessments", help="results file name")
    parser.add_argument("--results", type=Path, default=RESULTS, help="results folder")
    return parser.parse_args()


def django_env(args) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    if args.fast_sign_in:
        env["BENCH_FAST_PASSWORD_HASHER"] = "1"  # noqa: S105 - a switch, not a secret
    return env


def prepare_database(args) -> None:
    """Create the database the first time, and bring its tables up to date."""
    server, name = args.database_url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    if not args.no_migrate:
        subprocess.run(  # noqa: S603
            [str(BIN / "python"), str(ROOT / "manage.py"), "migrate", "-v0"],
            env=django_env(args),
            check=True,
        )


def serve(args, log) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [
            str(BIN / "gunicorn"), "academy.wsgi",
            f"--bind=127.0.0.1:{args.port}", f"--workers={args.workers}",
            "--worker-class=gthread", f"--threads={args.threads}",
            # Longer than a trainee's longest pause, so a kept-alive connection is
            # not closed just as the trainee sends on it (a proxy would keep it too).
            "--keep-alive=30", "--log-level=warning",
            # Import the site once and fork: half the start-up on two cores.
            "--preload",
        ],
        cwd=ROOT, env=django_env(args), stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip


def wait_until_serving(port: int, path: str, server: subprocess.Popen) -> None:
    for _ in range(120):
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped before it served (see its log)")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(1)
    raise SystemExit("gunicorn did not answer within two minutes")


def drive(args, setup_file: Path, records_file: Path) -> int:
    """Run locust headless; its exit code (1 when any request failed).

    The last trainee to finish ends the run; locust's own time limit only bounds it
    (sign-in, LOAD_SECONDS, then a few minutes for the attempts under way)."""
    limit = round(args.seconds + 3 * args.users + 300)
    command = [
        str(BIN / "locust"), "-f", str(ROOT / "bench" / "load" / "trainee.py"),
        "--headless", f"--users={args.users}", f"--spawn-rate={args.spawn_rate:g}",
        f"--run-time={limit}s", "--stop-timeout=120",
        f"--host=http://127.0.0.1:{args.port}", "--only-summary",
        "--loglevel=WARNING",
    ]  # fmt: skip
    env = {
        **os.environ,
        "LOAD_SETUP": str(setup_file),
        "LOAD_RECORDS": str(records_file),
        "LOAD_THINK_SECONDS": str(args.think),
        "LOAD_SECONDS": str(args.seconds),
        "LOAD_USERS": str(args.users),
    }
    return subprocess.run(  # noqa: S603
        command, cwd=ROOT, env=env, check=False, timeout=limit + 300
    ).returncode


def heading(args, load: list[float], records: dict) -> str:
    first = min((r[3] for r in records["requests"]), default=0)
    window = records["window"]
    signing_in = window.get("start", first) - first
    return (
        f"{args.users} simulated trainees (locust, one process, {args.spawn_rate:g} "
        f"started per second) signed in ({signing_in:.0f} s, PBKDF2"
        f"{' replaced by MD5' if args.fast_sign_in else ''}), then took knowledge "
        f"assessments for {args.seconds:g} s and finished the attempts under way; "
        f"mean pause {args.think:g} s before each answer. gunicorn {args.workers} "
        f"gthread workers x {args.threads} threads with bench.settings, PostgreSQL "
        f"on the same host; {os.cpu_count()} cores, {platform.platform()}, Python "
        f"{platform.python_version()}. Load average before, at the end and after "
        f"checking: {', '.join(f'{value:.1f}' for value in load)}."
    )


def step(name: str, since: list[float]) -> None:
    """Say how long the step that just ended took (the short test keeps to a budget)."""
    now = time.monotonic()
    sys.stderr.write(f"load: {name} {now - since[-1]:.1f} s\n")
    since.append(now)


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGINT)  # quick shutdown: nobody is left to serve


def main() -> None:
    clock = [time.monotonic()]
    args = arguments()
    args.results.mkdir(parents=True, exist_ok=True)
    prepare_database(args)
    step("database ready", clock)
    with open(args.results / f"{args.name}-gunicorn.log", "w") as log:
        # gunicorn boots (15 s or more here) while the trainees are made.
        server = serve(args, log)
        try:
            outcome = run(args, server, clock)
        finally:
            stop(server)
            server.wait(timeout=60)
    sys.stdout.write(outcome["table"])
    if outcome["failed"]:
        raise SystemExit(1)


def run(args, server: subprocess.Popen, clock: list[float]) -> dict:
    """Seed, drive, check and report; the table and whether the run failed."""
    os.environ.update(django_env(args))
    import django

    django.setup()
    from django.utils import timezone

    from bench.load.seed import seed
    from bench.load.verify import check_attempts, markdown, request_summary

    setup_file = args.results / f"{args.name}-setup.json"
    records_file = args.results / f"{args.name}-records.json"
    records_file.unlink(missing_ok=True)
    setup = seed(args.users)
    setup_file.write_text(json.dumps(setup))
    step("trainees ready", clock)
    wait_until_serving(args.port, setup["sign_in_url"], server)
    step("gunicorn serving", clock)
    run_started = timezone.now()
    load = [os.getloadavg()[0]]
    locust_status = drive(args, setup_file, records_file)
    load.append(os.getloadavg()[0])
    stop(server)
    step("locust run", clock)
    if not records_file.exists():
        raise SystemExit("locust wrote no records")
    records = json.loads(records_file.read_text())
    findings = check_attempts(
        records["attempts"], emails=setup["emails"], started_after=run_started
    )
    summary = request_summary(records["requests"])
    step("database checked", clock)
    load.append(os.getloadavg()[0])
    table = markdown(summary, findings, heading=heading(args, load, records))
    for error in records["driver_errors"][:10]:
        table += f"- simulated trainee stopped by {error}\n"
    if "start" not in records["window"]:
        table += "- not every trainee signed in before locust's time limit\n"
    (args.results / f"{args.name}.md").write_text(table)
    (args.results / f"{args.name}.json").write_text(
        json.dumps(
            {
                "users": args.users,
                "seconds": args.seconds,
                "think": args.think,
                "window": records["window"],
                "driver_errors": records["driver_errors"],
                "load_average": load,
                "summary": summary,
                "attempts": findings.attempts,
                "attempts_in_run": findings.attempts_in_run,
                "submitted": findings.submitted,
                "fully_answered": findings.fully_answered,
                "results_read": findings.results_read,
                "marks_scored": findings.marks_scored,
                "answers_checked": findings.answers_checked,
                "autosaves_acknowledged": findings.autosaves_acknowledged,
                "problems": findings.problems,
                "locust_exit_code": locust_status,
            },
            indent=2,
        )
    )
    overall = summary["rows"][-1] if summary["rows"] else {"5xx": 0, "failed": 1}
    failed = bool(
        findings.problems
        or overall["5xx"]
        or overall["failed"]
        or records["driver_errors"]
        or "start" not in records["window"]
        or locust_status
    )
    return {"table": table, "failed": failed}


if __name__ == "__main__":
    main()
