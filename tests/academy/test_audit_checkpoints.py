"""Signed checkpoints of the audit chain, outside the database: truncation and
recomputation are found, which the chain alone cannot show (issue 16, finding 4)."""

import importlib
import json
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from academy import tasks
from academy.audit_chain import (
    PLAIN_SHA256,
    audit_key,
    checkpoint_payload,
    event_hash,
    sign_checkpoint,
)
from academy.audit_checkpoints import latest_checkpoints, save_checkpoint
from academy.models import AuditEvent
from academy.services import (
    CheckpointRefused,
    audit_trail_report,
    current_audit_key,
    record_audit_event,
    write_audit_checkpoint,
)
from tests.academy.conftest import tamper

pytestmark = pytest.mark.django_db


def record(n: int) -> list[AuditEvent]:
    return [
        record_audit_event("academy.user_signed_in", details={"n": i}) for i in range(n)
    ]


def checkpoint_files(directory) -> list:
    return sorted(directory.rglob("*.json"))


def verify_fails() -> str:
    with pytest.raises(CommandError) as failed:
        call_command("verify_audit_chain")
    return str(failed.value)


def rehash(events, *, after: AuditEvent, key=None) -> None:
    """Relink and recompute every event after `after`, as an attacker would: with
    plain SHA-256 (key None) or a key of their own, claiming the real key's id."""
    previous = after.hash
    for event in events:
        event.refresh_from_db()
        fields = {
            "previous_hash": previous,
            "occurred_at": event.occurred_at,
            "actor_id": event.actor_id,
            "actor_name": event.actor_name,
            "action": event.action,
            "object_type": event.object_type,
            "object_id": event.object_id,
            "object_repr": event.object_repr,
            "details": event.details,
        }
        new_hash = event_hash(key=key, **fields)
        tamper(
            "UPDATE academy_auditevent SET previous_hash = %s, hash = %s, key_id = %s "
            "WHERE id = %s",
            [
                previous,
                new_hash,
                PLAIN_SHA256 if key is None else current_audit_key().key_id,
                event.pk,
            ],
        )
        previous = new_hash


def test_a_checkpoint_is_a_signed_file_naming_the_newest_event_and_count(
    audit_checkpoint_dir,
):
    events = record(3)

    name = write_audit_checkpoint()

    (path,) = checkpoint_files(audit_checkpoint_dir)
    assert path.relative_to(audit_checkpoint_dir).as_posix() == name
    content = json.loads(path.read_text())
    assert content["event_id"] == events[-1].pk
    assert content["event_hash"] == events[-1].hash
    assert content["event_count"] == 3
    assert content["key_id"] == current_audit_key().key_id
    assert len(content["signature"]) == 64
    assert datetime.fromisoformat(content["written_at"]) <= timezone.now()


def test_nothing_is_written_before_the_first_event(audit_checkpoint_dir):
    assert write_audit_checkpoint() is None
    assert checkpoint_files(audit_checkpoint_dir) == []


def test_checkpoints_never_overwrite_and_the_newest_is_read_first(audit_checkpoint_dir):
    record(1)
    first = write_audit_checkpoint(now=datetime(2026, 11, 30, 23, 5, tzinfo=UTC))
    record(1)
    second = write_audit_checkpoint(now=datetime(2026, 12, 1, 0, 5, tzinfo=UTC))

    assert first.startswith("2026/11/")
    assert second.startswith("2026/12/")
    assert [stored.name for stored in latest_checkpoints(5)] == [second, first]
    assert [stored.name for stored in latest_checkpoints(1)] == [second]


def test_an_intact_trail_verifies_against_its_checkpoint(capsys):
    record(4)
    write_audit_checkpoint()
    record(2)

    call_command("verify_audit_chain")

    out = capsys.readouterr().out
    assert out.startswith("OK 6 events: every hash verified (HMAC-SHA256, key")
    assert "Checkpoints checked: 1, each signed with the audit key and matched" in out
    assert "as the newest of 4 events" in out


def test_without_a_checkpoint_the_check_says_truncation_cannot_be_seen(capsys):
    record(2)

    call_command("verify_audit_chain")

    assert "No checkpoint yet" in capsys.readouterr().out


