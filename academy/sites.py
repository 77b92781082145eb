"""The Wagtail site of a request, kept in the cache.

Wagtail looks the site up with a query (and reads its home page) on every request
that needs it. Sites change only when an administrator edits one, which starts a new
generation of this cache, as Wagtail clears its own cache of site root paths.
Processes share it through the configured cache (Redis in production).
"""

import copy
from uuid import uuid4

from django.core.cache import cache
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site

GENERATION_KEY = "academy:sites:generation"
SITE_CACHE_SECONDS = 60 * 60


def site_for_request(request: HttpRequest) -> Site | None:
    """What `Site.find_for_request` returns, from the cache when it can; it is kept
    on the request, where Wagtail's own look-ups find it."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"academy:site:{hostname}:{request.get_port()}"
    found = cache.get_many([GENERATION_KEY, key])
    generation, entry = found.get(GENERATION_KEY), found.get(key)
    if generation is not None and entry is not None and entry[0] == generation:
        request._wagtail_site = entry[1]
        return entry[1]
    site = Site.find_for_request(request)
    if generation is None:
        cache.add(GENERATION_KEY, uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    cache.set(key, (generation, _without_home_page(site)), SITE_CACHE_SECONDS)
    return site


def site_root_path(request: HttpRequest) -> str | None:
    """The URL path of the request's site's home page, e.g. "/home/", from Wagtail's
    cached site root paths."""
    site = site_for_request(request)
    if site is None:
        return None
    return next(
        (
            root.root_path
            for root in Site.get_site_root_paths()
            if root.site_id == site.pk
        ),
        None,
    )


def forget_sites(**kwargs) -> None:
    """A site was saved or deleted: every cached look-up is out of date."""
    cache.set(GENERATION_KEY, uuid4().hex, timeout=None)


def _without_home_page(site: Site | None) -> Site | None:
    """The site without its home page object, which can change without the site."""
    if site is None:
        return None
    detached = copy.copy(site)
    detached._state.fields_cache = {}
    return detached
