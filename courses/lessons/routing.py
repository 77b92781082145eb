"""Lesson URLs routed ahead of Wagtail's page-by-page routing, from one cache entry.

A lesson sits four levels below the site's home page (catalogue / specialist area /
module / lesson). Wagtail's routing reads the site and its home page, then each page on
the way with its specific row; the lesson page is the one trainees open most, so a URL
of that shape is looked up here by its URL path. Everything else about serving it
(view restrictions, `before_serve_page` hooks, the page's own `serve`) is still
Wagtail's: the route found is handed to Wagtail's serve view, which uses it.

What a lesson URL needs that is the same for every reader (the site, Wagtail's site
root paths, the live lesson with its outline and rendered body) is one `LessonRoute`
in the cache, read in one round trip, until a site, a page or a view restriction
changes (academy.generations); what is personal (the reader's marks) is not cached.
"""

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import SiteRootPath
from wagtail.url_routing import RouteResult
from wagtail.views import serve

from academy.generations import cached, start_new_generation
from academy.sites import site_for_request, site_key, site_root_path, site_root_paths
from courses.lessons.queries import lesson_outline, rendered_lesson_body
from courses.models import LessonPage

# The same path characters as Wagtail's serve pattern, exactly four segments deep.
LESSON_PATH_PATTERN = r"^(?P<path>(?:[\w\-]+/){4})$"
LESSON_CACHE_SECONDS = 10 * 60


@dataclass
class LessonRoute:
    """What serving a lesson URL needs that is the same for every reader: the site,
    Wagtail's site root paths, and the live lesson (None if there is none) with its
    outline and rendered body. Cached as one entry, so a request reads it in one
    round trip."""

    site: Site | None
    site_root_paths: list[SiteRootPath]
    lesson: LessonPage | None

    def apply_to(self, request: HttpRequest) -> None:
        """Leave it on the request, where Wagtail and academy.sites look first."""
        request._wagtail_site = self.site
        request._wagtail_cached_site_root_paths = self.site_root_paths
        if self.lesson is not None:
            # Wagtail's serve view reads the route from here before routing itself.
            request._wagtail_route_for_request = RouteResult(self.lesson)


def serve_lesson_path(request: HttpRequest, path: str) -> HttpResponse:
    """Serve the live lesson at this path; any other page as Wagtail would."""
    route = cached(
        ("sites", "pages"),
        f"lesson-route:{site_key(request)}/{path}",
        lambda: lesson_route(request, path),
        timeout=LESSON_CACHE_SECONDS,
    )
    route.apply_to(request)
    return serve(request, path)


def lesson_route(request: HttpRequest, path: str) -> LessonRoute:
    root_path = site_root_path(request)
    return LessonRoute(
        site=site_for_request(request),
        site_root_paths=site_root_paths(request),
        lesson=live_lesson_with_outline(f"{root_path}{path}") if root_path else None,
    )


def live_lesson_with_outline(url_path: str) -> LessonPage | None:
    lesson = (
        LessonPage.objects.live().filter(url_path=url_path).defer_streamfields().first()
    )
    if lesson is not None:
        # Both are kept on the lesson, so cached with it.
        lesson_outline(lesson)
        rendered_lesson_body(lesson, request=None)
    return lesson


def forget_pages(sender=None, instance=None, **kwargs) -> None:
    """A page or a view restriction was saved, moved or deleted."""
    if instance is None or isinstance(instance, (Page, PageViewRestriction)):
        start_new_generation("pages")
