"""PDFs the Academy issues: a template rendered to HTML, then to PDF by WeasyPrint.

WeasyPrint may read only our own static files and `data:` URLs: no network, and no
other file on the server, whatever a template or a person's name contains. Each kind
of PDF names its stylesheet (a static file), parsed once per process.
"""

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import CSS, HTML, URLFetcher
from weasyprint.text.fonts import FontConfiguration


class RefusedURL(ValueError):
    """WeasyPrint asked for something other than a static file or a data: URL."""


def static_roots() -> list[Path]:
    """Directories that hold the static files a PDF may use."""
    roots = [Path(root).resolve() for root in settings.STATICFILES_DIRS]
    roots.append(Path(settings.STATIC_ROOT).resolve())
    return roots


def _static_file(url: str) -> Path:
    parts = urlsplit(url)
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if parts.scheme == "file":
        path = Path(unquote(parts.path)).resolve()
        if any(path.is_relative_to(root) for root in static_roots()):
            return path
    elif (parts.scheme, parts.netloc) == (base.scheme, base.netloc) and (
        parts.path.startswith(settings.STATIC_URL)
    ):
        found = finders.find(unquote(parts.path.removeprefix(settings.STATIC_URL)))
        if found:
            return Path(found)
    raise RefusedURL(f"PDFs may not load {url!r}")


class StaticOnlyURLFetcher(URLFetcher):
    """Serves data: URLs and the Academy's static files; refuses everything else."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        return super().fetch(_static_file(url).as_uri(), headers)


@cache
def font_configuration() -> FontConfiguration:
    """One font configuration per process: building it scans the system's fonts."""
    return FontConfiguration()


@cache
def stylesheet(name: str) -> CSS:
    """A PDF stylesheet (a static file's name), read and parsed once per process."""
    return CSS(filename=finders.find(name), font_config=font_configuration())


def render_pdf(template_name: str, context: dict, *, stylesheet_name: str) -> bytes:
    """Render a template to a PDF with one of the PDF stylesheets."""
    return html_to_pdf(
        render_to_string(template_name, context), stylesheet_name=stylesheet_name
    )


def html_to_pdf(html: str, *, stylesheet_name: str) -> bytes:
    """Relative URLs resolve against the site's URL; only static files load.

    The stylesheet is applied here, not linked from the templates, so it is parsed
    once per process rather than on every render.
    """
    document = HTML(
        string=html,
        base_url=settings.WAGTAILADMIN_BASE_URL,
        url_fetcher=StaticOnlyURLFetcher(allowed_protocols=("data", "file")),
    )
    return document.write_pdf(
        stylesheets=[stylesheet(stylesheet_name)], font_config=font_configuration()
    )
