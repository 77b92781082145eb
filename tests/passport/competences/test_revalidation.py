from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from academy.models import AuditEvent
from passport.competences.revalidation import (
    expire_competences,
    mark_expiring_competences,
)
from passport.competences.services import award_competence, suspend_competence
from passport.models import (
    CompetenceEvent,
    CompetenceEventKind,
    CompetenceStatus,
    FeedEvent,
    RevalidationNotice,
    TrainingPlanItem,
)
from passport.tasks import expire_lapsed_competences, warn_of_expiring_competences
from tests.conftest import PASSWORD
from tests.factories.academy import CompetencyFactory, UserFactory
from tests.factories.passport import TrainingPlanItemFactory
from trainers.services import assign_trainer

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(network):
    """The network's trainee holds a yearly competence awarded today, with a trainer."""
    assign_trainer(
        trainer=network.trainer, trainee=network.trainee, assigned_by=network.lead
    )
    competency = CompetencyFactory(revalidation_kind="every", revalidation_months=12)
    event = award_competence(
        holder=network.trainee,
        competency=competency,
        achieved_on=timezone.localdate(),
        evidence={"attempt_id": 1},
        awarded_by=None,
    )
    return event.competence


def _days_before(competence, days):
    return competence.expires_on - timedelta(days=days)


def test_sixty_days_before_expiry_the_holder_and_trainers_are_warned_once(
    held, network, django_capture_on_commit_callbacks
):
    today = _days_before(held, 60)

    with django_capture_on_commit_callbacks(execute=True):
        assert mark_expiring_competences(today=today) == 1
        assert mark_expiring_competences(today=today) == 0  # the task ran twice

    held.refresh_from_db()
    assert held.status == CompetenceStatus.EXPIRING
    notice = RevalidationNotice.objects.get()
    assert (notice.threshold_days, notice.expires_on) == (60, held.expires_on)
    assert notice.event.kind == CompetenceEventKind.EXPIRING
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [network.trainee.email, network.trainer.email]
    )
    assert held.competency.code in mail.outbox[0].subject
    assert (
        AuditEvent.objects.filter(action="passport.competence_expiry_flagged").count()
        == 1
    )


def test_each_threshold_is_warned_once_and_late_runs_catch_up(
    held, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for days in (60, 59, 31, 30, 29, 10, 5, 5, 0):
            mark_expiring_competences(today=_days_before(held, days))

    assert sorted(
        RevalidationNotice.objects.values_list("threshold_days", flat=True)
    ) == [7, 30, 60]
    assert (
        CompetenceEvent.objects.filter(kind=CompetenceEventKind.EXPIRING).count() == 3
    )
    assert len(mail.outbox) == 6  # holder and trainer, three times


def test_a_warning_reopens_the_completed_plan_item_as_a_revalidation(held):
    item = TrainingPlanItem.objects.filter(plan__trainee=held.holder).first()
    assert item is None  # the holder had no plan

    mark_expiring_competences(today=_days_before(held, 30))

    item = TrainingPlanItem.objects.get(plan__trainee=held.holder)
    assert (item.competency, item.due_on) == (held.competency, held.expires_on)
    assert item.is_revalidation
    assert item.added_by is None
    assert item.completed_at is None


def test_the_plan_page_shows_the_revalidation(held, client):
    mark_expiring_competences(today=_days_before(held, 60))
    client.force_login(held.holder)

    response = client.get(reverse("passport:my_plan"))

    assert response.status_code == 200
    assert "Revalidation due" in response.text


def test_a_completed_plan_item_is_reopened_not_duplicated(network):
    competency = CompetencyFactory(revalidation_kind="every", revalidation_months=12)
    item = TrainingPlanItemFactory(plan__trainee=network.trainee, competency=competency)
    competence = award_competence(
        holder=network.trainee,
        competency=competency,
        achieved_on=timezone.localdate(),
        evidence={},
        awarded_by=None,
    ).competence
    item.refresh_from_db()
    assert item.completed_at is not None

    mark_expiring_competences(today=_days_before(competence, 7))

    item.refresh_from_db()
    assert item.completed_at is None
    assert item.due_on == competence.expires_on
    assert item.is_revalidation
    assert TrainingPlanItem.objects.filter(plan=item.plan).count() == 1


def test_renewal_starts_the_warnings_again_for_the_new_expiry(held):
    mark_expiring_competences(today=_days_before(held, 7))
    renewed = award_competence(
        holder=held.holder,
        competency=held.competency,
        achieved_on=_days_before(held, 7),
        evidence={},
        awarded_by=None,
    ).competence
    assert renewed.status == CompetenceStatus.CURRENT

    assert mark_expiring_competences(today=_days_before(renewed, 60)) == 1
    assert RevalidationNotice.objects.count() == 2


def test_suspended_and_never_lapsing_competences_are_not_warned(held, network):
    suspend_competence(
        competence=held,
        signed_by=network.trainer,
        role="Trainer",
        reason="Failed",
        password=PASSWORD,
    )
    award_competence(
        holder=network.trainee,
        competency=CompetencyFactory(),
        achieved_on=timezone.localdate(),
        evidence={},
        awarded_by=None,
    )

    assert mark_expiring_competences(today=_days_before(held, 7)) == 0
    assert expire_competences(today=held.expires_on + timedelta(days=1)) == 0
    assert not mail.outbox


def test_a_competence_expires_on_the_day_after_its_expiry_date(held):
    assert expire_competences(today=held.expires_on) == 0

    assert expire_competences(today=held.expires_on + timedelta(days=1)) == 1
    assert expire_competences(today=held.expires_on + timedelta(days=2)) == 0

    held.refresh_from_db()
    assert held.status == CompetenceStatus.EXPIRED
    event = held.events.get(kind=CompetenceEventKind.EXPIRED)
    assert event.actor is None
    feed_event = FeedEvent.objects.get(competence_event=event)
    assert feed_event.event_type == "competence.expired"
    assert feed_event.payload["status"] == "expired"
    item = TrainingPlanItem.objects.get(plan__trainee=held.holder)
    assert item.is_revalidation


def test_a_late_expiry_run_still_expires_and_never_warns_after_expiry(held):
    late = held.expires_on + timedelta(days=9)

    assert mark_expiring_competences(today=late) == 0
    assert expire_competences(today=late) == 1


def test_scans_query_a_constant_number_of_times_to_find_work(
    django_assert_max_num_queries,
):
    holders = UserFactory.create_batch(3)
    competency = CompetencyFactory(revalidation_kind="every", revalidation_months=12)
    for holder in holders:
        award_competence(
            holder=holder,
            competency=competency,
            achieved_on=timezone.localdate(),
            evidence={},
            awarded_by=None,
        )
    with django_assert_max_num_queries(2):
        assert mark_expiring_competences(today=timezone.localdate()) == 0
    with django_assert_max_num_queries(1):
        assert expire_competences(today=timezone.localdate()) == 0


def test_daily_tasks_call_the_services(held):
    assert warn_of_expiring_competences.delay().get() == 0
    assert expire_lapsed_competences.delay().get() == 0


def test_the_unique_notice_stops_a_concurrent_second_warning(
    held, django_capture_on_commit_callbacks
):
    from passport.competences.revalidation import _warn

    today = _days_before(held, 60)
    with django_capture_on_commit_callbacks(execute=True):
        assert _warn(held, threshold=60, today=today) is True
        # A second run that read the notices before the first one committed.
        assert _warn(held, threshold=60, today=today) is False

    assert RevalidationNotice.objects.count() == 1
    assert len(mail.outbox) == 2
