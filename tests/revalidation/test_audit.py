"""Every write of a revalidation portfolio is audited, its person the actor; a draft
CPD record may be deleted (audited), a completed one may not."""

from datetime import timedelta

import pytest
from django.utils import timezone

from academy.models import AuditEvent
from revalidation import queries, services
from revalidation.models import CPDRecord
from revalidation.services import PortfolioError

TODAY = timezone.localdate


def _actions(person) -> list[tuple[str, str]]:
    return list(
        AuditEvent.objects.filter(actor=person, action__startswith="revalidation.")
        .order_by("id")
        .values_list("action", "object_type")
    )


def _plan(year):
    return services.plan_cpd_record(
        year,
        what="Radiopharmacy course",
        why_relevant="New service",
        now=timezone.now(),
    )


def _save(record, *, benefit: str):
    return services.save_cpd_record(
        record,
        what=record.what,
        learned_on=TODAY(),
        how="A day at the regional unit",
        benefit=benefit,
        evidence="",
        complete=True,
        now=timezone.now(),
    )


def test_cpd_records_are_audited_when_created_saved_and_completed(
    year, registrant, finished_module
):
    record = _plan(year)
    _save(record, benefit="")
    _save(record, benefit="Patients get their scans on time")
    _save(record, benefit="Patients get their scans sooner")
    services.start_unplanned_cpd_record(year, what="A webinar", now=timezone.now())
    [activity] = queries.academy_activity(registrant, year=year)
    for _ in range(2):  # drafting the same activity again creates nothing
        services.draft_cpd_record_from_activity(
            year, activity=activity, now=timezone.now()
        )

    cpd = "revalidation.cpdrecord"
    assert _actions(registrant) == [
        ("revalidation.revalidation_year_started", "revalidation.revalidationyear"),
        ("revalidation.cpd_record_created", cpd),
        ("revalidation.cpd_record_updated", cpd),
        ("revalidation.cpd_record_completed", cpd),
        ("revalidation.cpd_record_updated", cpd),
        ("revalidation.cpd_record_created", cpd),
        ("revalidation.cpd_record_created", cpd),
    ]
    completed = AuditEvent.objects.get(action="revalidation.cpd_record_completed")
    assert completed.object_id == str(record.pk)
    assert completed.details == {"year_id": year.pk, "kind": "planned"}


def test_peer_discussion_reflective_account_and_circumstances_are_audited(
    year, registrant, standards
):
    for what_changed in ("Better handovers", "Better handovers and checks"):
        services.record_peer_discussion(
            year,
            peer_name="Sam Patel",
            peer_role="Principal technician",
            discussed_on=TODAY() - timedelta(days=3),
            what_changed=what_changed,
            now=timezone.now(),
        )
    for account in ("How I put people first", "How I put people first, again"):
        services.write_reflective_account(
            year, standards=standards[:1], account=account, now=timezone.now()
        )
    services.record_exceptional_circumstances(
        year, reduced_cpd_records=2, reason="Long-term sick leave"
    )

    assert [action for action, _ in _actions(registrant)[1:]] == [
        "revalidation.peer_discussion_recorded",
        "revalidation.peer_discussion_updated",
        "revalidation.reflective_account_written",
        "revalidation.reflective_account_updated",
        "revalidation.exceptional_circumstances_recorded",
    ]


def test_a_refused_write_is_not_audited(year, registrant):
    with pytest.raises(PortfolioError):
        services.plan_cpd_record(year, what="", why_relevant="", now=timezone.now())
    assert len(_actions(registrant)) == 1  # the year started


def test_a_draft_record_is_deleted_and_audited(year, registrant):
    record = _plan(year)

    services.delete_draft_cpd_record(record)

    assert not CPDRecord.objects.exists()
    deleted = AuditEvent.objects.get(action="revalidation.cpd_record_deleted")
    assert deleted.actor == registrant
    assert deleted.object_id == str(record.pk)


def test_deleting_a_record_already_deleted_changes_nothing(year, registrant):
    """The same POST sent twice at once: the second finds the record gone."""
    record = _plan(year)
    services.delete_draft_cpd_record(record)

    services.delete_draft_cpd_record(record)

    assert (
        AuditEvent.objects.filter(action="revalidation.cpd_record_deleted").count() == 1
    )


def test_a_completed_record_cannot_be_deleted(year, registrant):
    record = _save(_plan(year), benefit="Patients get their scans on time")

    with pytest.raises(PortfolioError, match="completed, so it cannot be deleted"):
        services.delete_draft_cpd_record(record)

    assert CPDRecord.objects.filter(pk=record.pk).exists()
    assert not AuditEvent.objects.filter(
        action="revalidation.cpd_record_deleted"
    ).exists()
