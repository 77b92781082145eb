"""Reads of the e-learning: what a trainee sees, each in a fixed number of queries."""

import datetime
from dataclasses import dataclass, field

from django.core.cache import caches
from django.db.models import Count, F, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail import hooks
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from academy.models import Competency, SpecialistArea
from academy.pathways import competencies_for_role
from courses import progress
from courses.lessons.queries import lesson_marks
from courses.models import (
    CareerPathwayPage,
    CataloguePage,
    LessonPage,
    LessonProgress,
    ModuleCompetency,
    ModulePage,
    ReviewRequest,
    SpecialistAreaIndexPage,
    TrainingImpactingChange,
)

REVIEW_WARNING_DAYS = 30


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


@dataclass
class LessonLine:
    lesson: LessonPage
    done: bool
    needs_review: bool


@dataclass
class Approval:
    """Who approved the published content, and when."""

    name: str
    at: datetime.datetime
    through_review: bool


@dataclass
class PathwayRow:
    competency: Competency
    cards: list[ModuleCard] = field(default_factory=list)
    # The signed-in person's standing in the competency, from `pathway_competency_status`.
    status: str = ""


def _parent_path():
    return Substr("path", 1, Length("path") - ModulePage.steplen)


def lesson_counts(modules: list[ModulePage]) -> dict[int, int]:
    """Live lessons per module id, in one query."""
    by_path = {module.path: module.pk for module in modules}
    if not by_path:
        return {}
    rows = (
        LessonPage.objects.live()
        .annotate(parent_path=_parent_path())
        .filter(parent_path__in=by_path)
        .values("parent_path")
        .annotate(total=Count("id"))
        .order_by()
    )
    return {by_path[row["parent_path"]]: row["total"] for row in rows}


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


def competencies_awaiting_elearning(competency_ids) -> set[int]:
    """Of these competencies, those whose knowledge requirement cannot be met yet: no
    live module that teaches them has a published lesson (their modules are outlines,
    "Coming soon"), so they cannot be planned. One query."""
    modules_with_lessons = (
        LessonPage.objects.live()
        .annotate(parent_path=_parent_path())
        .values("parent_path")
    )
    taught = ModuleCompetency.objects.filter(
        module__live=True, module__path__in=modules_with_lessons
    ).values("competency_id")
    return set(
        Competency.objects.filter(pk__in=list(competency_ids), requires_knowledge=True)
        .exclude(pk__in=taught)
        .values_list("pk", flat=True)
    )


def live_modules() -> QuerySet[ModulePage]:
    return ModulePage.objects.live().select_related("area")


def catalogue_modules(
    *,
    area: SpecialistArea | None = None,
    band: int | None = None,
    query: str = "",
) -> QuerySet[ModulePage]:
    """Live modules of an area and band; with a query, those it finds or whose lessons it finds."""
    modules = live_modules()
    if area is not None:
        modules = modules.filter(area=area)
    if band is not None:
        modules = modules.filter(band_from__lte=band, band_to__gte=band)
    if query:
        module_hits = [page.pk for page in ModulePage.objects.live().search(query)]
        lesson_paths = [
            page.path[: -page.steplen]
            for page in LessonPage.objects.live().search(query)
        ]
        modules = modules.filter(Q(pk__in=module_hits) | Q(path__in=lesson_paths))
    return modules.order_by("area__sort_order", "band_from", "title")


def module_lessons(module: ModulePage, *, trainee) -> list[LessonLine]:
    """The module's live lessons in order, each marked done for the trainee."""
    lessons = list(
        LessonPage.objects.live().child_of(module).defer_streamfields().order_by("path")
    )
    marks = lesson_marks(trainee, module_id=module.pk)
    return [
        LessonLine(
            lesson=lesson,
            done=lesson.pk in marks.done,
            needs_review=lesson.pk in marks.needs_review,
        )
        for lesson in lessons
    ]


def next_lesson(lines: list[LessonLine]) -> LessonLine | None:
    """Where the trainee left off: the first lesson not done, or needing review."""
    for line in lines:
        if not line.done or line.needs_review:
            return line
    return None


def module_approval(module: ModulePage) -> Approval | None:
    """The approval of the live revision: the moderator's task, or else who published it."""
    if module.live_revision_id is None:
        return None
    task = (
        TaskState.objects.filter(
            revision_id=module.live_revision_id, status=TaskState.STATUS_APPROVED
        )
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )
    if task is not None and task.finished_by is not None:
        return Approval(
            name=str(task.finished_by), at=task.finished_at, through_review=True
        )
    entry = (
        PageLogEntry.objects.filter(
            page_id=module.pk,
            revision_id=module.live_revision_id,
            action="wagtail.publish",
        )
        .select_related("user")
        .order_by("-timestamp")
        .first()
    )
    if entry is None or entry.user is None:
        return None
    return Approval(name=str(entry.user), at=entry.timestamp, through_review=False)


