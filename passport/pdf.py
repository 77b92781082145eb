"""The passport's PDFs (certificates, the whole passport): rendered by the Academy's
one PDF renderer (`academy.pdf`, static files and `data:` URLs only) with the
certificate stylesheet."""

from academy import pdf
from academy.pdf import RefusedURL, StaticOnlyURLFetcher, static_roots

__all__ = [
    "PDF_STYLESHEET",
    "RefusedURL",
    "StaticOnlyURLFetcher",
    "html_to_pdf",
    "render_pdf",
    "static_roots",
    "warm_up",
]

PDF_STYLESHEET = "passport/certificate.css"


def warm_up() -> None:
    """Build the fonts and the stylesheet now, so the first render is not the slow one."""
    html_to_pdf("<p>Technical Services Skills Academy</p>")


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render a template to a PDF."""
    return pdf.render_pdf(template_name, context, stylesheet_name=PDF_STYLESHEET)


def html_to_pdf(html: str) -> bytes:
    """Relative URLs resolve against the site's URL; only static files load."""
    return pdf.html_to_pdf(html, stylesheet_name=PDF_STYLESHEET)
