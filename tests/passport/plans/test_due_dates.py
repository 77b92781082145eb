"""Changing a plan item's due date: who may (the policy), the service's checks, its
audit event and the trainee's notification."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from academy.models import AuditEvent
from notifications.kinds import Kind
from notifications.models import Notification
from passport.plans.policies import may_change_due_date, may_see_plan
from passport.plans.services import change_plan_item_due_date
from tests.factories.passport import TrainingPlanFactory, TrainingPlanItemFactory
from tests.factories.trainers import DirectoryProfileFactory
from trainers import services as network_services

TODAY = timezone.localdate


@pytest.fixture
def item(network):
    plan = TrainingPlanFactory(trainee=network.trainee)
    return TrainingPlanItemFactory(
        plan=plan,
        competency=network.competency,
        added_by=network.lead,
        due_on=TODAY() - timedelta(days=3),
    )


@pytest.fixture
def supervised(network):
    network_services.assign_trainer(
        trainer=network.trainer, trainee=network.trainee, assigned_by=network.lead
    )
    return network


def _change(item, by, *, days=45, reason="Off work for six weeks."):
    return change_plan_item_due_date(
        item=item, changed_by=by, due_on=TODAY() + timedelta(days=days), reason=reason
    )


def test_the_trainees_lead_and_current_trainer_may_change_a_due_date(supervised, item):
    assert may_change_due_date(supervised.lead, item)
    assert may_change_due_date(supervised.trainer, item)


def test_nobody_else_may_change_a_due_date(supervised, item):
    for person in (
        supervised.trainee,
        supervised.neighbour_trainer,
        supervised.far_trainer,
        supervised.far_lead,
        supervised.mentor,
        supervised.stranger,
    ):
        assert not may_change_due_date(person, item), person


def test_a_mentor_sees_the_plan_but_may_not_change_it(network, item):
    DirectoryProfileFactory(person=network.mentor)
    mentorship = network_services.request_mentorship(
        mentee=network.trainee, mentor=network.mentor, message="Help"
    )
    network_services.accept_mentorship(mentorship=mentorship, by=network.mentor)
    assert may_see_plan(network.mentor, network.trainee)
    assert not may_change_due_date(network.mentor, item)


def test_a_trainer_whose_supervision_ended_may_no_longer_change_it(network, item):
    supervision = network_services.assign_trainer(
        trainer=network.trainer, trainee=network.trainee, assigned_by=network.lead
    )
    assert may_change_due_date(network.trainer, item)
    network_services.end_supervision(supervision=supervision, ended_by=network.lead)
    assert not may_change_due_date(network.trainer, item)


def test_the_lead_moves_an_overdue_item_audited_and_the_trainee_told(network, item):
    previous = item.due_on

    changed = _change(item, network.lead, reason="  Off work for six weeks.  ")

    item.refresh_from_db()
    assert item.due_on == changed.due_on == TODAY() + timedelta(days=45)
    event = AuditEvent.objects.get(action="passport.plan_item_due_date_changed")
    assert event.actor == network.lead
    assert event.object_id == str(item.pk)
    assert event.details["from"] == previous.isoformat()
    assert event.details["to"] == item.due_on.isoformat()
    assert event.details["reason"] == "Off work for six weeks."
    assert event.details["competency"] == network.competency.code
    told = Notification.objects.get(recipient=network.trainee)
    assert told.kind == Kind.PLAN_DUE_DATE_CHANGED
    assert network.competency.code in told.title
    assert network.lead.full_name in told.body
    assert "Reason: Off work for six weeks." in told.body
    assert told.link == "/passport/plan/"


def test_a_second_change_is_a_second_notification(supervised, item):
    _change(item, supervised.trainer, days=20)
    _change(item, supervised.lead, days=40)
    assert (
        Notification.objects.filter(
            recipient=supervised.trainee, kind=Kind.PLAN_DUE_DATE_CHANGED
        ).count()
        == 2
    )
    assert (
        AuditEvent.objects.filter(action="passport.plan_item_due_date_changed").count()
        == 2
    )


@pytest.mark.parametrize(
    "person", ["far_lead", "far_trainer", "trainer", "trainee", "mentor"]
)
def test_refused_people_change_nothing(network, item, person):
    before = item.due_on
    with pytest.raises(ValidationError, match="trainer or training lead"):
        _change(item, getattr(network, person))
    item.refresh_from_db()
    assert item.due_on == before
    assert not AuditEvent.objects.filter(
        action="passport.plan_item_due_date_changed"
    ).exists()
    assert not Notification.objects.filter(recipient=network.trainee).exists()


@pytest.mark.parametrize(
    ("days", "reason", "message"),
    [
        (-1, "Off work.", "today or in the future"),
        (None, "Off work.", "same as the current one"),
        (30, "   ", "Give the reason"),
    ],
)
def test_the_service_refuses_a_past_or_unchanged_date_and_no_reason(
    network, days, reason, message
):
    item = TrainingPlanItemFactory(
        plan=TrainingPlanFactory(trainee=network.trainee),
        competency=network.competency,
        due_on=TODAY() + timedelta(days=10),
    )
    due_on = item.due_on if days is None else TODAY() + timedelta(days=days)
    with pytest.raises(ValidationError, match=message):
        change_plan_item_due_date(
            item=item, changed_by=network.lead, due_on=due_on, reason=reason
        )
    item.refresh_from_db()
    assert item.due_on == TODAY() + timedelta(days=10)
    assert not Notification.objects.exists()


def test_a_complete_item_keeps_its_date(network, item):
    item.completed_at = timezone.now()
    item.save(update_fields=["completed_at"])
    with pytest.raises(ValidationError, match="complete"):
        _change(item, network.lead)


def test_a_failing_notification_leaves_the_date_unchanged(network, item, monkeypatch):
    """The change, its audit event and the notification are one transaction."""
    before = item.due_on

    def broken(**kwargs):
        raise RuntimeError("notification store unavailable")

    monkeypatch.setattr("passport.plans.services.notify", broken)
    with pytest.raises(RuntimeError):
        _change(item, network.lead)
    item.refresh_from_db()
    assert item.due_on == before
    assert not AuditEvent.objects.filter(
        action="passport.plan_item_due_date_changed"
    ).exists()
