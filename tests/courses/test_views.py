import pytest
from django.urls import reverse

from courses.models import Enrolment, LessonProgress
from courses.services import complete_lesson
from tests.factories.courses import make_lesson, make_module

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_browses_catalogue_and_module(client, catalogue, module):
    response = client.get(catalogue.url)
    assert response.status_code == 200
    assert module.title in response.text

    response = client.get(module.url)
    assert response.status_code == 200
    assert "Sign in</a> to read the lessons" in response.text
    assert Enrolment.objects.count() == 0


def test_anonymous_visitor_reads_lessons_only_of_public_modules(
    client, area_page, lessons
):
    response = client.get(lessons[0].url)
    assert response.status_code == 302
    assert reverse("sign_in") in response.url

    public = make_module(area_page, lessons=1, is_public=True)
    response = client.get(public.get_children().first().url)
    assert response.status_code == 200
    assert "Mark as complete" not in response.text


def test_opening_a_module_enrols_the_trainee(client, trainee, module, lessons):
    client.force_login(trainee)

    response = client.get(module.url)

    assert response.status_code == 200
    assert Enrolment.objects.filter(trainee=trainee, module=module).exists()
    assert "0 of 3 lessons complete" in response.text
    assert "Start the module" in response.text


def test_mark_as_complete_is_idempotent_and_moves_to_the_next_lesson(
    client, trainee, module, lessons
):
    client.force_login(trainee)
    url = reverse("courses:complete_lesson", args=[lessons[0].pk])

    first = client.post(url)
    second = client.post(url)

    assert first.status_code == second.status_code == 302
    assert first.url == lessons[1].url
    assert LessonProgress.objects.filter(trainee=trainee).count() == 1
    response = client.get(module.url)
    assert "1 of 3 lessons complete" in response.text
    assert "Continue where you left off" in response.text


def test_completing_needs_sign_in_and_a_post(client, trainee, lessons):
    url = reverse("courses:complete_lesson", args=[lessons[0].pk])
    assert client.post(url).status_code == 302
    assert LessonProgress.objects.count() == 0

    client.force_login(trainee)
    assert client.get(url).status_code == 405


def test_completing_an_unpublished_or_missing_lesson_is_not_found(
    client, trainee, module
):
    draft = make_lesson(module)
    draft.unpublish()
    client.force_login(trainee)

    assert (
        client.post(reverse("courses:complete_lesson", args=[draft.pk])).status_code
        == 404
    )
    assert (
        client.post(reverse("courses:complete_lesson", args=[999_999])).status_code
        == 404
    )
    assert LessonProgress.objects.count() == 0


def test_my_learning_shows_only_my_own_progress(
    client, trainee, make_user, module, lessons, area_page
):
    other = make_user("Trainee", band=4)
    other_module = make_module(area_page, lessons=1, title="Someone else's module")
    complete_lesson(other, lesson=other_module.get_children().first().specific)
    for lesson in lessons:
        complete_lesson(trainee, lesson=lesson)
    client.force_login(trainee)

    response = client.get(reverse("courses:my_learning"))

    assert response.status_code == 200
    assert module.title in response.text
    assert "3 of 3 lessons complete" in response.text
    assert "Someone else" not in response.text


def test_another_trainees_progress_is_not_shown_on_the_module(
    client, trainee, make_user, module, lessons
):
    other = make_user("Trainee")
    for lesson in lessons:
        complete_lesson(other, lesson=lesson)
    client.force_login(trainee)

    response = client.get(module.url)

    assert "0 of 3 lessons complete" in response.text


def test_my_learning_needs_sign_in(client):
    response = client.get(reverse("courses:my_learning"))
    assert response.status_code == 302


def test_catalogue_filters_by_band_and_area_without_javascript(
    client, catalogue, area_page
):
    from academy.models import SpecialistArea
    from tests.factories.courses import make_area_page

    junior = make_module(area_page, lessons=0, title="Junior module", band_to=3)
    senior = make_module(
        area_page, lessons=0, title="Senior module", band_from=6, band_to=7
    )
    qa = SpecialistArea.objects.create(name="Quality assurance", slug="qa", code="QA")
    qa_module = make_module(
        make_area_page(catalogue, qa),
        lessons=0,
        title="QA module",
        band_from=6,
        band_to=7,
    )

    response = client.get(catalogue.url, {"band": 6})
    assert senior.title in response.text
    assert qa_module.title in response.text
    assert junior.title not in response.text

    response = client.get(catalogue.url, {"band": 6, "area": "qa"})
    assert qa_module.title in response.text
    assert senior.title not in response.text


def test_catalogue_lists_twenty_modules_a_page_keeping_the_filters(
    client, catalogue, area_page
):
    for number in range(25):
        make_module(area_page, lessons=0, title=f"Paged module {number:02d}", band_to=3)
    make_module(area_page, lessons=0, title="Senior module", band_from=6, band_to=7)

    first = client.get(catalogue.url, {"band": 3})
    second = client.get(catalogue.url, {"band": 3, "page": 2})

    def listed(response):
        return {n for n in range(25) if f"Paged module {n:02d}" in response.text}

    assert len(listed(first)) == 20
    assert listed(first) | listed(second) == set(range(25))
    assert "25 modules found" in first.text
    assert "Showing 21 to 25 of 25" in second.text
    assert 'href="?band=3&amp;page=2"' in first.text
    assert "Senior module" not in first.text + second.text


def test_catalogue_search_finds_modules_by_lesson_content(client, catalogue, module):
    make_lesson(
        module,
        title="Settle plates",
        body=[{"type": "richtext", "value": "<p>Tryptone soya agar exposure.</p>"}],
    )
    other = make_module(module.get_parent().specific, lessons=1, title="Unrelated")

    response = client.get(catalogue.url, {"q": "tryptone"})

    assert module.title in response.text
    assert other.title not in response.text


def test_invalid_filter_shows_error_summary(client, catalogue):
    response = client.get(catalogue.url, {"band": 99})

    assert response.status_code == 200
    assert "nhsuk-error-summary" in response.text
    assert "<title>Error:" in response.text


def test_module_shows_who_approved_it(client, area_page, make_user):
    moderator = make_user("TSET moderator", full_name="Ruth Campbell")
    module = make_module(area_page, lessons=0, user=moderator)

    response = client.get(module.url)

    assert "By Ruth Campbell" in response.text


def test_pathway_lists_required_competencies_and_modules(client, trainee, area_page):
    from tests.factories.academy import CompetencyFactory
    from tests.factories.courses import make_pathway

    required = CompetencyFactory(band_from=2, band_to=4, title="Glove changes")
    CompetencyFactory(band_from=6, band_to=7, title="Product release")
    make_module(area_page, lessons=1, competencies=[required], title="Gloves module")
    pathway = make_pathway(area_page, band=3)

    response = client.get(pathway.url)
    assert response.status_code == 200
    assert "Glove changes" in response.text
    assert "Product release" not in response.text
    assert "Gloves module" in response.text

    client.force_login(trainee)
    assert "Not started" in client.get(pathway.url).text


def test_header_links(client, catalogue, trainee):
    from django.core.cache import cache

    cache.clear()
    response = client.get("/")
    assert 'href="/courses/"' in response.text
    assert "My learning" not in response.text

    client.force_login(trainee)
    assert "My learning" in client.get("/").text
