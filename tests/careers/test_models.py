import pytest

from careers.models import CareerAreaPage, CareersIndexPage

pytestmark = pytest.mark.django_db


def test_career_pages_go_through_the_tset_review_workflow(career_page, careers_index):
    assert career_page.get_workflow().name == "TSET review"
    assert careers_index.get_workflow().name == "TSET review"


def test_editors_may_draft_career_pages_but_not_publish_them(career_page, make_user):
    editor = make_user("TSET editor")
    permissions = career_page.permissions_for_user(editor)

    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_career_pages_sit_under_the_home_page_one_index_only(site_root, careers_index):
    assert CareersIndexPage.can_create_at(site_root) is False  # max_count reached
    assert CareerAreaPage.can_create_at(careers_index)
    assert not CareerAreaPage.can_create_at(site_root)


def test_an_editor_opens_the_admin_forms_of_career_pages(
    client, career_page, careers_index, make_user
):
    client.force_login(make_user("TSET editor"))

    adding = client.get(f"/admin/pages/add/careers/careerareapage/{careers_index.pk}/")
    editing = client.get(f"/admin/pages/{career_page.pk}/edit/")

    assert adding.status_code == 200
    assert editing.status_code == 200
    assert b"Roles by band" in editing.content
    assert b"Pharmacy technician (aseptic services)" in editing.content
