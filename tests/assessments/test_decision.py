"""The award decision: evidence gathered from each requirement, awarded once."""

import datetime
import random
from unittest import mock

import pytest
from django.utils import timezone

from assessments.decision import award_if_requirements_met, workplace_met_on
from assessments.knowledge.services import start_attempt, submit_attempt
from assessments.models import Outcome
from assessments.workplace.evidence import add_evidence
from assessments.workplace.services.request import (
    request_sign_off,
    start_workplace_assessment,
)
from assessments.workplace.services.sign_off import sign_off_assessment
from passport.models import Competence, CompetenceEvent
from tests.assessments.conftest import right_answers
from tests.conftest import PASSWORD
from tests.factories.workplace import pdf_upload


def knowledge_only(competency):
    competency.requires_workplace_assessment = False
    competency.save()


def pass_knowledge(trainee, module):
    attempt = start_attempt(trainee, module=module, rng=random.Random(1))
    return submit_attempt(attempt, responses=right_answers(attempt))


def test_a_knowledge_only_competency_is_awarded_by_passing(
    ready_trainee, module, competency, assessment_settings
):
    knowledge_only(competency)
    attempt = pass_knowledge(ready_trainee, module)
    competence = Competence.objects.get(holder=ready_trainee, competency=competency)
    assert competence.evidence == {
        "knowledge": {
            "attempt_id": attempt.pk,
            "module_revision_ids": [attempt.module_revision_id]
            if attempt.module_revision_id
            else [],
        }
    }
    assert CompetenceEvent.objects.filter(competence=competence).count() == 1


def test_the_same_evidence_awards_only_once(
    ready_trainee, module, competency, assessment_settings
):
    knowledge_only(competency)
    pass_knowledge(ready_trainee, module)
    again = award_if_requirements_met(
        trainee=ready_trainee, competency=competency, decided_by=None
    )
    assert again is None
    assert CompetenceEvent.objects.count() == 1


def test_knowledge_and_workplace_needs_both(
    ready_trainee, module, competency, assessment_settings, workplace
):
    """A competency needing both is awarded only when the second is met."""
    from tests.factories.passport import TrainingPlanItemFactory
    from tests.factories.trainers import AccreditationFactory, SupervisionFactory
    from tests.factories.workplace import make_template
    from trainers.permissions import sync_record_access

    TrainingPlanItemFactory(plan__trainee=ready_trainee, competency=competency)
    make_template(competency)
    AccreditationFactory(person=workplace.trainer, areas=[competency.area])
    SupervisionFactory(trainer=workplace.trainer, trainee=ready_trainee)
    sync_record_access(user=workplace.trainer, trainee=ready_trainee)

    assessment = start_workplace_assessment(
        trainee=ready_trainee, competency=competency
    )
    add_evidence(assessment=assessment, uploaded_by=ready_trainee, upload=pdf_upload())
    request_sign_off(
        assessment=assessment, assessor=workplace.trainer, reflection="Done."
    )
    signed = sign_off_assessment(
        assessment=assessment,
        assessor=workplace.trainer,
        results={c.position: ("met", "") for c in assessment.criteria.all()},
        outcome=Outcome.COMPETENT,
        action_plan="",
        password=PASSWORD,
    )
    assert not Competence.objects.exists()

    attempt = pass_knowledge(ready_trainee, module)
    competence = Competence.objects.get(holder=ready_trainee, competency=competency)
    assert competence.evidence["knowledge"]["attempt_id"] == attempt.pk
    assert competence.evidence["workplace_assessment"]["assessment_id"] == signed.pk


def test_a_validation_requirement_waits_for_validation_evidence(workplace):
    competency = workplace.competency
    competency.requires_process_validation = True
    competency.save()
    assert (
        award_if_requirements_met(
            trainee=workplace.trainee, competency=competency, decided_by=None
        )
        is None
    )
    with (
        mock.patch(
            "assessments.decision.validation_evidence",
            return_value={"validation_ids": [7]},
        ),
        mock.patch("assessments.decision.latest_signed_workplace_assessment") as latest,
    ):
        latest.return_value = mock.Mock(
            status="complete",
            outcome="competent",
            pk=1,
            signature_id=None,
            countersignature_id=None,
            signature=mock.Mock(signed_at=timezone.now()),
            countersignature=None,
        )
        event = award_if_requirements_met(
            trainee=workplace.trainee, competency=competency, decided_by=None
        )
    assert event.evidence["process_validation"] == {"validation_ids": [7]}


# The day each requirement was met, in the order knowledge, workplace, validation.
NOV_24 = datetime.date(2026, 11, 24)
NOV_28 = datetime.date(2026, 11, 28)
DEC_3 = datetime.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("knowledge_on", "workplace_on", "validation_on"),
    [
        pytest.param(DEC_3, NOV_28, NOV_24, id="knowledge-last"),
        pytest.param(NOV_24, DEC_3, NOV_28, id="workplace-last"),
        pytest.param(NOV_24, NOV_28, DEC_3, id="validation-last"),
    ],
)
def test_a_competence_is_achieved_on_the_day_its_last_requirement_was_met(
    workplace, knowledge_on, workplace_on, validation_on
):
    """Whichever kind of requirement is met last dates the competence, never earlier
    evidence (the demo's ASP-09 was dated by a validation before its knowledge pass)."""
    competency = workplace.competency
    competency.requires_knowledge = True
    competency.requires_workplace_assessment = True
    competency.requires_process_validation = True
    competency.save()

    def noon(day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))

    knowledge = mock.Mock(
        attempt_id=1, module_revision_id=None, met_at=noon(knowledge_on)
    )
    signed = mock.Mock(
        status="complete",
        outcome="competent",
        pk=1,
        signature_id=2,
        countersignature_id=None,
        signature=mock.Mock(signed_at=noon(workplace_on)),
        countersignature=None,
    )
    with (
        mock.patch("assessments.decision.KnowledgeRequirementMet") as met,
        mock.patch(
            "assessments.decision.latest_signed_workplace_assessment",
            return_value=signed,
        ),
        mock.patch(
            "assessments.decision.validation_evidence",
            return_value={"validation_ids": [7], "achieved_on": str(validation_on)},
        ),
    ):
        met.objects.filter.return_value.order_by.return_value.first.return_value = (
            knowledge
        )
        event = award_if_requirements_met(
            trainee=workplace.trainee, competency=competency, decided_by=None
        )
    assert event.competence.achieved_on == DEC_3


def test_a_countersigned_record_is_met_on_the_day_it_was_countersigned(workplace):
    signed = mock.Mock(
        signature=mock.Mock(
            signed_at=timezone.make_aware(datetime.datetime(2026, 11, 24, 9))
        ),
        countersignature=mock.Mock(
            signed_at=timezone.make_aware(datetime.datetime(2026, 12, 3, 9))
        ),
    )
    assert workplace_met_on(signed) == DEC_3
