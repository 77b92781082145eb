"""Career pages and posters are the same for every reader: shared caches may keep them."""

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.models import Page

PAGE_SECONDS = 5 * 60
POSTER_SECONDS = 60 * 60


def mark_public(
    response: HttpResponse, *, page: Page, request: HttpRequest, seconds: int
) -> HttpResponse:
    """Lets shared caches keep what a signed-out reader of a public page gets.

    A signed-in reader's copy carries their header links, and a page an editor has
    made private is for its readers only: both stay private."""
    patch_vary_headers(response, ["Cookie"])
    if request.user.is_authenticated or page.get_view_restrictions().exists():
        patch_cache_control(response, private=True)
    else:
        patch_cache_control(response, public=True, max_age=seconds)
    return response
