"""Keyed audit hashes: each event's hash is an HMAC-SHA256 under a key held outside
the database, so someone with only the database cannot recompute a chain that
verifies (issue 16, finding 4)."""

import hashlib
import hmac
import importlib
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from academy.audit_chain import (
    PLAIN_SHA256,
    audit_key,
    event_content,
    event_hash,
    verify_chain,
)
from academy.models import AuditEvent
from academy.services import audit_chain_report, current_audit_key, record_audit_event
from tests.academy.conftest import tamper

pytestmark = pytest.mark.django_db


def content_of(event: AuditEvent, **changes) -> dict:
    content = {
        "previous_hash": event.previous_hash,
        "occurred_at": event.occurred_at,
        "actor_id": event.actor_id,
        "actor_name": event.actor_name,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "object_repr": event.object_repr,
        "details": event.details,
    }
    content.update(changes)
    return content


def stored_plain(n: int, previous_hash: str) -> AuditEvent:
    """An event as the code before keyed hashes stored it: plain SHA-256, no key id."""
    fields = {
        "previous_hash": previous_hash,
        "occurred_at": timezone.now(),
        "actor_id": None,
        "actor_name": "(system)",
        "action": "academy.user_signed_in",
        "object_type": "",
        "object_id": "",
        "object_repr": f"old {n}",
        "details": {"n": n},
    }
    return AuditEvent.objects.create(
        hash=event_hash(key=None, **fields), key_id=PLAIN_SHA256, **fields
    )


def test_a_new_event_is_hashed_with_an_hmac_under_the_configured_key(settings):
    event = record_audit_event("academy.user_signed_in", details={"n": 1})

    key = audit_key(settings.AUDIT_HMAC_KEY)
    message = event_content(**content_of(event))
    assert event.key_id == key.key_id
    assert event.hash == hmac.new(key.event_key, message, hashlib.sha256).hexdigest()
    assert event.hash != hashlib.sha256(message).hexdigest()
    # The key id is a fingerprint, not the key.
    assert settings.AUDIT_HMAC_KEY not in event.key_id
    assert len(event.key_id) == 16


def test_the_key_id_and_derived_keys_differ_by_purpose_and_by_key():
    one, two = audit_key("first-key-" + "x" * 30), audit_key("second-key-" + "x" * 30)

    assert one.key_id != two.key_id
    assert one.event_key != one.checkpoint_key
    assert one.event_key != two.event_key
    assert "x" * 30 not in repr(one)


def test_an_empty_key_is_refused(settings):
    settings.AUDIT_HMAC_KEY = ""

    with pytest.raises(ImproperlyConfigured, match="ACADEMY_AUDIT_KEY"):
        record_audit_event("academy.user_signed_in")
    assert not AuditEvent.objects.exists()


def test_events_from_before_keys_still_verify_and_the_chain_goes_on_keyed():
    first = stored_plain(1, AuditEvent.GENESIS_HASH)
    second = stored_plain(2, first.hash)
    keyed = record_audit_event("academy.user_signed_in")

    report = audit_chain_report()

    assert keyed.previous_hash == second.hash
    assert report.ok
    assert report.checked == 3
    assert report.plain == 2
    assert report.key_ids == (keyed.key_id,)


def test_a_chain_recomputed_with_the_public_hash_function_is_refused_after_keys():
    """Database access alone: delete the newest events, append forged ones hashed the
    only way the attacker can, with plain SHA-256."""
    events = [
        record_audit_event("academy.user_signed_in", details={"n": n}) for n in range(4)
    ]
    tamper("DELETE FROM academy_auditevent WHERE id >= %s", [events[2].pk])
    forged = stored_plain(99, events[1].hash)

    report = audit_chain_report()

    assert not report.ok
    assert report.broken_event_id == forged.pk
    assert "plain SHA-256 hash after keyed hashes began" in report.reason


def test_an_edit_rehashed_with_a_wrong_key_is_found(settings):
    events = [
        record_audit_event("academy.user_signed_in", details={"n": n}) for n in range(3)
    ]
    guessed = audit_key("a key the attacker guessed " + "y" * 20)
    forged_hash = event_hash(
        key=guessed, **content_of(events[2], actor_name="Someone Else")
    )
    tamper(
        "UPDATE academy_auditevent SET actor_name = %s, hash = %s WHERE id = %s",
        ["Someone Else", forged_hash, events[2].pk],
    )

    report = audit_chain_report()

    assert report.broken_event_id == events[2].pk
    assert "recomputed without the audit key" in report.reason
    with pytest.raises(CommandError, match=f"BROKEN at event {events[2].pk}"):
        call_command("verify_audit_chain")


