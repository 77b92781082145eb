import io
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from bench.scale_data import STEPS, ScalePlan, scale_people
from workforce.services import refresh_workforce_summary


class Command(BaseCommand):
    help = (
        "Fill an empty database with a national-scale dataset for benchmarks: the "
        "demo framework and content, then organisations, trainers, trainees, a "
        "100-module catalogue, lesson completions, attempts, competences and "
        "supervisions in proportion to --trainees (10,000 is the reference size)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--trainees", type=int, required=True)
        parser.add_argument("--modules", type=int, default=100)
        parser.add_argument("--lessons-per-module", type=int, default=8)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo accounts even though DEBUG is off (throwaway "
            "databases only: they have a published password).",
        )

    def handle(self, *args, trainees, modules, lessons_per_module, force, **options):
        try:
            plan = ScalePlan.for_trainees(
                trainees, modules=modules, lessons_per_module=lessons_per_module
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        if scale_people().exists():
            raise CommandError(
                "This database already holds a scale dataset. Generate into a new, "
                "empty database (drop and re-create it) instead of adding a second."
            )
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load the demo accounts with DEBUG off: they have a "
                "published password. Use --force only on a throwaway database."
            )
        self._timed("demo framework and content", lambda: self._load_demo())
        with transaction.atomic():
            for label, step in STEPS:
                self._timed(label, lambda step=step: step(plan))
        # The dashboards read summary rows: count them over the dataset, as beat would.
        self._timed("workforce dashboard figures", refresh_workforce_summary)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                self._timed("statistics (ANALYZE)", lambda: cursor.execute("ANALYZE"))

    def _load_demo(self) -> None:
        call_command("load_demo", force=True, verbosity=0, stdout=io.StringIO())

    def _timed(self, label: str, run) -> None:
        started = time.perf_counter()
        created = run()
        seconds = time.perf_counter() - started
        rows = f"{created:>10,} rows" if isinstance(created, int) else " " * 15
        self.stdout.write(f"{label:<40} {rows} {seconds:8.1f} s")
