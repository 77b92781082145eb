"""Where a page's time goes: in-process timings against the bare view, and a profile.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/academy_bench_10000 \\
        .venv/bin/python bench/profile_pages.py "Lesson page" --requests 200

Serves the page (one of bench/targets.py) through Django's full request handler with
the production settings (bench.settings), signed in as the benchmark does, in one
thread and without a network: the median time of the page and of the bare view, the
queries the page runs, and a pyinstrument profile of `--requests` requests.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def timed(client, target: dict, requests: int) -> float:
    """Median milliseconds of `requests` requests."""
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(target["path"], headers={"cookie": target["cookie"]})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("page", help='A label of bench/targets.py, e.g. "Lesson page"')
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from pyinstrument import Profiler

    from bench.targets import resolve

    targets = {target["label"]: target for target in resolve()}
    bare, page = targets["Bare Django view"], targets[args.page]
    client = Client(SERVER_NAME="127.0.0.1")
    timed(client, page, 20)  # warm-up: imports, template and body caches
    print(f"Bare view: {timed(client, bare, args.requests):.2f} ms (median)")
    print(f"{args.page}: {timed(client, page, args.requests):.2f} ms (median)")
    with CaptureQueriesContext(connection) as queries:
        timed(client, page, 1)
    print(f"{len(queries)} queries:")
    for query in queries:
        print(f"  {query['time']} s  {query['sql'][:150]}")
    profiler = Profiler(interval=0.0005)
    with profiler:
        timed(client, page, args.requests)
    print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