def test_deleting_the_newest_events_is_reported_as_truncation():
    events = record(5)
    write_audit_checkpoint()
    tamper("DELETE FROM academy_auditevent WHERE id >= %s", [events[3].pk])

    report = audit_trail_report()
    message = verify_fails()

    # The chain that is left is internally whole: only the checkpoint shows the loss.
    assert report.chain.ok
    assert not report.ok
    assert {f.kind for c in report.checkpoints for f in c.findings} == {"truncation"}
    assert "TRUNCATED: checkpoint" in message
    assert (
        f"event {events[4].pk}, the newest when the checkpoint was written, is missing"
        in message
    )
    assert "2 of the 5 events at or before" in message
    assert "the trail holds 3 events, fewer than the 5" in message
    assert f"the newest event is #{events[2].pk}" in message
    assert "older than the checkpoint's newest event" in message


def test_deleting_an_event_and_recomputing_later_ones_with_plain_sha256_is_reported():
    events = record(5)
    write_audit_checkpoint()
    tamper("DELETE FROM academy_auditevent WHERE id = %s", [events[2].pk])
    rehash(events[3:], after=events[1])

    report = audit_trail_report()
    message = verify_fails()

    assert report.chain.broken_event_id == events[3].pk
    assert "plain SHA-256 hash after keyed hashes began" in message
    assert "RECOMPUTED: checkpoint" in message
    assert (
        f"event {events[4].pk}'s hash is not the one the checkpoint recorded" in message
    )
    assert "TRUNCATED: checkpoint" in message
    assert "1 of the 5 events at or before" in message


def test_recomputing_later_events_with_a_wrong_key_is_reported():
    events = record(5)
    write_audit_checkpoint()
    tamper("DELETE FROM academy_auditevent WHERE id = %s", [events[1].pk])
    rehash(events[2:], after=events[0], key=audit_key("guessed " + "g" * 40))

    message = verify_fails()

    assert f"BROKEN at event {events[2].pk}" in message
    assert "recomputed without the audit key" in message
    assert "RECOMPUTED: checkpoint" in message


def test_a_whole_chain_recomputed_with_plain_sha256_is_caught_by_the_checkpoint():
    """Without the key, the only chain an attacker can make that links up is a plain
    SHA-256 one from the very start; its hashes are not the checkpoint's."""
    events = record(3)
    write_audit_checkpoint()
    tamper(
        "UPDATE academy_auditevent SET actor_name = %s WHERE id = %s",
        ["Someone Else", events[0].pk],
    )
    first = AuditEvent.objects.get(pk=events[0].pk)
    rehash([first, *events[1:]], after=type("G", (), {"hash": "0" * 64})())

    report = audit_trail_report()

    assert report.chain.ok  # a consistent plain chain...
    assert report.chain.plain == 3
    assert [f.kind for f in report.checkpoints[0].findings] == ["recomputation"]
    assert "RECOMPUTED" in verify_fails()


def test_an_altered_checkpoint_has_a_bad_signature(audit_checkpoint_dir):
    events = record(4)
    write_audit_checkpoint()
    (path,) = checkpoint_files(audit_checkpoint_dir)
    content = json.loads(path.read_text())
    # Make the checkpoint agree with a truncated trail, as an attacker would.
    content.update(event_id=events[1].pk, event_hash=events[1].hash, event_count=2)
    path.write_text(json.dumps(content))

    message = verify_fails()

    assert "BAD CHECKPOINT SIGNATURE" in message
    assert "signature does not match its content" in message


def test_a_checkpoint_forged_with_another_key_has_a_bad_signature():
    events = record(2)
    forger = audit_key("the forger's key " + "q" * 30)
    forged = sign_checkpoint(
        checkpoint_payload(
            event_id=events[1].pk,
            event_hash=events[1].hash,
            event_occurred_at=events[1].occurred_at,
            event_count=2,
            written_at=timezone.now(),
            key_id=current_audit_key().key_id,
        ),
        forger,
    )
    save_checkpoint(forged, written_at=timezone.now())

    assert "BAD CHECKPOINT SIGNATURE" in verify_fails()


def test_an_unreadable_checkpoint_is_reported(audit_checkpoint_dir):
    record(1)
    write_audit_checkpoint()
    (path,) = checkpoint_files(audit_checkpoint_dir)
    path.write_text("not json")

    assert "cannot be read as a checkpoint" in verify_fails()


