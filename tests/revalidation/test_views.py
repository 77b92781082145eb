"""The portfolio's pages: only the person sees and edits their records (anyone else's
is not found), bad input is named in an error summary that leads to its field, a
record without its benefit is kept as a draft, and the exports hold the records."""

from datetime import timedelta

import pypdfium2
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from revalidation import rules, services
from revalidation.models import CPDRecord, PeerDiscussion, RevalidationYear
from revalidation.queries import current_year_for
from tests.error_summary import assert_error_summary_leads_to_inputs
from tests.factories.academy import UserFactory

TODAY = timezone.localdate


def _typed(name: str, day) -> dict:
    """A date as typed into NHS.UK's Day, Month and Year boxes."""
    return {
        f"{name}_day": str(day.day),
        f"{name}_month": str(day.month),
        f"{name}_year": str(day.year),
    }


def _text(html: bytes) -> str:
    return BeautifulSoup(html, "html.parser").get_text(" ", strip=True)


@pytest.fixture
def planned(year):
    return services.plan_cpd_record(
        year,
        what="Radiopharmacy course",
        why_relevant="New service",
        now=timezone.now(),
    )


def _completion(record, **fields) -> dict:
    return {
        "what": record.what,
        **_typed("learned_on", TODAY()),
        "how": "A day at the regional unit",
        "benefit": "Patients get their scans on time",
        "evidence": "",
        "action": "complete",
        **fields,
    }


def test_someone_without_a_registration_number_has_no_portfolio(client, db):
    client.force_login(UserFactory(registration_number=""))
    assert client.get(reverse("revalidation:portfolio")).status_code == 404


def test_a_signed_out_visitor_is_asked_to_sign_in(client, db):
    response = client.get(reverse("revalidation:portfolio"))
    assert response.status_code == 302
    assert "sign-in" in response["Location"]


def test_a_registrant_starts_a_year_from_the_renewal_date(client, registrant):
    client.force_login(registrant)
    renewal = TODAY() + timedelta(days=90)
    response = client.post(
        reverse("revalidation:portfolio"), _typed("renewal_date", renewal)
    )
    assert response.status_code == 302
    assert RevalidationYear.objects.get(person=registrant).renewal_date == renewal
    page = _text(client.get(reverse("revalidation:portfolio")).content)
    assert f"Still needed by {renewal:%-d %B %Y}" in page
    assert "4 more CPD records, 2 of them planned" in page


def test_a_renewal_date_in_the_past_is_named_and_nothing_stored(client, registrant):
    client.force_login(registrant)
    response = client.post(
        reverse("revalidation:portfolio"),
        _typed("renewal_date", TODAY() - timedelta(days=1)),
    )
    assert response.status_code == 200
    [(target, message)] = assert_error_summary_leads_to_inputs(
        response.content.decode()
    )
    assert target == "id_renewal_date_0"
    assert "today or in the future" in message
    assert not RevalidationYear.objects.exists()


def test_completing_a_planned_record_shows_the_confirmation(
    client, registrant, planned
):
    client.force_login(registrant)
    response = client.post(
        reverse("revalidation:record", args=[planned.pk]), _completion(planned)
    )
    assert response["Location"] == reverse(
        "revalidation:record_complete", args=[planned.pk]
    )
    page = _text(client.get(response["Location"]).content)
    assert "CPD record completed" in page
    assert "1 of 4 CPD records" in page
    planned.refresh_from_db()
    assert planned.counts


def test_a_record_without_its_benefit_is_kept_as_a_draft(client, registrant, planned):
    client.force_login(registrant)
    response = client.post(
        reverse("revalidation:record", args=[planned.pk]),
        _completion(planned, benefit=""),
    )
    assert response.status_code == 200
    [(target, message)] = assert_error_summary_leads_to_inputs(
        response.content.decode()
    )
    assert target == "id_benefit"
    assert "saved as a draft" in message
    planned.refresh_from_db()
    assert planned.how == "A day at the regional unit"
    assert planned.completed_at is None


