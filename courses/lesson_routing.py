"""Lesson URLs routed in one query, ahead of Wagtail's page-by-page routing.

A lesson sits four levels below the site's home page (catalogue / specialist area /
module / lesson). Wagtail's routing reads the site and its home page, then each page on
the way with its specific row; the lesson page is the one trainees open most, so a URL
of that shape is looked up here by its URL path in one query, the site coming from the
cache (academy.sites). Everything else about serving it (view restrictions,
`before_serve_page` hooks, the page's own `serve`) is still Wagtail's: the route found
is handed to Wagtail's serve view, which uses it.
"""

from django.http import HttpRequest, HttpResponse
from wagtail.url_routing import RouteResult
from wagtail.views import serve

from academy.sites import site_root_path
from courses.models import LessonPage

# The same path characters as Wagtail's serve pattern, exactly four segments deep.
LESSON_PATH_PATTERN = r"^(?P<path>(?:[\w\-]+/){4})$"


def serve_lesson_path(request: HttpRequest, path: str) -> HttpResponse:
    """Serve the live lesson at this path; any other page as Wagtail would."""
    root_path = site_root_path(request)
    if root_path is not None:
        lesson = (
            LessonPage.objects.live()
            .filter(url_path=f"{root_path}{path}")
            .defer_streamfields()
            .first()
        )
        if lesson is not None:
            # Wagtail's serve view reads the route from here before routing itself.
            request._wagtail_route_for_request = RouteResult(lesson)
    return serve(request, path)
