"""The Wagtail site of a request, kept in the cache.

Wagtail looks the site up with a query (and reads its home page) on every request
that needs it. Sites change only when an administrator edits one, which starts a new
generation of this cache (academy.generations).
"""

import copy

from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import SiteRootPath

from academy.generations import cached, start_new_generation

SITE_CACHE_SECONDS = 60 * 60


def site_for_request(request: HttpRequest) -> Site | None:
    """What `Site.find_for_request` returns, from the cache when it can; it is kept
    on the request, where Wagtail's own look-ups find it."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = cached(
            "sites",
            site_key(request),
            lambda: _site_without_home_page(request),
            timeout=SITE_CACHE_SECONDS,
        )
    return request._wagtail_site


def site_key(request: HttpRequest) -> str:
    """What a site is found by: the request's host name and port."""
    return f"{split_domain_port(request._get_raw_host())[0]}:{request.get_port()}"


def site_root_paths(request: HttpRequest) -> list[SiteRootPath]:
    """Wagtail's cached site root paths, read once per request: they are kept on the
    request where Wagtail's own page URLs look for them."""
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    return request._wagtail_cached_site_root_paths


def site_root_path(request: HttpRequest) -> str | None:
    """The URL path of the request's site's home page, e.g. "/home/"."""
    site = site_for_request(request)
    if site is None:
        return None
    return next(
        (
            root.root_path
            for root in site_root_paths(request)
            if root.site_id == site.pk
        ),
        None,
    )


def forget_sites(**kwargs) -> None:
    """A site was saved or deleted."""
    start_new_generation("sites")


def _site_without_home_page(request: HttpRequest) -> Site | None:
    """The request's site without its home page object, which can change without the
    site."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    detached = copy.copy(site)
    detached._state.fields_cache = {}
    return detached
