"""A module as one trainee sees it in a list: its size, their progress, and whether
they passed its knowledge assessment."""

from dataclasses import dataclass

from django.db.models import Count, F, Max, OuterRef, Subquery
from wagtail import hooks

from courses import progress
from courses.models import LessonProgress, ModulePage, TrainingImpactingChange
from courses.queries.catalogue import lesson_counts


@dataclass
class ModuleCard:
    """A module as one trainee sees it in a list: its size and their progress."""

    module: ModulePage
    lessons_total: int = 0
    lessons_done: int = 0
    needs_review: bool = False
    # Whether the module has a knowledge assessment, and the trainee passed it: told by
    # the app that owns assessments, through the `module_assessment_passes` hook.
    has_assessment: bool = False
    assessment_passed: bool = False

    @property
    def started(self) -> bool:
        return self.lessons_done > 0

    @property
    def is_outline(self) -> bool:
        """No published lesson yet: the module is "Coming soon"."""
        return progress.is_outline(self.lessons_total)

    @property
    def lessons_complete(self) -> bool:
        return progress.lessons_complete(
            lessons_total=self.lessons_total, lessons_done=self.lessons_done
        )

    @property
    def standing(self) -> progress.ModuleStanding:
        return progress.module_standing(
            lessons_total=self.lessons_total,
            lessons_done=self.lessons_done,
            needs_review=self.needs_review,
            has_assessment=self.has_assessment,
            assessment_passed=self.assessment_passed,
        )

    @property
    def complete(self) -> bool:
        """Every lesson done and, where the module has one, its assessment passed."""
        return self.standing.status == progress.ModuleStatus.COMPLETED

    @property
    def status(self) -> str:
        return self.standing.status

    @property
    def tag_colour(self) -> str:
        return self.standing.tag_colour

    @property
    def percent(self) -> int:
        if not self.lessons_total:
            return 0
        return round(100 * self.lessons_done / self.lessons_total)


def completed_lesson_counts(trainee, module_ids: list[int]) -> dict[int, int]:
    """How many live lessons of each module the trainee has completed, in one query."""
    rows = (
        LessonProgress.objects.filter(
            trainee=trainee, module_id__in=module_ids, lesson__live=True
        )
        .values("module_id")
        .annotate(done=Count("lesson_id", distinct=True))
        .order_by()
    )
    return {row["module_id"]: row["done"] for row in rows}


def lessons_needing_review(trainee, module_ids: list[int]) -> dict[int, int]:
    """Lessons (to their module) the trainee completed before a training-impacting change."""
    latest_completed = (
        LessonProgress.objects.filter(trainee=trainee, lesson_id=OuterRef("lesson_id"))
        .values("lesson_id")
        .annotate(latest=Max("revision_id"))
        .values("latest")
    )
    return dict(
        TrainingImpactingChange.objects.filter(module_id__in=module_ids)
        .annotate(latest=Subquery(latest_completed))
        .filter(latest__isnull=False, revision_id__gt=F("latest"))
        .values_list("lesson_id", "module_id")
    )


def assessment_passes(trainee, module_ids: list[int]) -> dict[int, bool]:
    """For each module with a knowledge assessment, whether the trainee passed it.

    The app that owns assessments answers through the `module_assessment_passes`
    hook (this app cannot import it); modules missing from the answer have none.
    """
    passes: dict[int, bool] = {}
    for module_assessment_passes in hooks.get_hooks("module_assessment_passes"):
        passes.update(module_assessment_passes(trainee, module_ids))
    return passes


def module_cards(modules, *, trainee) -> list[ModuleCard]:
    """Cards for modules, with the trainee's progress when they are signed in."""
    modules = list(modules)
    ids = [module.pk for module in modules]
    totals = lesson_counts(modules)
    done, review_modules, passes = {}, set(), {}
    if trainee.is_authenticated and ids:
        done = completed_lesson_counts(trainee, ids)
        review_modules = set(lessons_needing_review(trainee, ids).values())
        passes = assessment_passes(trainee, ids)
    return [
        ModuleCard(
            module=module,
            lessons_total=totals.get(module.pk, 0),
            lessons_done=done.get(module.pk, 0),
            needs_review=module.pk in review_modules,
            has_assessment=module.pk in passes,
            assessment_passed=passes.get(module.pk, False),
        )
        for module in modules
    ]


def has_completed_module(*, trainee, module: ModulePage) -> bool:
    """True when the trainee has completed every live lesson of the module and, where
    it has a knowledge assessment, passed it."""
    return module_cards([module], trainee=trainee)[0].complete
