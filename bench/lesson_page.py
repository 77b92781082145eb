"""Benchmark: a signed-in lesson page under gunicorn, against a bare Django view.

Run it by hand (it is not part of the test suite), against PostgreSQL for the target:

    DATABASE_URL=postgres://academy:academy@localhost/academy_bench \\
        .venv/bin/python bench/lesson_page.py --trainees 10000 --progress 1000000

It migrates the database, loads the demo content, adds trainees and lesson progress
until the requested sizes are reached (so a second run reuses them), starts gunicorn
with bench.settings (production settings plus a bare view at /bench/bare/), signs in
one demo trainee, and measures requests per second for the bare view and for the lesson
the trainee would continue with, in the same run, with the same client and session
cookie, alternating the two for a few rounds. It prints both and their ratio (target: at
least 0.25), and writes them to bench/results/lesson_page.json. Without DATABASE_URL it
uses a throwaway SQLite file, which is fine for a smoke run with small sizes.
"""

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()


def add_lessons(*, per_trainee: int) -> None:
    """Give the outline modules lessons until every trainee can have `per_trainee` rows.

    The demo has 27 lessons; a million progress rows from 10,000 trainees need about
    100 lessons, as a full catalogue would have. Copies of a demo lesson's body are
    published under the outline modules (modules with no lessons), once.
    """
    from academy.models import User
    from courses.models import LessonPage, ModulePage

    live = LessonPage.objects.live()
    missing = per_trainee - live.count()
    if missing <= 0:
        return
    moderator = User.objects.get(email="moderator@academy.example")
    body = live.order_by("path").first().body.raw_data
    outlines = [
        module
        for module in ModulePage.objects.live().order_by("path")
        if not module.get_children().exists()
    ]
    per_module = -(-missing // len(outlines))
    for module in outlines:
        for number in range(1, per_module + 1):
            if missing <= 0:
                return
            lesson = LessonPage(
                title=f"{module.title}: part {number}",
                slug=f"part-{number}",
                body=body,
                live=False,
            )
            module.add_child(instance=lesson)
            lesson.save_revision(user=moderator).publish(user=moderator)
            missing -= 1


def prepare(*, trainees: int, progress: int) -> tuple[str, str]:
    """Migrate, load the demo, grow the data; returns (session key, lesson path)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.utils import timezone

    from academy.models import User
    from courses.models import LessonPage, LessonProgress, ModulePage

    call_command("migrate", verbosity=0)
    call_command("load_demo", "--force", verbosity=0)
    add_lessons(per_trainee=-(-progress // max(trainees, 1)))
    existing = User.objects.filter(email__endswith="@bench.example").count()
    User.objects.bulk_create(
        [
            User(email=f"trainee{n}@bench.example", full_name=f"Bench Trainee {n}")
            for n in range(existing, trainees)
        ],
        batch_size=2000,
    )
    lessons = list(
        LessonPage.objects.live().values_list("pk", "path", "live_revision_id")
    )
    modules = dict(ModulePage.objects.values_list("path", "pk"))
    people = list(
        User.objects.filter(email__endswith="@bench.example").values_list(
            "pk", flat=True
        )
    )
    have = LessonProgress.objects.count()
    now = timezone.now()
    rows = []
    for person in people:
        if have >= progress:
            break
        for lesson_id, path, revision_id in lessons:
            rows.append(
                LessonProgress(
                    trainee_id=person,
                    lesson_id=lesson_id,
                    module_id=modules[path[:-4]],
                    revision_id=revision_id,
                    completed_at=now,
                )
            )
        if len(rows) >= 20_000:
            LessonProgress.objects.bulk_create(rows, ignore_conflicts=True)
            have += len(rows)
            rows = []
    LessonProgress.objects.bulk_create(rows, ignore_conflicts=True)

    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    trainee = User.objects.get(email="trainee@academy.example")
    session = SessionStore()
    session[SESSION_KEY] = str(trainee.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = trainee.get_session_auth_hash()
    session.save()
    # The page a trainee opens most: "Continue where you left off" on a module in
    # progress (for the demo trainee, the lesson with the gowning demonstration).
    from courses.queries.learning import module_lessons, my_modules, next_lesson

    in_progress, _ = my_modules(trainee)
    lesson = next_lesson(module_lessons(in_progress[0].module, trainee=trainee)).lesson
    print(
        f"Data: {User.objects.count()} users, {LessonProgress.objects.count()} "
        f"progress rows, {len(lessons)} live lessons."
    )
    return session.session_key, lesson.url


def measure(port: int, path: str, cookie: str, *, seconds: float, clients: int) -> dict:
    """Requests per second and latency over keep-alive connections from `clients` threads."""
    timings: list[list[float]] = [[] for _ in range(clients)]
    stop = time.monotonic() + seconds
    failures = []

    def worker(index: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            sent = time.perf_counter()
            connection.request("GET", path, headers={"Cookie": cookie})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                failures.append(response.status)
                return
            timings[index].append(time.perf_counter() - sent)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"{path} answered {failures[0]}, not 200")
    elapsed = time.monotonic() - started
    latencies = sorted(t for per_client in timings for t in per_client)
    return {
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(1000 * latencies[len(latencies) // 2], 1),
        "p99_ms": round(1000 * latencies[int(len(latencies) * 0.99)], 1),
        "requests": len(latencies),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trainees", type=int, default=200)
    parser.add_argument("--progress", type=int, default=5_000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--prepare-only", action="store_true", help="Load the data and stop."
    )
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL") or (
        f"sqlite:///{tempfile.gettempdir()}/academy-bench.sqlite3"
    )
    setup_django(database_url)
    session_key, lesson_path = prepare(trainees=args.trainees, progress=args.progress)
    if args.prepare_only:
        return

    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
    }
    server = subprocess.Popen(  # noqa: S603
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "academy.wsgi",
            f"--bind=127.0.0.1:{args.port}",
            f"--workers={args.workers}",
            "--worker-class=gthread",
            "--threads=4",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    paths = {"bare": "/bench/bare/", "lesson": lesson_path}
    rounds: dict[str, list[dict]] = {"bare": [], "lesson": []}
    try:
        time.sleep(3)
        cookie = f"sessionid={session_key}"
        for path in paths.values():  # warm-up: every worker imports and caches
            measure(args.port, path, cookie, seconds=2, clients=args.clients)
        # Alternate the two, so a noisy neighbour on the machine affects both alike.
        for _ in range(args.rounds):
            for name, path in paths.items():
                rounds[name].append(
                    measure(
                        args.port,
                        path,
                        cookie,
                        seconds=args.seconds,
                        clients=args.clients,
                    )
                )
    finally:
        server.terminate()
        server.wait()

    def median(name: str, key: str) -> float:
        return statistics.median(measured[key] for measured in rounds[name])

    result = {
        "database": database_url.split(":", 1)[0],
        "trainees": args.trainees,
        "progress_rows": args.progress,
        "workers": args.workers,
        "clients": args.clients,
        "rounds": args.rounds,
        "seconds_per_round": args.seconds,
        "bare_view_rps": median("bare", "rps"),
        "lesson_page_rps": median("lesson", "rps"),
        "ratio": round(median("lesson", "rps") / median("bare", "rps"), 3),
        "bare_view_p50_ms": median("bare", "p50_ms"),
        "bare_view_p99_ms": median("bare", "p99_ms"),
        "lesson_page_p50_ms": median("lesson", "p50_ms"),
        "lesson_page_p99_ms": median("lesson", "p99_ms"),
        "lesson_path": lesson_path,
        "each_round": rounds,
    }
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "lesson_page.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
