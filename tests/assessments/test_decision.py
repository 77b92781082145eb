"""The award decision: evidence gathered from each requirement, awarded once."""

import random
from unittest import mock

from assessments.decision import award_if_requirements_met
from assessments.knowledge.services import start_attempt, submit_attempt
from assessments.models import Outcome
from assessments.workplace.evidence import add_evidence
from assessments.workplace.services import (
    request_sign_off,
    sign_off_assessment,
    start_workplace_assessment,
)
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
        )
        event = award_if_requirements_met(
            trainee=workplace.trainee, competency=competency, decided_by=None
        )
    assert event.evidence["process_validation"] == {"validation_ids": [7]}