def test_an_edit_rehashed_with_the_wrong_key_id_claimed_is_found(settings):
    """Claiming the real key's id does not help without the key itself."""
    event = record_audit_event("academy.user_signed_in", details={"n": 1})
    forged_hash = event_hash(
        key=audit_key("not the key " + "z" * 30), **content_of(event, details={})
    )
    tamper(
        "UPDATE academy_auditevent SET details = %s, hash = %s WHERE id = %s",
        ["{}", forged_hash, event.pk],
    )

    assert audit_chain_report().broken_event_id == event.pk


def test_after_rotation_old_events_verify_with_the_retired_key(settings):
    old = record_audit_event("academy.user_signed_in", details={"n": 1})
    settings.AUDIT_HMAC_RETIRED_KEYS = [settings.AUDIT_HMAC_KEY]
    settings.AUDIT_HMAC_KEY = "the next audit key, rotated in " + "r" * 20

    new = record_audit_event("academy.user_signed_in", details={"n": 2})
    report = audit_chain_report()

    assert new.key_id == current_audit_key().key_id != old.key_id
    assert report.ok
    assert set(report.key_ids) == {old.key_id, new.key_id}


def test_an_event_whose_key_the_server_does_not_hold_is_reported(settings):
    old = record_audit_event("academy.user_signed_in")
    settings.AUDIT_HMAC_KEY = "the next audit key, old one forgotten " + "f" * 10
    record_audit_event("academy.user_signed_in")

    report = audit_chain_report()

    assert report.broken_event_id == old.pk
    assert "does not hold" in report.reason
    assert "ACADEMY_AUDIT_RETIRED_KEYS" in report.reason


def test_the_pure_check_needs_every_event_in_order():
    key = audit_key("k" * 40)
    fields = {
        "occurred_at": timezone.now(),
        "actor_id": None,
        "actor_name": "",
        "action": "academy.user_signed_in",
        "object_type": "",
        "object_id": "",
        "object_repr": "",
        "details": {},
    }

    class Event:
        def __init__(self, id, previous_hash):
            self.id, self.previous_hash, self.key_id = id, previous_hash, key.key_id
            vars(self).update(fields)
            self.hash = event_hash(key=key, previous_hash=previous_hash, **fields)

    first = Event(1, "0" * 64)
    second = Event(2, first.hash)

    assert verify_chain([first, second], genesis_hash="0" * 64, keys={}).reason
    assert verify_chain(
        [first, second], genesis_hash="0" * 64, keys={key.key_id: key}
    ).ok
    assert not verify_chain([second], genesis_hash="0" * 64, keys={key.key_id: key}).ok


@pytest.mark.parametrize("value", [None, "too-short"])
def test_production_refuses_to_start_without_a_strong_audit_key(monkeypatch, value):
    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.setenv("PASSPORT_SIGNING_KEY", '{"kty":"OKP"}')
    if value is None:
        monkeypatch.delenv("ACADEMY_AUDIT_KEY", raising=False)
    else:
        monkeypatch.setenv("ACADEMY_AUDIT_KEY", value)
    monkeypatch.delitem(sys.modules, "academy.settings.production", raising=False)

    with pytest.raises(ImproperlyConfigured, match="ACADEMY_AUDIT_KEY"):
        importlib.import_module("academy.settings.production")


def test_production_reads_the_audit_key_from_the_environment(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.setenv("PASSPORT_SIGNING_KEY", '{"kty":"OKP"}')
    monkeypatch.setenv("ACADEMY_AUDIT_KEY", "a" * 40)
    monkeypatch.delitem(sys.modules, "academy.settings.production", raising=False)

    production = importlib.import_module("academy.settings.production")

    assert production.AUDIT_HMAC_KEY == "a" * 40
    monkeypatch.delitem(sys.modules, "academy.settings.production", raising=False)


def test_development_and_test_keys_are_fixed_and_say_they_are_not_secret(
    settings, monkeypatch
):
    monkeypatch.delenv("ACADEMY_AUDIT_KEY", raising=False)
    monkeypatch.delitem(sys.modules, "academy.settings.dev", raising=False)

    dev = importlib.import_module("academy.settings.dev")

    assert "not-secret" in settings.AUDIT_HMAC_KEY
    assert "never-use-in-production" in dev.AUDIT_HMAC_KEY
    monkeypatch.delitem(sys.modules, "academy.settings.dev", raising=False)
