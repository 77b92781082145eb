"""The site's URLs plus a bare Django view, the baseline a benchmark compares against."""

from django.http import HttpResponse
from django.urls import path

from academy.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
