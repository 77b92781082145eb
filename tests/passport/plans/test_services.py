from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from academy.pathways import competencies_for_role
from passport.models import TrainingPlanItem
from passport.plans.services import (
    assign_training_plan,
    complete_plan_items,
    notify_overdue_plan_items,
    start_plan_item,
)
from passport.tasks import send_overdue_plan_notices
from tests.factories.academy import CompetencyFactory, SpecialistAreaFactory
from tests.factories.passport import TrainingPlanItemFactory
from trainers import services as network_services

TODAY = timezone.localdate


@pytest.fixture
def core_competency(db):
    core = SpecialistAreaFactory(code="COR", name="Core", slug="core")
    return CompetencyFactory(code="COR-90", area=core, band_from=2, band_to=5)


def test_lead_assigns_pathway_plus_chosen_competencies(network, core_competency):
    extra = CompetencyFactory(area=network.aseptic, band_from=6, band_to=7)
    due = TODAY() + timedelta(days=90)
    result = assign_training_plan(
        trainee=network.trainee,
        assigned_by=network.lead,
        due_on=due,
        area=network.aseptic,
        band=3,
        competencies=[extra],
    )
    pathway = set(competencies_for_role(area=network.aseptic, band=3))
    assert {network.competency, core_competency} <= pathway
    planned = {item.competency for item in result.plan.items.all()}
    assert planned == pathway | {extra}
    again = assign_training_plan(
        trainee=network.trainee,
        assigned_by=network.lead,
        due_on=due + timedelta(days=5),
        area=network.aseptic,
        band=3,
    )
    assert again.added == []
    assert again.already_planned == len(pathway)
    assert result.plan.items.filter(due_on=due).count() == len(planned)


def test_supervising_trainer_may_plan_others_may_not(network):
    due = TODAY() + timedelta(days=30)
    for person in (network.trainer, network.far_lead, network.trainee, network.mentor):
        with pytest.raises(ValidationError, match="trainer or training lead"):
            assign_training_plan(
                trainee=network.trainee,
                assigned_by=person,
                due_on=due,
                competencies=[network.competency],
            )
    network_services.assign_trainer(
        trainer=network.trainer, trainee=network.trainee, assigned_by=network.lead
    )
    result = assign_training_plan(
        trainee=network.trainee,
        assigned_by=network.trainer,
        due_on=due,
        competencies=[network.competency],
    )
    assert len(result.added) == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"due_on": -1, "competencies": "x"}, "today or in the future"),
        ({"area": True}, "both"),
        ({}, "at least one"),
    ],
)
def test_assign_plan_refuses(network, kwargs, message):
    fields = {"due_on": TODAY() + timedelta(days=kwargs.pop("due_on", 10))}
    if kwargs.pop("competencies", None):
        fields["competencies"] = [network.competency]
    if kwargs.pop("area", None):
        fields["area"] = network.aseptic
    with pytest.raises(ValidationError, match=message):
        assign_training_plan(
            trainee=network.trainee, assigned_by=network.lead, **fields
        )


def test_start_and_complete_plan_items(network):
    item = TrainingPlanItemFactory(
        plan__trainee=network.trainee, competency=network.competency
    )
    assert start_plan_item(trainee=network.trainee, competency=network.competency) == 1
    assert start_plan_item(trainee=network.trainee, competency=network.competency) == 0
    assert (
        complete_plan_items(trainee=network.trainee, competency=network.competency) == 1
    )
    item.refresh_from_db()
    assert item.started_at
    assert item.completed_at


def test_overdue_notices_go_to_trainee_and_trainers_once(
    network, django_capture_on_commit_callbacks
):
    network_services.assign_trainer(
        trainer=network.trainer, trainee=network.trainee, assigned_by=network.lead
    )
    overdue = TrainingPlanItemFactory(
        plan__trainee=network.trainee,
        competency=network.competency,
        due_on=TODAY() - timedelta(days=1),
    )
    TrainingPlanItemFactory(plan=overdue.plan, due_on=TODAY() + timedelta(days=1))
    TrainingPlanItemFactory(
        plan=overdue.plan,
        due_on=TODAY() - timedelta(days=3),
        completed_at=timezone.now(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert send_overdue_plan_notices.delay().get() == 1
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([network.trainee.email, network.trainer.email])
    assert network.competency.code in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_overdue_plan_items() == 0
    assert len(mail.outbox) == 2
    # A new due date that passes gets its own notice.
    TrainingPlanItem.objects.filter(pk=overdue.pk).update(
        due_on=TODAY() - timedelta(days=2)
    )
    assert notify_overdue_plan_items() == 1


def test_a_failed_e_mail_keeps_the_notice_and_is_sent_by_the_sweep(
    network, monkeypatch, django_capture_on_commit_callbacks
):
    from notifications.models import Notification
    from notifications.services import requeue_unsent_emails

    item = TrainingPlanItemFactory(
        plan__trainee=network.trainee, due_on=TODAY() - timedelta(days=1)
    )
    monkeypatch.setattr(
        "django.core.mail.EmailMessage.send",
        lambda *args, **kwargs: (_ for _ in ()).throw(OSError("mail server down")),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_overdue_plan_items() == 1
    item.refresh_from_db()
    assert item.overdue_notice_for == item.due_on
    assert notify_overdue_plan_items() == 0
    monkeypatch.undo()
    assert not mail.outbox
    assert requeue_unsent_emails(older_than=timedelta(0)) == 1
    assert [m.to for m in mail.outbox] == [[network.trainee.email]]
    assert Notification.objects.get().email_state == "sent"
