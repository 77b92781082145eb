"""The admin does not autosave: an autosaved create form left orphan draft pages whose
slugs blocked new ones, and duplicate questions when Save was clicked during one."""

import pytest
from django.urls import reverse

from tests.factories.courses import make_area_page, make_catalogue, make_module

pytestmark = pytest.mark.django_db


def assert_no_autosave(html: str) -> None:
    """The editor's form saves only when asked (Wagtail still draws the indicator)."""
    assert "data-w-autosave-interval-value" not in html
    assert "w-autosave#save" not in html


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user("TSET editor"))


def test_page_create_and_edit_forms_do_not_autosave(client, editor, site_root):
    module = make_module(make_area_page(make_catalogue(site_root)), lessons=1)
    create = client.get(
        reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])
    )
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
    for response in (create, edit):
        assert response.status_code == 200
        assert_no_autosave(response.text)


def test_snippet_create_and_edit_forms_do_not_autosave(client, editor):
    from tests.factories.academy import CompetencyFactory

    competency = CompetencyFactory()
    create = client.get(reverse("wagtailsnippets_assessments_question:add"))
    edit = client.get(
        reverse("wagtailsnippets_academy_competency:edit", args=[competency.pk])
    )
    for response in (create, edit):
        assert response.status_code == 200
        assert_no_autosave(response.text)
