"""Lesson URLs are found in one query ahead of Wagtail's routing, and nothing else changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.factories.courses import make_lesson, make_module

pytestmark = pytest.mark.django_db


def page_queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured]


def routing_queries(sql: list[str]) -> list[str]:
    return [query for query in sql if '"wagtailcore_page"."url_path" =' in query]


def test_a_lesson_is_routed_without_reading_the_pages_above_it(
    client, trainee, area_page
):
    module = make_module(area_page, lessons=2)
    lesson = module.get_children().first().specific
    client.force_login(trainee)
    sql = page_queries(client, lesson.url)
    routing = routing_queries(sql)
    assert len(routing) == 1, routing
    assert "courses_lessonpage" in routing[0]
    # No query reads the home page, the catalogue or the area page by its slug.
    assert not [query for query in sql if '"wagtailcore_page"."slug" =' in query]


def test_the_lesson_and_its_outline_are_cached_until_a_page_changes(
    client, trainee, area_page
):
    module = make_module(area_page, lessons=2)
    first, second = (page.specific for page in module.get_children())
    client.force_login(trainee)
    page_queries(client, first.url)

    again = page_queries(client, first.url)
    assert not routing_queries(again)
    assert not [query for query in again if "wagtailcore_pageviewrestriction" in query]

    second.title = "Renamed lesson"
    second.save_revision().publish()
    response = client.get(first.url)
    assert "Renamed lesson" in response.content.decode()  # the outline, read afresh


def test_a_cached_lesson_is_read_from_the_cache_in_one_round_trip(
    client, trainee, area_page, cache_calls
):
    module = make_module(area_page, lessons=2)
    lesson = module.get_children().first().specific
    client.force_login(trainee)
    page_queries(client, lesson.url)
    cache_calls.clear()

    response = client.get(lesson.url)

    # The site, its root paths, the lesson, its outline and its body: one entry.
    assert cache_calls == ["get_many"]
    assert lesson.title in response.content.decode()
    assert response.context["body"]  # the rendered body, from the same entry


def test_unpublished_or_missing_lessons_are_not_found(client, trainee, area_page):
    module = make_module(area_page, lessons=1)
    lesson = module.get_children().first().specific
    url = lesson.url
    client.force_login(trainee)
    assert client.get(url).status_code == 200
    lesson.unpublish()
    assert client.get(url).status_code == 404
    assert client.get(url.replace(lesson.slug, "no-such-lesson")).status_code == 404


def test_other_pages_four_levels_down_are_served_by_wagtail(client, trainee, area_page):
    module = make_module(area_page, lessons=1)
    lesson = make_lesson(module, title="Deep lesson")
    # A page of another type at a lesson's depth, reached through Wagtail's routing.
    other = Page(title="Not a lesson", slug="not-a-lesson")
    lesson.get_parent().add_child(instance=other)
    other.save_revision().publish()
    client.force_login(trainee)
    response = client.get(other.url)
    assert response.status_code == 200
    assert response.context["page"].pk == other.pk
