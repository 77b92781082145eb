"""The Wagtail site of a request, kept in the cache.

Wagtail looks the site up with a query (and reads its home page) on every request
that needs it. Sites change only when an administrator edits one, which starts a new
generation of this cache (academy.generations).
"""

import copy

from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site

from academy.generations import cached, start_new_generation

SITE_CACHE_SECONDS = 60 * 60


def site_for_request(request: HttpRequest) -> Site | None:
    """What `Site.find_for_request` returns, from the cache when it can; it is kept
    on the request, where Wagtail's own look-ups find it."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = cached(
            "sites",
            f"{hostname}:{request.get_port()}",
            lambda: _without_home_page(Site.find_for_request(request)),
            timeout=SITE_CACHE_SECONDS,
        )
    return request._wagtail_site


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
    """A site was saved or deleted."""
    start_new_generation("sites")


def _without_home_page(site: Site | None) -> Site | None:
    """The site without its home page object, which can change without the site."""
    if site is None:
        return None
    detached = copy.copy(site)
    detached._state.fields_cache = {}
    return detached
