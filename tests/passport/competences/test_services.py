import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from academy.models import AuditEvent, SignatureMeaning
from academy.signatures import signature_matches
from passport.competences.services import (
    award_competence,
    revoke_competence,
    signed_event_content,
    suspend_competence,
)
from passport.models import (
    CompetenceEvent,
    CompetenceEventKind,
    CompetenceStatus,
    TrainingPlanItem,
)
from tests.conftest import PASSWORD
from tests.factories.academy import CompetencyFactory, UserFactory
from tests.factories.passport import TrainingPlanItemFactory

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 1, 31)


@pytest.fixture
def yearly():
    return CompetencyFactory(revalidation_kind="every", revalidation_months=12)


def test_award_sets_expiry_from_the_rule_and_completes_the_plan_item(yearly):
    holder = UserFactory()
    item = TrainingPlanItemFactory(plan__trainee=holder, competency=yearly)

    event = award_competence(
        holder=holder,
        competency=yearly,
        achieved_on=ON,
        evidence={"attempt_id": 7},
        awarded_by=None,
    )

    competence = event.competence
    assert event.kind == CompetenceEventKind.AWARDED
    assert competence.status == CompetenceStatus.CURRENT
    assert competence.expires_on == datetime.date(2027, 1, 31)
    assert competence.evidence == {"attempt_id": 7}
    assert TrainingPlanItem.objects.get(pk=item.pk).completed_at is not None
    audit = AuditEvent.objects.filter(action="passport.competence_awarded").get()
    assert audit.details["event_id"] == event.pk


def test_second_award_renews_the_same_competence(yearly):
    holder = UserFactory()
    first = award_competence(
        holder=holder, competency=yearly, achieved_on=ON, evidence={}, awarded_by=None
    )
    later = datetime.date(2026, 12, 1)
    second = award_competence(
        holder=holder,
        competency=yearly,
        achieved_on=later,
        evidence={},
        awarded_by=None,
    )

    assert second.kind == CompetenceEventKind.RENEWED
    assert second.competence_id == first.competence_id
    second.competence.refresh_from_db()
    assert second.competence.first_achieved_on == ON
    assert second.competence.expires_on == datetime.date(2027, 12, 1)


def test_no_expiry_without_a_revalidation_rule():
    event = award_competence(
        holder=UserFactory(),
        competency=CompetencyFactory(revalidation_kind="none"),
        achieved_on=ON,
        evidence={},
        awarded_by=None,
    )
    assert event.expires_on is None


def test_suspension_is_a_signed_event_with_a_reason(yearly):
    trainer = UserFactory()
    competence = award_competence(
        holder=UserFactory(),
        competency=yearly,
        achieved_on=ON,
        evidence={},
        awarded_by=None,
    ).competence

    event = suspend_competence(
        competence=competence,
        signed_by=trainer,
        role="Workplace assessor",
        reason="Failed broth transfer test",
        password=PASSWORD,
    )

    competence.refresh_from_db()
    assert competence.status == CompetenceStatus.SUSPENDED
    assert event.signature.meaning == SignatureMeaning.COMPETENCE_SUSPENDED
    assert event.signature.printed_name == trainer.full_name
    content = signed_event_content(
        competence, kind=CompetenceEventKind.SUSPENDED, reason=event.reason
    )
    assert signature_matches(event.signature, content=content)
    assert not signature_matches(
        event.signature, content={**content, "reason": "edited afterwards"}
    )


def test_renewal_after_suspension_makes_it_current_again(yearly):
    holder = UserFactory()
    competence = award_competence(
        holder=holder, competency=yearly, achieved_on=ON, evidence={}, awarded_by=None
    ).competence
    suspend_competence(
        competence=competence,
        signed_by=UserFactory(),
        role="Trainer",
        reason="Failed",
        password=PASSWORD,
    )
    award_competence(
        holder=holder, competency=yearly, achieved_on=ON, evidence={}, awarded_by=None
    )
    competence.refresh_from_db()
    assert competence.status == CompetenceStatus.CURRENT


@pytest.mark.parametrize("change", [suspend_competence, revoke_competence])
def test_suspension_or_revocation_reopens_the_plan_item(yearly, change):
    holder = UserFactory()
    item = TrainingPlanItemFactory(plan__trainee=holder, competency=yearly)
    competence = award_competence(
        holder=holder, competency=yearly, achieved_on=ON, evidence={}, awarded_by=None
    ).competence
    item.refresh_from_db()
    assert item.completed_at is not None

    change(
        competence=competence,
        signed_by=UserFactory(),
        role="Trainer",
        reason="X",
        password=PASSWORD,
    )

    item.refresh_from_db()
    assert item.completed_at is None
    assert item.started_at is not None
    award_competence(
        holder=holder, competency=yearly, achieved_on=ON, evidence={}, awarded_by=None
    )
    item.refresh_from_db()
    assert item.completed_at is not None


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_reason_is_required_and_nothing_changes_without_one(yearly, reason):
    competence = award_competence(
        holder=UserFactory(),
        competency=yearly,
        achieved_on=ON,
        evidence={},
        awarded_by=None,
    ).competence
    with pytest.raises(ValidationError):
        revoke_competence(
            competence=competence,
            signed_by=UserFactory(),
            role="Lead",
            reason=reason,
            password=PASSWORD,
        )
    competence.refresh_from_db()
    assert competence.status == CompetenceStatus.CURRENT
    assert competence.events.count() == 1


def test_revoked_is_final_until_a_new_award(yearly):
    holder = UserFactory()
    competence = award_competence(
        holder=holder, competency=yearly, achieved_on=ON, evidence={}, awarded_by=None
    ).competence
    revoke_competence(
        competence=competence,
        signed_by=UserFactory(),
        role="Lead",
        reason="Fraud",
        password=PASSWORD,
    )
    with pytest.raises(ValidationError):
        suspend_competence(
            competence=competence,
            signed_by=UserFactory(),
            role="Lead",
            reason="x",
            password=PASSWORD,
        )
    again = award_competence(
        holder=holder, competency=yearly, achieved_on=ON, evidence={}, awarded_by=None
    )
    assert again.kind == CompetenceEventKind.AWARDED
    assert [e.kind for e in competence.events.all()] == [
        "awarded",
        "revoked",
        "awarded",
    ]


def test_competence_events_cannot_be_edited(yearly):
    event = award_competence(
        holder=UserFactory(),
        competency=yearly,
        achieved_on=ON,
        evidence={},
        awarded_by=None,
    )
    with pytest.raises(DatabaseError), transaction.atomic():
        CompetenceEvent.objects.filter(pk=event.pk).update(reason="rewritten")