def covered_competencies(module: ModulePage) -> list[Competency]:
    return [
        link.competency
        for link in ModuleCompetency.objects.filter(module=module)
        .select_related("competency")
        .order_by("sort_order")
    ]


def pathways_in(area_page: SpecialistAreaIndexPage) -> QuerySet[CareerPathwayPage]:
    return CareerPathwayPage.objects.live().child_of(area_page).order_by("band")


def pathway_rows(*, area: SpecialistArea, band: int, trainee) -> list[PathwayRow]:
    """Each competency the role requires, with the live modules that teach it."""
    rows = {
        competency.pk: PathwayRow(competency=competency)
        for competency in competencies_for_role(area=area, band=band)
    }
    links = list(
        ModuleCompetency.objects.filter(
            competency_id__in=rows, module__live=True
        ).select_related("module")
    )
    modules = {link.module.pk: link.module for link in links}
    cards = {
        card.module.pk: card for card in module_cards(modules.values(), trainee=trainee)
    }
    for link in links:
        rows[link.competency_id].cards.append(cards[link.module_id])
    return list(rows.values())


def my_modules(trainee) -> tuple[list[ModuleCard], list[ModuleCard]]:
    """The trainee's enrolled live modules: (in progress, completed)."""
    modules = (
        ModulePage.objects.live()
        .filter(enrolments__trainee=trainee)
        .select_related("area")
        .order_by("-enrolments__enrolled_at")
    )
    cards = module_cards(modules, trainee=trainee)
    in_progress = [card for card in cards if not card.complete]
    completed = [card for card in cards if card.complete]
    return in_progress, completed


def has_completed_module(*, trainee, module: ModulePage) -> bool:
    """True when the trainee has completed every live lesson of the module and, where
    it has a knowledge assessment, passed it."""
    return module_cards([module], trainee=trainee)[0].complete


def modules_due_for_review(
    *, today: datetime.date | None = None, within_days: int = REVIEW_WARNING_DAYS
) -> QuerySet[ModulePage]:
    """Modules whose next review date falls within the warning period, or has passed."""
    today = today or timezone.localdate()
    return (
        ModulePage.objects.filter(
            next_review_date__lte=today + datetime.timedelta(days=within_days)
        )
        .select_related("content_owner", "area")
        .order_by("next_review_date", "title")
    )


CATALOGUE_URL_CACHE_KEY = "courses:catalogue-url"


def catalogue_url() -> str:
    """Where the live catalogue is served ("" if none): the header links to it on
    every page, so each process keeps it for five minutes, as it changes rarely."""
    process_cache = caches["process"]
    url = process_cache.get(CATALOGUE_URL_CACHE_KEY)
    if url is None:
        page = CataloguePage.objects.live().first()
        url = (page.url or "") if page else ""
        process_cache.set(CATALOGUE_URL_CACHE_KEY, url, 300)
    return url


@dataclass(frozen=True)
class NextLesson:
    """Where a trainee picks up their learning: the module, and the lesson to open
    (None once every lesson is done and the module's assessment is what is left)."""

    card: ModuleCard
    lesson: LessonPage | None
    number: int
    needs_review: bool = False


def continue_learning(trainee) -> NextLesson | None:
    """The trainee's most recently enrolled module that has lessons and is not
    complete, with the lesson they left off at, in a fixed number of queries."""
    in_progress, _ = my_modules(trainee)
    card = next((card for card in in_progress if card.lessons_total), None)
    if card is None:
        return None
    lines = module_lessons(card.module, trainee=trainee)
    line = next_lesson(lines)
    if line is None:
        return NextLesson(card=card, lesson=None, number=len(lines))
    return NextLesson(
        card=card,
        lesson=line.lesson,
        number=lines.index(line) + 1,
        needs_review=line.needs_review,
    )


def content_in_review_requested_by(person) -> int:
    """How many pages and snippets the person submitted are in a review workflow."""
    return WorkflowState.objects.active().filter(requested_by=person).count()


def content_awaiting_review_by(person) -> int:
    """How many workflow tasks (pages, snippets) wait for this person's review."""
    return TaskState.objects.reviewable_by(person).count()


def open_review_requests() -> QuerySet[ReviewRequest]:
    """Modules flagged "review requested" by an audit finding and not yet cleared."""
    return ReviewRequest.objects.filter(cleared_at__isnull=True)