def test_a_checkpoint_signed_with_a_retired_key_still_verifies(settings, capsys):
    record(2)
    write_audit_checkpoint()
    settings.AUDIT_HMAC_RETIRED_KEYS = [settings.AUDIT_HMAC_KEY]
    settings.AUDIT_HMAC_KEY = "rotated audit key " + "n" * 30
    record(1)

    call_command("verify_audit_chain")

    assert capsys.readouterr().out.startswith("OK 3 events")


def test_an_older_checkpoint_still_stands_when_the_newest_file_is_lost(
    audit_checkpoint_dir,
):
    events = record(3)
    write_audit_checkpoint(now=datetime(2026, 12, 1, 9, 5, tzinfo=UTC))
    record(2)
    write_audit_checkpoint(now=datetime(2026, 12, 1, 10, 5, tzinfo=UTC))
    checkpoint_files(audit_checkpoint_dir)[-1].unlink()
    tamper("DELETE FROM academy_auditevent WHERE id >= %s", [events[1].pk])

    assert "TRUNCATED" in verify_fails()


def test_no_new_checkpoint_is_written_over_a_truncation(audit_checkpoint_dir):
    events = record(4)
    write_audit_checkpoint()
    tamper("DELETE FROM academy_auditevent WHERE id >= %s", [events[2].pk])
    record(3)  # the trail grows again past the checkpoint's count

    with pytest.raises(CheckpointRefused, match="TRUNCATED"):
        write_audit_checkpoint()
    with pytest.raises(CommandError, match="No checkpoint written"):
        call_command("write_audit_checkpoint")
    outcome = tasks.write_audit_checkpoint()

    assert outcome["ok"] is False
    assert "TRUNCATED" in outcome["problem"]
    assert len(checkpoint_files(audit_checkpoint_dir)) == 1
    assert "TRUNCATED" in verify_fails()


def test_the_hourly_task_writes_a_checkpoint_and_the_nightly_task_checks_it(
    audit_checkpoint_dir, caplog
):
    events = record(3)

    written = tasks.write_audit_checkpoint()
    intact = tasks.verify_audit_chain()
    tamper("DELETE FROM academy_auditevent WHERE id = %s", [events[2].pk])
    broken = tasks.verify_audit_chain()

    assert written["ok"] is True
    assert (audit_checkpoint_dir / written["checkpoint"]).exists()
    assert intact["ok"] is True
    assert intact["checked"] == 3
    assert intact["checkpoints"] == 1
    assert broken["ok"] is False
    assert any("TRUNCATED" in problem for problem in broken["problems"])
    assert "Audit trail: TRUNCATED" in caplog.text


def test_the_checkpoint_task_is_scheduled_hourly_and_the_check_nightly(settings):
    schedule = {
        entry["task"]: entry["schedule"]
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
    }

    hourly = schedule["academy.tasks.write_audit_checkpoint"]
    assert hourly.minute == {5}
    assert len(hourly.hour) == 24
    assert schedule["academy.tasks.verify_audit_chain"].hour == {2}


def test_a_configured_storage_is_used_instead_of_the_directory(
    settings, tmp_path, audit_checkpoint_dir
):
    settings.STORAGES = {
        **settings.STORAGES,
        "audit_checkpoints": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "object-store")},
        },
    }
    record(1)

    name = write_audit_checkpoint()

    assert (tmp_path / "object-store" / name).exists()
    assert checkpoint_files(audit_checkpoint_dir) == []
    assert [stored.name for stored in latest_checkpoints(1)] == [name]


def test_the_default_directory_is_private_storage_that_git_ignores(monkeypatch):
    monkeypatch.delenv("ACADEMY_AUDIT_CHECKPOINT_DIR", raising=False)
    monkeypatch.delenv("PRIVATE_STORAGE_ROOT", raising=False)

    base = importlib.reload(importlib.import_module("academy.settings.base"))

    assert base.AUDIT_CHECKPOINT_DIR == base.BASE_DIR / "private" / "audit-checkpoints"
    assert "private/" in (base.BASE_DIR / ".gitignore").read_text().splitlines()