def test_a_learning_date_in_the_future_is_named_and_nothing_stored(
    client, registrant, planned
):
    client.force_login(registrant)
    response = client.post(
        reverse("revalidation:record", args=[planned.pk]),
        {
            **_completion(planned),
            **_typed("learned_on", TODAY() + timedelta(days=5)),
        },
    )
    [(target, message)] = assert_error_summary_leads_to_inputs(
        response.content.decode()
    )
    assert target == "id_learned_on_0"
    assert "today or in the past" in message
    planned.refresh_from_db()
    assert (planned.learned_on, planned.how) == (None, "")


def test_a_peer_discussion_in_the_future_is_named_and_nothing_stored(
    client, registrant, year
):
    client.force_login(registrant)
    response = client.post(
        reverse("revalidation:peer_discussion"),
        {
            "peer_name": "Sam Patel",
            "peer_role": "Principal technician",
            **_typed("discussed_on", TODAY() + timedelta(days=1)),
            "what_changed": "",
        },
    )
    links = assert_error_summary_leads_to_inputs(response.content.decode())
    assert [target for target, _ in links] == ["id_what_changed"]
    response = client.post(
        reverse("revalidation:peer_discussion"),
        {
            "peer_name": "Sam Patel",
            "peer_role": "Principal technician",
            **_typed("discussed_on", TODAY() + timedelta(days=1)),
            "what_changed": "Better handovers",
        },
    )
    [(target, message)] = assert_error_summary_leads_to_inputs(
        response.content.decode()
    )
    assert target == "id_discussed_on_0"
    assert "today or in the past" in message
    assert not PeerDiscussion.objects.exists()


