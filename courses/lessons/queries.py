"""Reads for a lesson page: where it sits, the trainee's marks, and its rendered body.

A lesson is the page trainees open most, so it is served in a fixed, small number of
queries: one for the lesson, one for the pages above it (breadcrumbs, the module, any
view restriction) and its sibling lessons, and one for the trainee's progress on the
module. The rendered body is shared by everyone
and cached per published revision; nothing about a trainee is ever cached.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page, PageViewRestriction

from academy.sites import site_root_path
from courses.models import LessonPage, LessonProgress, TrainingImpactingChange

BODY_CACHE_SECONDS = 60 * 60
OUTLINE_ATTRIBUTE = "_courses_lesson_outline"
BODY_ATTRIBUTE = "_courses_rendered_body"


@dataclass
class LessonOutline:
    """Where a lesson sits: the pages above it, its module and the module's lessons.

    `restricted` is true when the lesson or a page above it has a Wagtail view
    restriction (a password, sign-in or group rule), so Wagtail must check it.
    """

    ancestors: list[Page]
    module: Page
    module_is_public: bool
    lessons: list[Page]
    restricted: bool

    def crumbs(self, request: HttpRequest) -> list[dict]:
        """Breadcrumbs from the site's home page down to the module."""
        root_path = site_root_path(request) or "/"
        return [
            {"label": page.title, "url": page.get_url(request)}
            for page in self.ancestors
            if page.url_path.startswith(root_path)
        ]


@dataclass
class LessonMarks:
    """One trainee's marks on a module's lessons: done, and done before a change."""

    done: set[int]
    needs_review: set[int]


def lesson_outline(lesson: LessonPage) -> LessonOutline:
    """The lesson's ancestors and its module's live lessons, in one query, kept on the lesson.

    Only the columns a link needs are read. Each page above the lesson, and the lesson
    itself, says whether a view restriction applies to it (to an alias's source page
    for an alias), so the lesson can answer Wagtail's restriction check without the two
    queries of `Page.get_view_restrictions` when there is none.
    """
    cached = lesson.__dict__.get(OUTLINE_ATTRIBUTE)
    if cached is not None:
        return cached
    steplen = lesson.steplen
    own_paths = [lesson.path[: steplen * depth] for depth in range(1, lesson.depth + 1)]
    module_path = own_paths[-2]
    lesson_type = ContentType.objects.get_for_model(LessonPage)
    restrictions = PageViewRestriction.objects.filter(
        page_id=Coalesce(OuterRef("alias_of_id"), OuterRef("pk"))
    )
    pages = list(
        Page.objects.filter(
            Q(path__in=own_paths)
            | Q(
                path__startswith=module_path,
                depth=lesson.depth,
                live=True,
                content_type=lesson_type,
            )
        )
        .only("id", "title", "path", "depth", "url_path", "live", "content_type")
        .annotate(
            is_public=F("modulepage__is_public"),
            restricted=Exists(restrictions),
        )
        .order_by("path")
    )
    ancestors = [page for page in pages if page.depth < lesson.depth]
    outline = LessonOutline(
        ancestors=ancestors,
        module=ancestors[-1],
        module_is_public=bool(ancestors[-1].is_public),
        lessons=[
            page
            for page in pages
            if page.depth == lesson.depth
            and page.live
            and page.content_type_id == lesson_type.pk
        ],
        restricted=any(page.restricted for page in pages if page.path in own_paths),
    )
    lesson.__dict__[OUTLINE_ATTRIBUTE] = outline
    return outline


# The lesson page's one personal read, as a fixed statement: the ORM took ten times
# longer to build this query than the database took to answer it (docs/performance.md).
MARKS_SQL = f"""
    SELECT lesson_id, revision_id, 0 FROM {LessonProgress._meta.db_table}
    WHERE trainee_id = %s AND module_id = %s
    UNION ALL
    SELECT lesson_id, revision_id, 1 FROM {TrainingImpactingChange._meta.db_table}
    WHERE module_id = %s
"""  # noqa: S608 - table names from the models, values as parameters


def lesson_marks(trainee, *, module_id: int) -> LessonMarks:
    """The module's lessons the trainee completed, and those completed before a change.

    A lesson needs review when a moderator marked a revision newer than the latest one
    the trainee completed as a training-impacting change. One query for both.
    """
    if not trainee.is_authenticated:
        return LessonMarks(done=set(), needs_review=set())
    completed_at, changed_at = {}, {}
    with connection.cursor() as cursor:
        cursor.execute(MARKS_SQL, [trainee.pk, module_id, module_id])
        for lesson_id, revision_id, is_change in cursor.fetchall():
            latest = changed_at if is_change else completed_at
            latest[lesson_id] = max(revision_id, latest.get(lesson_id, 0))
    return LessonMarks(
        done=set(completed_at),
        needs_review={
            lesson_id
            for lesson_id, revision_id in completed_at.items()
            if changed_at.get(lesson_id, 0) > revision_id
        },
    )


def practice_change_summary(lesson_id: int) -> str:
    """What changed in practice in the lesson's latest training-impacting change."""
    return (
        TrainingImpactingChange.objects.filter(lesson_id=lesson_id)
        .order_by("-revision_id")
        .values_list("summary", flat=True)
        .first()
        or ""
    )


def lesson_body_cache_key(lesson: LessonPage) -> str:
    """The published revision's key; its publication time guards against a reused id."""
    published = lesson.last_published_at.timestamp() if lesson.last_published_at else ""
    return f"courses:lesson-body:{lesson.pk}:{lesson.live_revision_id}:{published}"


def rendered_lesson_body(
    lesson: LessonPage, *, request: HttpRequest | None
) -> SafeString:
    """The lesson body's HTML, the same for every reader of a published revision.

    It is rendered without the request or the reader, so it cannot hold anything
    personal, and cached under the live revision's id: publishing a new revision
    changes the key. It is also kept on the lesson (so a cached lesson carries it).
    Previews always render afresh.
    """
    cacheable = (
        not getattr(request, "is_preview", False)
        and lesson.pk is not None
        and lesson.live
        and lesson.live_revision_id is not None
    )
    if not cacheable:
        return lesson.body.render_as_block(context={"page": lesson})
    html = lesson.__dict__.get(BODY_ATTRIBUTE)
    if html is None:
        key = lesson_body_cache_key(lesson)
        html = cache.get(key)
        if html is None:
            html = str(lesson.body.render_as_block(context={"page": lesson}))
            cache.set(key, html, BODY_CACHE_SECONDS)
        lesson.__dict__[BODY_ATTRIBUTE] = html
    return mark_safe(html)  # noqa: S308 - rendered by the block templates above
