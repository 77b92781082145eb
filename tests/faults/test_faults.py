"""Faults survived, on PostgreSQL with real Celery workers on a private Redis: a worker
killed mid-render, the broker down when a competence is awarded, a transaction rolled
back after enqueueing, and a task delivered twice.
"""

import datetime
import hashlib
import json
import logging
import time
import uuid
from collections import Counter

import pytest
from django.conf import settings
from django.db import connection, connections, transaction
from django.urls import reverse
from django.utils import timezone

from academy.celery import app as celery_app
from academy.models import AuditEvent
from academy.services import AUDIT_CHAIN_LOCK_KEY, audit_chain_report
from assessments.workplace.evidence import add_evidence
from assessments.workplace.services.request import (
    request_sign_off,
    start_workplace_assessment,
)
from passport.certificates import services as certificate_services
from passport.competences.services import award_competence
from passport.models import (
    Certificate,
    Competence,
    CompetenceStatus,
    FeedDeliveryStatus,
    FeedEvent,
)
from passport.tasks import deliver_passport_feed_event, render_certificate
from tests.assessments.workplace.test_views import sign_data
from tests.factories.academy import CompetencyFactory, UserFactory
from tests.factories.workplace import pdf_upload
from tests.faults.conftest import VICTIM_QUEUE, Worker, drain, wait_until

pytestmark = [
    pytest.mark.services,
    # The workers must see committed rows; serialized rollback restores the
    # migrations' data afterwards for the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VERIFY = "academy.tasks.verify_audit_chain"
RENDER = "passport.tasks.render_certificate"
DELIVER = "passport.tasks.deliver_feed_event"


def award(**fields):
    return award_competence(
        holder=UserFactory(),
        competency=CompetencyFactory(),
        achieved_on=datetime.date(2026, 1, 31),
        evidence={},
        awarded_by=None,
        **fields,
    )


def certificate_files(faults):
    return sorted(
        p for p in (faults.storage / "certificates").rglob("*") if p.is_file()
    )


def assert_one_stored_pdf(faults, certificate):
    """Exactly one certificate and one file (no temporary leftovers), whose SHA-256
    is the one recorded, and one audited render; the audit chain is unbroken."""
    certificate.refresh_from_db()
    assert Certificate.objects.count() == 1
    files = certificate_files(faults)
    assert [p.relative_to(faults.storage).as_posix() for p in files] == [
        certificate.file_name
    ]
    assert files[0].read_bytes().startswith(b"%PDF")
    assert hashlib.sha256(files[0].read_bytes()).hexdigest() == certificate.sha256
    assert (
        AuditEvent.objects.filter(action="passport.certificate_rendered").count() == 1
    )
    assert audit_chain_report().ok


def feed_requests_for(faults, feed_event):
    return [
        body
        for headers, body in faults.receiver.requests
        if headers["Idempotency-Key"] == str(feed_event.uuid)
    ]


def render_waiting_for_audit_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND wait_event_type = 'Lock' AND wait_event = 'advisory'"
        )
        return cursor.fetchone()[0] == 1


def test_a_worker_killed_mid_render_leaves_one_certificate_and_one_file(
    faults, monkeypatch
):
    # This test queues the render itself, to the worker it then kills.
    monkeypatch.setattr(certificate_services, "render_after_commit", lambda c: None)
    certificate = award().certificate

    # Holding the audit chain's lock stops the render at its last step: the PDF is
    # written, the row updated, and the transaction not yet committed.
    holder = connections.create_connection("default")
    try:
        with holder.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [AUDIT_CHAIN_LOCK_KEY])
        render_certificate.apply_async(args=[certificate.pk], queue=VICTIM_QUEUE)
        wait_until(
            lambda: certificate_files(faults) and render_waiting_for_audit_lock(),
            what="the victim worker to render and wait for the audit lock",
        )
        faults.victim.kill()
    finally:
        holder.close()  # releases the lock; the dead worker's session rolls back

    certificate.refresh_from_db()
    assert not certificate.is_rendered
    # A fresh worker on the same queue, with a short visibility timeout: Redis hands
    # it the task that the killed worker took and never acknowledged.
    restorer = Worker(
        "restorer",
        queues=[VICTIM_QUEUE],
        env={**faults.env, "CELERY_VISIBILITY_TIMEOUT": "1"},
    )
    try:
        wait_until(
            lambda: (
                Certificate.objects.filter(pk=certificate.pk)
                .exclude(sha256="")
                .exists()
            ),
            what="the redelivered render",
        )
    finally:
        restorer.stop()

    assert_one_stored_pdf(faults, certificate)


