import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, transaction

from academy.models import AuditEvent
from academy.services import audit_chain_report, record_audit_event
from tests.academy.conftest import tamper

pytestmark = pytest.mark.django_db


def test_the_first_event_links_to_the_genesis_hash():
    first = record_audit_event("academy.user_signed_in", actor_name="(system)")

    assert first.previous_hash == AuditEvent.GENESIS_HASH


def test_each_event_links_to_the_hash_of_the_one_before(trainee):
    first = record_audit_event("academy.user_signed_in", actor=trainee, target=trainee)
    second = record_audit_event(
        "academy.user_signed_out", actor=trainee, target=trainee
    )

    assert second.previous_hash == first.hash
    assert second.actor_name == trainee.full_name
    assert second.object_type == "academy.user"
    assert second.object_id == str(trainee.pk)


def test_an_intact_chain_verifies(trainee):
    before = AuditEvent.objects.count()
    for n in range(5):
        record_audit_event(
            "academy.user_signed_in", actor=trainee, details={"n": n, "note": "ü"}
        )

    report = audit_chain_report()

    assert report.ok
    assert report.checked == before + 5


def test_command_reports_ok_with_the_count(capsys):
    record_audit_event("academy.user_signed_in", actor_name="(system)")
    record_audit_event("academy.user_signed_in", actor_name="(system)")

    call_command("verify_audit_chain")

    assert capsys.readouterr().out.startswith("OK 2 events: every hash verified")


def test_edited_content_is_named_as_the_first_broken_event():
    events = [
        record_audit_event("academy.user_signed_in", details={"n": n}) for n in range(4)
    ]
    tamper(
        "UPDATE academy_auditevent SET actor_name = %s WHERE id = %s",
        ["Someone Else", events[2].pk],
    )

    with pytest.raises(CommandError, match=f"BROKEN at event {events[2].pk}"):
        call_command("verify_audit_chain")
    report = audit_chain_report()
    assert report.broken_event_id == events[2].pk
    assert report.checked == 2
    assert "content" in report.reason


def test_a_deleted_event_breaks_the_link_of_the_next(trainee):
    events = [
        record_audit_event("academy.user_signed_in", details={"n": n}) for n in range(4)
    ]
    tamper("DELETE FROM academy_auditevent WHERE id = %s", [events[1].pk])

    report = audit_chain_report()

    assert not report.ok
    assert report.broken_event_id == events[2].pk
    assert "previous hash" in report.reason


def test_a_rehashed_edit_still_breaks_the_chain_at_the_next_event(trainee):
    """Recomputing the edited event's own hash cannot hide the edit: its successor disagrees."""
    from academy.audit_chain import event_hash
    from academy.services import current_audit_key

    events = [
        record_audit_event("academy.user_signed_in", details={"n": n}) for n in range(3)
    ]
    edited = events[0]
    new_hash = event_hash(
        key=current_audit_key(),
        previous_hash=edited.previous_hash,
        occurred_at=edited.occurred_at,
        actor_id=None,
        actor_name="Forged",
        action=edited.action,
        object_type="",
        object_id="",
        object_repr="",
        details=edited.details,
    )
    tamper(
        "UPDATE academy_auditevent SET actor_name = %s, hash = %s WHERE id = %s",
        ["Forged", new_hash, edited.pk],
    )

    report = audit_chain_report()

    assert report.broken_event_id == events[1].pk


def test_the_database_refuses_to_update_an_event(trainee):
    event = record_audit_event("academy.user_signed_in", actor=trainee)

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="something_else")

    event.refresh_from_db()
    assert event.action == "academy.user_signed_in"


def test_the_database_refuses_to_delete_an_event(trainee):
    event = record_audit_event("academy.user_signed_in", actor=trainee)

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()

    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_admin_offers_no_way_to_change_or_delete_events(client, make_user):
    admin = make_user(is_superuser=True, is_staff=True)
    event = record_audit_event("academy.user_signed_in", actor=admin)
    client.force_login(admin)

    listing = client.get("/admin/audit_trail/")
    inspect = client.get(f"/admin/audit_trail/inspect/{event.pk}/")
    edit = client.post(f"/admin/audit_trail/edit/{event.pk}/", {"action": "x"})
    delete = client.post(f"/admin/audit_trail/delete/{event.pk}/")

    assert listing.status_code == 200
    assert inspect.status_code == 200
    assert edit.status_code in {302, 403, 404}
    assert delete.status_code in {302, 403, 404}
    event.refresh_from_db()
    assert event.action == "academy.user_signed_in"
    assert b"/admin/audit_trail/edit/" not in listing.content
