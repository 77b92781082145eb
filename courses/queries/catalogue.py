"""Reads of what is published: live modules and their lessons, the catalogue's search
and address, who approved a module, and the competencies it teaches."""

import datetime
from dataclasses import dataclass

from django.core.cache import caches
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Length, Substr
from wagtail.models import PageLogEntry, TaskState

from academy.models import Competency, SpecialistArea
from courses.models import CataloguePage, LessonPage, ModuleCompetency, ModulePage


@dataclass
class Approval:
    """Who approved the published content, and when."""

    name: str
    at: datetime.datetime
    through_review: bool


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
