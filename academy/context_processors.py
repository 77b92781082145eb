"""What every page of the site shell needs: the service name and navigation."""

from django.conf import settings
from django.http import HttpRequest
from wagtail import hooks


def site_shell(request: HttpRequest) -> dict:
    """Header and footer links; higher apps add theirs through the `primary_links` hook."""
    links = [{"label": "Home", "url": "/"}]
    for hook in hooks.get_hooks("academy_primary_links"):
        links.extend(hook(request))
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
        "footer_links": [
            {"label": "Accessibility statement", "url": "/accessibility/"},
        ],
    }
