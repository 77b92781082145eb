"""Scale step: enrolments and lesson completions, 100 a trainee."""

from collections import Counter
from datetime import timedelta

from django.utils import timezone

from courses.models import Enrolment, LessonPage, LessonProgress, ModulePage

from .bulk import insert_rows
from .people import scale_trainees
from .plan import ScalePlan

# Each trainee starts this many lessons further into the catalogue than the last, so
# completions spread over every module.
STRIDE = 56


def catalogue_lessons() -> list[tuple[int, int, int]]:
    """(lesson id, module id, live revision id) of every live lesson, in page order."""
    modules = dict(ModulePage.objects.values_list("path", "pk"))
    return [
        (pk, modules[path[: -LessonPage.steplen]], revision)
        for pk, path, revision in LessonPage.objects.live()
        .order_by("path")
        .values_list("pk", "path", "live_revision_id")
    ]


def trainee_windows(plan: ScalePlan) -> list[tuple[int, int, list]]:
    """(position, trainee id, completed lessons) for every scale trainee: a run of
    consecutive lessons, so whole modules are complete and one is part way."""
    lessons = catalogue_lessons()
    take = min(plan.progress_per_trainee, len(lessons))
    windows = []
    for position, trainee in enumerate(scale_trainees().values_list("pk", flat=True)):
        start = position * STRIDE % len(lessons)
        window = (lessons + lessons)[start : start + take]
        windows.append((position, trainee, window))
    return windows


def create_learning(plan: ScalePlan) -> int:
    """Lesson completions at the live revision, over the last year, and an
    enrolment on each module touched (completed when all its lessons are)."""
    now = timezone.now()
    per_module = Counter(module for _, module, _ in catalogue_lessons())
    windows = trainee_windows(plan)

    def enrolments():
        for position, trainee, window in windows:
            done = Counter(module for _, module, _ in window)
            when = now - timedelta(days=position % 365, minutes=position % 600)
            for module, count in done.items():
                finished = when if count == per_module[module] else None
                yield (trainee, module, when - timedelta(days=7), finished)

    def completions():
        for position, trainee, window in windows:
            when = now - timedelta(days=position % 365, minutes=position % 600)
            for step, (lesson, module, revision) in enumerate(window):
                yield (
                    trainee,
                    module,
                    lesson,
                    revision,
                    when + timedelta(minutes=step),
                )

    insert_rows(
        Enrolment,
        fields=("trainee_id", "module_id", "enrolled_at", "completed_at"),
        rows=enrolments(),
    )
    return insert_rows(
        LessonProgress,
        fields=("trainee_id", "module_id", "lesson_id", "revision_id", "completed_at"),
        rows=completions(),
    )
