"""The portfolio's services: a year needs a registration number, planned records are
timestamped, drafts from Academy activity are filled in, a record without its benefit
stays a draft, refused dates store nothing, and reminders are sent once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from notifications.kinds import Kind
from notifications.models import Notification
from revalidation import queries, services
from revalidation.models import CPDKind, CPDRecord, PeerDiscussion, RevalidationYear
from revalidation.services import PortfolioError
from tests.factories.academy import UserFactory

TODAY = timezone.localdate


def _save(record, **fields):
    values = {
        "what": record.what,
        "learned_on": TODAY(),
        "how": "A half-day course with the QA team",
        "benefit": "I now check each label twice, so fewer errors reach patients",
        "evidence": "",
        "complete": True,
        "now": timezone.now(),
        **fields,
    }
    return services.save_cpd_record(record, **values)


def test_a_year_needs_a_registration_number(db):
    person = UserFactory(registration_number="")
    with pytest.raises(PortfolioError, match="registration number"):
        services.start_revalidation_year(
            person, renewal_date=TODAY() + timedelta(days=30), today=TODAY()
        )
    assert not RevalidationYear.objects.exists()


@pytest.mark.parametrize(
    ("days", "words"), [(-1, "today or in the future"), (400, "next 12 months")]
)
def test_a_renewal_date_in_the_past_or_too_far_ahead_is_refused(
    registrant, days, words
):
    with pytest.raises(PortfolioError, match=words):
        services.start_revalidation_year(
            registrant, renewal_date=TODAY() + timedelta(days=days), today=TODAY()
        )
    assert not RevalidationYear.objects.exists()


def test_a_planned_record_is_timestamped_when_planned(year):
    now = timezone.now()
    record = services.plan_cpd_record(
        year, what="Radiopharmacy course", why_relevant="New service", now=now
    )
    assert (record.kind, record.planned_at) == (CPDKind.PLANNED, now)
    assert record.completed_at is None
    assert not record.counts


def test_a_plan_needs_what_and_why(year):
    with pytest.raises(PortfolioError) as refused:
        services.plan_cpd_record(
            year, what="Course", why_relevant=" ", now=timezone.now()
        )
    assert refused.value.field == "why_relevant"
    assert not CPDRecord.objects.exists()


def test_a_record_completed_without_its_benefit_stays_a_draft(year):
    record = services.plan_cpd_record(
        year, what="Course", why_relevant="Relevant", now=timezone.now()
    )
    saved = _save(record, benefit="")
    assert saved.completed_at is None
    assert saved.how == "A half-day course with the QA team"
    assert queries.year_progress(year).cpd_counted == 0


def test_a_record_with_its_benefit_counts(year):
    record = services.plan_cpd_record(
        year, what="Course", why_relevant="Relevant", now=timezone.now()
    )
    saved = _save(record)
    assert saved.completed_at is not None
    progress = queries.year_progress(year)
    assert (progress.cpd_counted, progress.planned_counted) == (1, 1)


def test_removing_the_benefit_makes_a_record_a_draft_again(year):
    record = _save(
        services.start_unplanned_cpd_record(year, what="Incident", now=timezone.now())
    )
    assert record.counts
    assert not _save(record, benefit="").counts


@pytest.mark.parametrize(
    ("days", "words"),
    [(1, "today or in the past"), (-300, "in this revalidation year")],
)
def test_a_learning_date_in_the_future_or_before_the_year_stores_nothing(
    year, days, words
):
    record = services.start_unplanned_cpd_record(
        year, what="Incident", now=timezone.now()
    )
    with pytest.raises(PortfolioError, match=words) as refused:
        _save(record, learned_on=TODAY() + timedelta(days=days), how="Changed")
    assert refused.value.field == "learned_on"
    record.refresh_from_db()
    assert (record.learned_on, record.how, record.completed_at) == (None, "", None)


def test_a_planned_records_learning_may_not_come_before_its_plan(year):
    record = services.plan_cpd_record(
        year, what="Course", why_relevant="Relevant", now=timezone.now()
    )
    with pytest.raises(PortfolioError, match="after its plan"):
        _save(record, learned_on=TODAY() - timedelta(days=3))


def test_a_finished_module_is_offered_and_drafted_with_what_and_evidence(
    year, registrant, finished_module
):
    [activity] = queries.academy_activity(registrant, year=year)
    assert activity.source == "module"
    record = services.draft_cpd_record_from_activity(
        year, activity=activity, now=timezone.now()
    )
    assert record.kind == CPDKind.UNPLANNED
    assert "Aseptic gowning" in record.what
    assert "completed on" in record.evidence
    assert record.learned_on == TODAY()
    assert record.benefit == ""
    assert not record.counts
    # Drafted once: it is no longer offered, and drafting it again finds the draft.
    assert queries.academy_activity(registrant, year=year) == []
    again = services.draft_cpd_record_from_activity(
        year, activity=activity, now=timezone.now()
    )
    assert again.pk == record.pk


def test_activity_of_someone_else_is_not_offered(year, finished_module, registrant):
    other = UserFactory(registration_number="5099999")
    other_year = services.start_revalidation_year(
        other, renewal_date=year.renewal_date, today=TODAY()
    )
    assert queries.academy_activity(other, year=other_year) == []
    assert len(queries.academy_activity(registrant, year=year)) == 1


def test_a_peer_discussion_in_the_future_stores_nothing(year):
    with pytest.raises(PortfolioError, match="today or in the past") as refused:
        services.record_peer_discussion(
            year,
            peer_name="Sam Patel",
            peer_role="Principal technician",
            discussed_on=TODAY() + timedelta(days=2),
            what_changed="Better handovers",
            now=timezone.now(),
        )
    assert refused.value.field == "discussed_on"
    assert not PeerDiscussion.objects.exists()


def test_a_reflective_account_addresses_the_years_standards(year, standards):
    account = services.write_reflective_account(
        year,
        standards=standards[:1],
        account="How I put people first",
        now=timezone.now(),
    )
    assert list(account.standards.all()) == standards[:1]
    retired = standards[1]
    retired.applies_until = year.renewal_date - timedelta(days=1)
    retired.save()
    with pytest.raises(PortfolioError, match="set for this year"):
        services.write_reflective_account(
            year, standards=[retired], account="Other", now=timezone.now()
        )
    account.refresh_from_db()
    assert account.account == "How I put people first"


def test_reminders_go_once_at_each_threshold_while_records_are_needed(registrant):
    today = TODAY()
    year = services.start_revalidation_year(
        registrant, renewal_date=today + timedelta(days=30), today=today
    )
    assert services.send_revalidation_reminders(today=today) == 1
    assert services.send_revalidation_reminders(today=today) == 0
    notice = Notification.objects.get(recipient=registrant)
    assert notice.kind == Kind.REVALIDATION_DUE
    assert "4 more CPD records" in notice.body
    assert year.renewal_date.strftime("%-d %B %Y") in notice.title
    # A week before, the 7-day reminder.
    assert services.send_revalidation_reminders(today=today + timedelta(days=23)) == 1


def test_no_reminder_before_60_days_or_for_a_complete_year(registrant, standards):
    today = TODAY()
    far = services.start_revalidation_year(
        registrant, renewal_date=today + timedelta(days=61), today=today
    )
    assert services.send_revalidation_reminders(today=today) == 0
    far.delete()
    year = services.start_revalidation_year(
        registrant, renewal_date=today + timedelta(days=7), today=today
    )
    now = timezone.now()
    for kind in ("planned", "planned", "unplanned", "unplanned"):
        if kind == "planned":
            record = services.plan_cpd_record(
                year, what="Course", why_relevant="Relevant", now=now
            )
        else:
            record = services.start_unplanned_cpd_record(year, what="Event", now=now)
        _save(record)
    services.record_peer_discussion(
        year,
        peer_name="Sam Patel",
        peer_role="Principal technician",
        discussed_on=today,
        what_changed="Better handovers",
        now=now,
    )
    services.write_reflective_account(
        year, standards=standards, account="Reflection", now=now
    )
    assert queries.year_progress(year).complete
    assert services.send_revalidation_reminders(today=today) == 0
    assert not Notification.objects.exists()


def test_the_plain_text_leaves_drafts_out(year, registrant):
    counted = _save(
        services.start_unplanned_cpd_record(
            year, what="Spill drill", now=timezone.now()
        )
    )
    services.start_unplanned_cpd_record(
        year, what="Unfinished idea", now=timezone.now()
    )
    text = queries.portfolio_text(year)
    assert "GPhC registration number: 5012345" in text
    assert "CPD record 1 (unplanned)" in text
    assert f"Benefit to people using services: {counted.benefit}" in text
    assert "Unfinished idea" not in text


def test_exceptional_circumstances_reduce_what_the_year_needs(year):
    services.record_exceptional_circumstances(
        year, reduced_cpd_records=2, reason="Long-term illness, agreed by the GPhC"
    )
    year.refresh_from_db()
    progress = queries.year_progress(year)
    assert progress.requirement.cpd_records == 2
    assert progress.still_needed[0] == "2 more CPD records, 2 of them planned"
    with pytest.raises(PortfolioError, match="exceptional circumstances") as refused:
        services.record_exceptional_circumstances(
            year, reduced_cpd_records=1, reason=" "
        )
    assert refused.value.field == "reason"
    with pytest.raises(PortfolioError, match="between 0 and 3"):
        services.record_exceptional_circumstances(
            year, reduced_cpd_records=4, reason="Too many"
        )
    year.refresh_from_db()
    assert year.reduced_cpd_records == 2
    services.record_exceptional_circumstances(year, reduced_cpd_records=None, reason="")
    year.refresh_from_db()
    assert (year.reduced_cpd_records, year.exceptional_circumstances) == (None, "")
