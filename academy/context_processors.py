"""What every page of the site shell needs: the service name and navigation."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from wagtail import hooks

from academy.roles import ADMINISTRATOR, TSET_EDITOR, TSET_MODERATOR, role_names

# The header shows at most this many links, Home included; the home page lists the
# rest under "More pages", so every page stays a click or two from any other.
MAX_PRIMARY_LINKS = 5
# A link's `priority` when its hook gives none: lower is kept first.
DEFAULT_PRIORITY = 50
ADMIN_ROLES = frozenset({TSET_EDITOR, TSET_MODERATOR, ADMINISTRATOR})


def admin_links(request: HttpRequest) -> list[dict]:
    """Editors, moderators and administrators work in the Wagtail admin."""
    if ADMIN_ROLES.isdisjoint(role_names(request)):
        return []
    return [{"label": "Admin", "url": reverse("wagtailadmin_home"), "priority": 5}]


def navigation(request: HttpRequest) -> tuple[list[dict], list[dict]]:
    """(header links, the rest): Home, then the most important of the links higher
    apps add through the `academy_primary_links` hook, lowest `priority` first (the
    hooks' order among equals); the links that did not fit, for the home page."""
    links = admin_links(request)
    for hook in hooks.get_hooks("academy_primary_links"):
        links.extend(hook(request))
    links.sort(key=lambda link: link.get("priority", DEFAULT_PRIORITY))
    kept = MAX_PRIMARY_LINKS - 1
    return [{"label": "Home", "url": "/"}, *links[:kept]], links[kept:]


def footer_links(request: HttpRequest) -> list[dict]:
    """The footer's links, on every page and for everyone, signed in or not: the
    accessibility statement, then the public pages higher apps add through the
    `academy_footer_links` hook (such as the certificate check)."""
    links = [{"label": "Accessibility statement", "url": "/accessibility/"}]
    for hook in hooks.get_hooks("academy_footer_links"):
        links.extend(hook(request))
    return links


def site_shell(request: HttpRequest) -> dict:
    """Header and footer links; higher apps add theirs through hooks."""
    links, more = navigation(request)
    path = request.path
    # Only the most specific section is marked, e.g. /assessments/workplace/ over
    # /assessments/.
    prefixes = [
        link["url"]
        for link in links
        if link["url"] != "/" and path.startswith(link["url"])
    ]
    deepest = max(prefixes, key=len, default=None)
    for link in links:
        link["current"] = path == link["url"]
        link["active"] = not link["current"] and link["url"] == deepest
    return {
        "service_name": settings.SERVICE_NAME,
        "primary_links": links,
        "more_links": more,
        "footer_links": footer_links(request),
    }
