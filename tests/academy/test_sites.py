"""The request's Wagtail site comes from the cache until a site changes."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from academy.sites import site_for_request, site_root_path

pytestmark = pytest.mark.django_db


def lookup(host="localhost"):
    request = RequestFactory().get("/", HTTP_HOST=host)
    with CaptureQueriesContext(connection) as captured:
        site = site_for_request(request)
    return site, len(captured), request


def test_the_site_is_looked_up_once_then_read_from_the_cache():
    default = Site.objects.get(is_default_site=True)
    first, first_queries, _ = lookup()
    again, queries, request = lookup()
    assert first.pk == again.pk == default.pk
    assert first_queries >= 1
    assert queries == 0
    assert request._wagtail_site.pk == default.pk  # where Wagtail looks for it
    assert site_root_path(request) == default.root_page.url_path


def test_editing_a_site_is_seen_by_the_next_request(site_root):
    lookup("learning.example")
    other = Site.objects.create(hostname="learning.example", root_page=site_root)

    site, queries, _ = lookup("learning.example")

    assert site.pk == other.pk
    assert queries >= 1
    other.delete()
    assert lookup("learning.example")[0].is_default_site


def test_the_cached_site_does_not_carry_its_home_page(site_root):
    lookup()
    site, _, _ = lookup()
    assert "root_page" not in site._state.fields_cache
