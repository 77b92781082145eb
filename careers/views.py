"""The career area poster: an A4 PDF anyone may download, the same for everyone."""

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from careers.caching import POSTER_SECONDS, mark_public
from careers.models import CareerAreaPage, serves
from careers.posters import poster_cache_key, render_poster


@serves
def serve_poster(request: HttpRequest, *, page: CareerAreaPage) -> HttpResponse:
    """The area's poster, rendered once per published version of the page."""
    key = poster_cache_key(page)
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_poster(page)
        cache.set(key, pdf, 24 * 60 * 60)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="careers-{page.area.slug}-poster.pdf"'
    )
    return mark_public(response, page=page, request=request, seconds=POSTER_SECONDS)
