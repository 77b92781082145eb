"""Content review in the admin: review dates read as dates, and a module flagged by an
audit finding says so on its edit page and its owner is e-mailed."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format

from courses.models import AuditFinding, ModulePage, ReviewRequest
from courses.services import clear_review_request, request_reviews_for_finding
from tests.factories.academy import CompetencyFactory
from tests.factories.courses import make_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(make_user):
    return make_user("TSET moderator", full_name="Ruth Campbell")


@pytest.fixture
def owner(make_user):
    return make_user("TSET editor", full_name="Olu Adeyemi")


def finding_for(*competencies, reference="MHRA-12") -> AuditFinding:
    finding = AuditFinding.objects.create(
        reference=reference,
        source="mhra",
        found_on=datetime.date(2026, 3, 4),
        summary="Transfer disinfection contact time too short.",
    )
    finding.competencies.set(competencies)
    return finding


def test_the_due_for_review_report_shows_review_dates_as_dates(
    client, area_page, moderator
):
    review_by = timezone.localdate() + datetime.timedelta(days=21)
    make_module(area_page, lessons=0, next_review_date=review_by)
    client.force_login(moderator)

    page = client.get(reverse("courses_due_for_review")).text

    assert date_format(review_by, "j F Y") in page
    assert "Just now" not in page


def test_a_flagged_module_says_so_on_its_edit_page_until_cleared(
    client, area_page, moderator, owner
):
    competency = CompetencyFactory()
    module = make_module(area_page, lessons=0, competencies=[competency])
    edit_url = reverse("wagtailadmin_pages:edit", args=[module.pk])
    client.force_login(owner)
    assert "Review requested by" not in client.get(edit_url).text

    request_reviews_for_finding(finding_for(competency), actor=moderator)

    page = client.get(edit_url).text
    assert "Review requested by an audit finding" in page
    assert "MHRA-12 (MHRA inspection, 4 March 2026)" in page
    assert "Transfer disinfection contact time too short." in page
    clear_review_request(ReviewRequest.objects.get(), cleared_by=moderator)
    assert "Review requested by" not in client.get(edit_url).text


def test_the_owner_is_emailed_once_about_each_flag(
    area_page, moderator, owner, django_capture_on_commit_callbacks
):
    competency = CompetencyFactory()
    module = make_module(area_page, lessons=0, competencies=[competency])
    ModulePage.objects.filter(pk=module.pk).update(content_owner=owner)
    finding = finding_for(competency)

    with django_capture_on_commit_callbacks(execute=True):
        assert request_reviews_for_finding(finding, actor=moderator) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert request_reviews_for_finding(finding, actor=moderator) == 0

    assert [message.to for message in mail.outbox] == [[owner.email]]
    message = mail.outbox[0]
    assert f"Review requested: {module.title}" in message.subject
    assert "MHRA-12" in message.body
    assert reverse("wagtailadmin_pages:edit", args=[module.pk]) in message.body


def test_a_module_without_an_owner_tells_each_moderator_separately(
    area_page, moderator, make_user, django_capture_on_commit_callbacks
):
    second = make_user("TSET moderator")
    competency = CompetencyFactory()
    make_module(area_page, lessons=0, competencies=[competency])

    with django_capture_on_commit_callbacks(execute=True):
        request_reviews_for_finding(finding_for(competency), actor=moderator)

    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [moderator.email, second.email]
    )
    assert all(len(message.to) == 1 for message in mail.outbox)


def test_recording_a_finding_says_how_many_modules_it_flagged(
    client, area_page, moderator
):
    competency = CompetencyFactory()
    make_module(area_page, lessons=0, competencies=[competency])
    make_module(area_page, lessons=0, competencies=[competency])
    client.force_login(moderator)

    response = client.post(
        reverse("wagtailsnippets_courses_auditfinding:add"),
        {
            "reference": "QAAPS-7",
            "source": "qaaps",
            "found_on": "2025-01-10",
            "summary": "Transfer disinfection contact time too short.",
            "competencies": [competency.pk],
        },
        follow=True,
    )

    shown = [str(message).strip() for message in get_messages(response.wsgi_request)]
    assert (
        "2 modules teaching its competencies flagged for review; their owners are "
        "told by e-mail." in shown
    )