def test_another_persons_record_is_not_found(client, planned):
    other = UserFactory(registration_number="5077777", roles=["Trainee"])
    client.force_login(other)
    services.start_revalidation_year(
        other, renewal_date=TODAY() + timedelta(days=50), today=TODAY()
    )
    url = reverse("revalidation:record", args=[planned.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, _completion(planned)).status_code == 404
    assert (
        client.get(
            reverse("revalidation:record_complete", args=[planned.pk])
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("revalidation:pdf", args=[planned.year_id])).status_code
        == 404
    )
    assert (
        client.get(reverse("revalidation:text", args=[planned.year_id])).status_code
        == 404
    )
    planned.refresh_from_db()
    assert planned.completed_at is None


def test_a_record_from_a_finished_module_is_drafted_from_the_portfolio(
    client, registrant, year, finished_module
):
    client.force_login(registrant)
    page = client.get(reverse("revalidation:portfolio"))
    assert "Completed the e-learning module &#x27;Aseptic gowning&#x27;" in (
        page.content.decode()
    )
    soup = BeautifulSoup(page.content, "html.parser")
    key = soup.select_one("input[name=activity]")["value"]
    response = client.post(
        reverse("revalidation:draft_from_activity"), {"activity": key}
    )
    record = CPDRecord.objects.get(year=year)
    assert response["Location"] == reverse("revalidation:record", args=[record.pk])
    form = _text(client.get(response["Location"]).content)
    assert "Drafted from your Academy record" in form
    # Someone else's activity key is not theirs to draft.
    other = UserFactory(registration_number="5066666")
    services.start_revalidation_year(
        other, renewal_date=year.renewal_date, today=TODAY()
    )
    client.force_login(other)
    assert (
        client.post(
            reverse("revalidation:draft_from_activity"), {"activity": key}
        ).status_code
        == 404
    )


def test_the_pdf_and_the_plain_text_hold_the_completed_records(
    client, registrant, planned
):
    client.force_login(registrant)
    client.post(reverse("revalidation:record", args=[planned.pk]), _completion(planned))
    response = client.get(reverse("revalidation:pdf", args=[planned.year_id]))
    assert response["Content-Type"] == "application/pdf"
    document = pypdfium2.PdfDocument(response.content)
    text = " ".join(page.get_textpage().get_text_range() for page in document)
    document.close()
    assert "GPhC revalidation portfolio: Ada Registrant" in text
    assert "Patients get their scans on time" in text
    plain = client.get(
        reverse("revalidation:text", args=[planned.year_id]), {"download": "1"}
    )
    assert plain["Content-Type"].startswith("text/plain")
    body = plain.content.decode()
    assert "What: Radiopharmacy course" in body
    assert "Benefit to people using services: Patients get their scans on time" in body


def test_exceptional_circumstances_are_recorded_from_the_portfolio(
    client, registrant, year
):
    client.force_login(registrant)
    url = reverse("revalidation:exceptional_circumstances")
    response = client.post(url, {"reduced_cpd_records": "2", "reason": ""})
    [(target, message)] = assert_error_summary_leads_to_inputs(
        response.content.decode()
    )
    assert target == "id_reason"
    assert message == "Enter the exceptional circumstances the GPhC agreed"
    year.refresh_from_db()
    assert year.reduced_cpd_records is None
    client.post(url, {"reduced_cpd_records": "2", "reason": "Parental leave"})
    page = _text(client.get(reverse("revalidation:portfolio")).content)
    assert "0 of 2 counted" in page
    assert "A reduced requirement applies" in page


def test_after_the_renewal_date_the_next_year_is_offered(client, registrant):
    today = TODAY()
    past = RevalidationYear.objects.create(
        person=registrant,
        renewal_date=today - timedelta(days=3),
        created_at=timezone.now(),
    )
    client.force_login(registrant)
    page = BeautifulSoup(
        client.get(reverse("revalidation:portfolio")).content, "html.parser"
    )
    assert page.find("h2", string="Your next revalidation year")
    offered = rules.next_renewal_date(past.renewal_date)
    assert page.select_one("#id_renewal_date_2")["value"] == str(offered.year)
    client.post(reverse("revalidation:portfolio"), _typed("renewal_date", offered))
    assert current_year_for(registrant).renewal_date == offered


def test_the_home_page_says_what_is_still_needed(client, registrant, year):
    client.force_login(registrant)
    page = _text(client.get("/").content)
    assert "GPhC revalidation" in page
    assert f"Still needed by {year.renewal_date:%-d %B %Y}" in page


def test_the_home_page_of_someone_unregistered_has_no_revalidation_panel(client, db):
    client.force_login(UserFactory(registration_number="", roles=["Trainee"]))
    assert "GPhC revalidation" not in _text(client.get("/").content)


def test_the_owner_deletes_a_draft_record_after_confirming(client, registrant, planned):
    client.force_login(registrant)
    portfolio = client.get(reverse("revalidation:portfolio")).content.decode()
    url = reverse("revalidation:delete_record", args=[planned.pk])
    assert f'href="{url}"' in portfolio

    page = client.get(url)
    assert page.status_code == 200
    assert "Delete this draft CPD record?" in _text(page.content)
    assert CPDRecord.objects.filter(pk=planned.pk).exists()  # GET deletes nothing

    response = client.post(url, follow=True)
    assert response.redirect_chain == [(reverse("revalidation:portfolio"), 302)]
    assert "Your draft CPD record was deleted." in _text(response.content)
    assert not CPDRecord.objects.filter(pk=planned.pk).exists()


def test_a_completed_record_cannot_be_deleted(client, registrant, planned):
    client.force_login(registrant)
    client.post(reverse("revalidation:record", args=[planned.pk]), _completion(planned))
    planned.refresh_from_db()
    assert planned.counts
    url = reverse("revalidation:delete_record", args=[planned.pk])
    assert (
        f'href="{url}"'
        not in client.get(reverse("revalidation:portfolio")).content.decode()
    )

    page = _text(client.get(url).content)
    assert "This CPD record cannot be deleted" in page
    assert "Delete the draft" not in page
    response = client.post(url)
    assert response.status_code == 200
    assert "completed, so it cannot be deleted" in _text(response.content)
    assert CPDRecord.objects.filter(pk=planned.pk).exists()


def test_another_persons_draft_cannot_be_deleted(client, planned):
    client.force_login(UserFactory(registration_number="5077777", roles=["Trainee"]))
    url = reverse("revalidation:delete_record", args=[planned.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert CPDRecord.objects.filter(pk=planned.pk).exists()
