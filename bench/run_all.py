"""Benchmark every page at two scales, against a bare Django view in the same run.

    make bench        (or: .venv/bin/python bench/run_all.py --sizes 1000 10000)

One page, or a few, alone (the bare view is always measured beside them), on
databases of your own (BENCH_DATABASE_PREFIX, default academy_bench):

    BENCH_DATABASE_PREFIX=my_bench .venv/bin/python bench/run_all.py --sizes 10000 \
        --pages "Workforce dashboard"

For each size it makes sure the database academy_bench_<size> on the PostgreSQL
server of BENCH_DATABASE_SERVER (default postgres://postgres@127.0.0.1:5432) holds a
scale dataset (migrating and running `generate_scale_data` into a new database once),
signs the benchmark's people in (bench/targets.py), serves the site with gunicorn and
the production settings (bench.settings), and loads each page from a second process
with wrk (Debian's `wrk`, installed by `scripts/system-packages.sh --bench`). Pages
and the bare view are measured in turn, round after round, so a noisy neighbour
affects them alike. It writes bench/results/pages.md (the table for
docs/performance.md) and bench/results/pages-<size>.json.
"""

import argparse
import http.client
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
SERVER = os.environ.get("BENCH_DATABASE_SERVER", "postgres://postgres@127.0.0.1:5432")
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
DATABASE_PREFIX = os.environ.get("BENCH_DATABASE_PREFIX", "academy_bench")


def database_name(size: int) -> str:
    return f"{DATABASE_PREFIX}_{size}"


def database_url(size: int) -> str:
    return f"{SERVER}/{database_name(size)}"


def django_env(size: int) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url(size),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        # Loading the demo content notifies moderators; nobody needs those e-mails.
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }


def has_scale_data(size: int) -> bool:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database_name(size)]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{database_name(size)}"')
            return False
    with psycopg.connect(database_url(size)) as connection:
        found = connection.execute(
            "SELECT to_regclass('academy_user') IS NOT NULL"
        ).fetchone()[0]
        return (
            found
            and connection.execute(
                "SELECT EXISTS (SELECT 1 FROM academy_user "
                "WHERE email LIKE '%%@scale.example')"
            ).fetchone()[0]
        )


def prepare(size: int) -> None:
    if has_scale_data(size):
        return
    manage = [PYTHON, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=django_env(size), check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [*manage, "generate_scale_data", f"--trainees={size}", "--force"],
        env=django_env(size),
        check=True,
    )


def targets(size: int) -> list[dict]:
    output = subprocess.run(  # noqa: S603
        [PYTHON, str(ROOT / "bench" / "targets.py")],
        env=django_env(size),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def status_of(port: int, target: dict) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", target["path"], headers={"Cookie": target["cookie"]})
    return connection.getresponse().status


def milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)([a-z]+)", text).groups()
    return round(float(number) * UNITS[unit], 1)


def wrk(port: int, target: dict, *, seconds: float, connections: int) -> dict:
    """Requests per second and latency percentiles from one wrk run."""
    command = [
        "wrk", "--threads=1", f"--connections={connections}",
        f"--duration={seconds:g}s", "--timeout=30s", "--latency",
        f"http://127.0.0.1:{port}{target['path']}",
    ]  # fmt: skip
    if target["cookie"]:
        command[1:1] = ["--header", f"Cookie: {target['cookie']}"]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603
    if "Non-2xx or 3xx responses" in output:
        raise SystemExit(f"{target['label']}: wrk saw error responses\n{output}")
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if len(latency) != 2:
        raise SystemExit(f"{target['label']}: no latency distribution\n{output}")
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": milliseconds(latency["50"]),
        "p99_ms": milliseconds(latency["99"]),
    }


def serve(size: int, args) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"), "academy.wsgi",
            f"--bind=127.0.0.1:{args.port}", f"--workers={args.workers}",
            "--worker-class=gthread", f"--threads={args.threads}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=django_env(size),
    )  # fmt: skip


def measure(size: int, args) -> dict:
    pages = targets(size)
    if args.pages:
        pages = [pages[0]] + [
            page
            for page in pages[1:]
            if any(wanted in page["label"] for wanted in args.pages)
        ]
    server = serve(size, args)
    try:
        time.sleep(5)
        measured = [page for page in pages if "path" in page]
        for page in measured:
            status = status_of(args.port, page)
            if status != 200:
                page["missing"] = f"answered {status}"
        measured = [page for page in measured if "missing" not in page]
        for page in measured:  # warm-up: every worker imports and fills its caches
            wrk(args.port, page, seconds=3, connections=args.connections)
        load = [os.getloadavg()[0]]
        for page in measured:
            page["rounds"] = []
        for _ in range(args.rounds):
            for page in measured:
                page["rounds"].append(
                    wrk(args.port, page, seconds=args.seconds,
                        connections=args.connections)
                )  # fmt: skip
            load.append(os.getloadavg()[0])
    finally:
        server.terminate()
        server.wait()
    bare = pages[0]["rounds"]
    for page in measured:
        page["ratios"] = [
            round(mine["rps"] / theirs["rps"], 3)
            for mine, theirs in zip(page["rounds"], bare, strict=True)
        ]
    return {"trainees": size, "load_average": load, "pages": pages}


def spread(values: list[float], digits: int = 1) -> str:
    """Median, with the range over the rounds."""
    median = round(statistics.median(values), digits)
    low, high = round(min(values), digits), round(max(values), digits)
    return f"{median} ({low} to {high})" if low != high else f"{median}"


def markdown(runs: list[dict], args) -> str:
    lines = [
        f"Machine: {os.cpu_count()} cores, {platform.platform()}, Python "
        f"{platform.python_version()}; gunicorn {args.workers} gthread workers x "
        f"{args.threads} threads with bench.settings; wrk, 1 thread, "
        f"{args.connections} keep-alive connections; {args.rounds} rounds of "
        f"{args.seconds:g} s per page after a warm-up. Median (range over rounds).",
        "",
        "| Page | Trainees | Requests/s | p50 ms | p99 ms | Ratio to bare view |",
        "|---|---|---|---|---|---|",
    ]
    for run in runs:
        for page in run["pages"]:
            if "rounds" not in page:
                lines.append(
                    f"| {page['label']} | {run['trainees']:,} | not available "
                    f"({page['missing']}) | | | |"
                )
                continue
            rounds = page["rounds"]
            ratio = spread(page["ratios"], 3) if page is not run["pages"][0] else "1"
            lines.append(
                f"| {page['label']} | {run['trainees']:,} "
                f"| {spread([r['rps'] for r in rounds])} "
                f"| {spread([r['p50_ms'] for r in rounds])} "
                f"| {spread([r['p99_ms'] for r in rounds])} | {ratio} |"
            )
    lines.append("")
    for run in runs:
        loads = ", ".join(f"{value:.1f}" for value in run["load_average"])
        lines.append(f"Load average during the {run['trainees']:,} run: {loads}.")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--pages",
        nargs="+",
        metavar="LABEL",
        help="measure only the pages whose label contains one of these words",
    )
    args = parser.parse_args()
    RESULTS.mkdir(exist_ok=True)
    runs = []
    for size in args.sizes:
        prepare(size)
        run = measure(size, args)
        (RESULTS / f"pages-{size}.json").write_text(json.dumps(run, indent=2))
        runs.append(run)
    table = markdown(runs, args)
    (RESULTS / "pages.md").write_text(table)
    sys.stdout.write(table)


if __name__ == "__main__":
    main()