def test_with_redis_down_the_sign_off_awards_and_the_sweeps_deliver_after(
    faults, workplace, client, caplog
):
    assessment = start_workplace_assessment(
        trainee=workplace.trainee, competency=workplace.competency
    )
    add_evidence(
        assessment=assessment, uploaded_by=workplace.trainee, upload=pdf_upload()
    )
    assessment = request_sign_off(
        assessment=assessment,
        assessor=workplace.trainer,
        reflection="Prepared under observation.",
    )
    client.force_login(workplace.trainer)
    sign = reverse("assessments:workplace_sign", args=[assessment.pk])

    faults.broker.stop()
    try:
        started = time.monotonic()
        with caplog.at_level(logging.WARNING):
            response = client.post(sign, sign_data(assessment))
        took = time.monotonic() - started
    finally:
        faults.broker.start()  # empty: what was queued before the outage is lost

    assert response.status_code == 302
    assert took < 10, f"the sign-off took {took:.1f} s with the broker down"
    competence = Competence.objects.get(
        holder=workplace.trainee, competency=workplace.competency
    )
    assert competence.status == CompetenceStatus.CURRENT
    certificate = Certificate.objects.get(event__competence=competence)
    feed_event = FeedEvent.objects.get(competence_event__competence=competence)
    assert not certificate.is_rendered
    assert feed_event.status == FeedDeliveryStatus.PENDING
    assert f"Certificate {certificate.pk} not queued" in caplog.text

    # Some minutes later, beat sends the two sweeps by name, as it does.
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Certificate.objects.update(issued_at=an_hour_ago)
    FeedEvent.objects.update(created_at=an_hour_ago)
    schedule = settings.CELERY_BEAT_SCHEDULE
    for entry in ("passport-render-pending-certificates", "passport-feed-sweep"):
        celery_app.send_task(schedule[entry]["task"])
    wait_until(
        lambda: (
            FeedEvent.objects.filter(
                pk=feed_event.pk, status=FeedDeliveryStatus.DELIVERED
            ).exists()
            and Certificate.objects.filter(pk=certificate.pk)
            .exclude(sha256="")
            .exists()
        ),
        what="the sweeps to render the certificate and deliver the feed event",
    )

    assert_one_stored_pdf(faults, certificate)
    (body,) = feed_requests_for(faults, feed_event)
    assert json.loads(body)["data"]["competency"]["code"] == workplace.competency.code


@transaction.atomic
def award_then_fail():
    award()  # queues its render and feed delivery for after the commit
    raise RuntimeError("the sign-off failed after the award")


def test_an_award_rolled_back_after_enqueueing_runs_no_task(faults):
    drain()
    before = faults.steady.tasks_run()

    with pytest.raises(RuntimeError, match="after the award"):
        award_then_fail()

    drain()
    ran = faults.steady.tasks_run() - before
    assert ran == Counter({VERIFY: 1})
    assert faults.broker.client().llen("celery") == 0
    assert not Certificate.objects.exists()
    assert not FeedEvent.objects.exists()
    assert not certificate_files(faults)
    assert not faults.receiver.requests


def test_a_task_delivered_twice_has_one_effect(faults):
    event = award()
    drain()  # the award's own render and feed delivery
    before = faults.steady.tasks_run()
    certificate = Certificate.objects.get(event=event)
    feed_event = FeedEvent.objects.get(competence_event=event)
    rendered = certificate.sha256
    assert rendered

    # The same messages again, twice, as Redis redelivers a task it thinks lost.
    render_id, deliver_id = str(uuid.uuid4()), str(uuid.uuid4())
    for _ in range(2):
        render_certificate.apply_async(args=[certificate.pk], task_id=render_id)
        deliver_passport_feed_event.apply_async(
            args=[feed_event.pk], task_id=deliver_id
        )
    drain()

    assert faults.steady.tasks_run() - before == Counter(
        {RENDER: 2, DELIVER: 2, VERIFY: 1}
    )
    assert_one_stored_pdf(faults, certificate)
    assert certificate.sha256 == rendered
    feed_event.refresh_from_db()
    assert (feed_event.status, feed_event.attempts) == (FeedDeliveryStatus.DELIVERED, 1)
    assert len(feed_requests_for(faults, feed_event)) == 1
