"""Career posters: an area's roles and a QR code to its page, printed on A4 by the
Academy's one PDF renderer (`academy.pdf`: static files and `data:` URLs only)."""

from django.conf import settings

from academy.pdf import render_pdf
from academy.qr import qr_data_uri
from careers.models import CareerAreaPage
from careers.queries import absolute_page_url, role_cards

POSTER_TEMPLATE = "careers/poster.html"
POSTER_STYLESHEET = "careers/poster.css"


def poster_cache_key(page: CareerAreaPage) -> str:
    """A poster changes when the page is published again or the site's address does."""
    published = page.last_published_at.timestamp() if page.last_published_at else 0
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"careers:poster:{page.pk}:{published}:{base}"


def render_poster(page: CareerAreaPage) -> bytes:
    """The area's A4 poster: its roles by band and a QR code of the page's address."""
    url = absolute_page_url(page)
    return render_pdf(
        POSTER_TEMPLATE,
        {
            "page": page,
            "area": page.area,
            "role_cards": role_cards(page, area_index=None),
            "page_url": url,
            "qr_code": qr_data_uri(url),
        },
        stylesheet_name=POSTER_STYLESHEET,
    )
