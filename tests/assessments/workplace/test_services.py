"""Workplace assessment services: the rules of requesting, signing and correcting."""

import pytest
from django.core.exceptions import ValidationError

from academy.models import AuditEvent, ElectronicSignature, SignatureMeaning
from assessments.models import (
    AssessmentStatus,
    CriterionResult,
    EvidenceFile,
    Outcome,
    WorkplaceAssessment,
)
from assessments.workplace.evidence import WorkplaceAssessmentRefused, add_evidence
from assessments.workplace.services.content import signatures_verified, signed_content
from assessments.workplace.services.correction import start_correction
from assessments.workplace.services.countersign import countersign_assessment
from assessments.workplace.services.request import (
    request_sign_off,
    start_workplace_assessment,
)
from assessments.workplace.services.sign_off import sign_off_assessment
from passport.models import (
    Competence,
    CompetenceEventKind,
    CompetenceStatus,
    TrainingPlanItem,
)
from tests.conftest import PASSWORD
from tests.factories.academy import CompetencyFactory
from tests.factories.trainers import AccreditationFactory, SupervisionFactory
from tests.factories.workplace import make_template, pdf_upload
from trainers.models import Accreditation, Supervision
from trainers.permissions import sync_record_access


def requested(w, *, assessor=None):
    assessment = start_workplace_assessment(trainee=w.trainee, competency=w.competency)
    add_evidence(assessment=assessment, uploaded_by=w.trainee, upload=pdf_upload())
    return request_sign_off(
        assessment=assessment,
        assessor=assessor or w.trainer,
        reflection="I did it carefully.",
    )


def all_met(assessment):
    return {
        c.position: (CriterionResult.MET, "Seen.") for c in assessment.criteria.all()
    }


def sign(assessment, assessor, outcome=Outcome.COMPETENT, action_plan=""):
    return sign_off_assessment(
        assessment=assessment,
        assessor=assessor,
        results=all_met(assessment),
        outcome=outcome,
        action_plan=action_plan,
        password=PASSWORD,
    )


def actions():
    return list(AuditEvent.objects.values_list("action", flat=True))


def test_start_copies_the_published_checklist_and_starts_the_plan_item(workplace):
    assessment = start_workplace_assessment(
        trainee=workplace.trainee, competency=workplace.competency
    )
    assert [c.text for c in assessment.criteria.all()] == [
        "Criterion 1",
        "Criterion 2",
        "Criterion 3",
    ]
    assert TrainingPlanItem.objects.get(plan__trainee=workplace.trainee).started_at
    again = start_workplace_assessment(
        trainee=workplace.trainee, competency=workplace.competency
    )
    assert again.pk == assessment.pk


def test_cannot_start_a_competency_outside_the_plan(workplace):
    other = CompetencyFactory()
    make_template(other)
    with pytest.raises(WorkplaceAssessmentRefused):
        start_workplace_assessment(trainee=workplace.trainee, competency=other)


def test_request_needs_evidence_reflection_and_an_assessor_who_can_assess(
    workplace, make_user
):
    assessment = start_workplace_assessment(
        trainee=workplace.trainee, competency=workplace.competency
    )
    stranger = make_user("Trainer")
    with pytest.raises(ValidationError) as error:
        request_sign_off(assessment=assessment, assessor=stranger, reflection=" ")
    assert set(error.value.message_dict) == {"__all__", "reflection", "assessor"}
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.DRAFT


def test_no_self_sign_off(workplace):
    with pytest.raises(ValidationError):
        requested(workplace, assessor=workplace.trainee)


def test_competent_sign_off_signs_and_awards_with_expiry(workplace):
    assessment = requested(workplace)
    signed = sign(assessment, workplace.trainer)
    assert signed.status == AssessmentStatus.COMPLETE
    signature = signed.signature
    assert signature.meaning == SignatureMeaning.ASSESSED_COMPETENT
    assert signature.printed_name == workplace.trainer.full_name
    assert signature.organisation_name == workplace.organisation.name
    assert signatures_verified(signed) is True
    competence = Competence.objects.get(
        holder=workplace.trainee, competency=workplace.competency
    )
    assert competence.evidence["workplace_assessment"] == {
        "assessment_id": signed.pk,
        "signature_id": signature.pk,
        "countersignature_id": None,
    }
    assert competence.expires_on == workplace.competency.revalidation_rule.expiry_after(
        competence.achieved_on
    )
    assert {
        "assessments.workplace_sign_off_requested",
        "assessments.workplace_criterion_recorded",
        "academy.record_signed",
        "assessments.workplace_evidence_added",
    } <= set(actions())


def test_not_yet_competent_needs_an_action_plan_and_awards_nothing(workplace):
    assessment = requested(workplace)
    with pytest.raises(ValidationError):
        sign(assessment, workplace.trainer, outcome=Outcome.NOT_YET_COMPETENT)
    signed = sign(
        assessment,
        workplace.trainer,
        outcome=Outcome.NOT_YET_COMPETENT,
        action_plan="Practise glove changes with Grace.",
    )
    assert signed.signature.meaning == SignatureMeaning.ASSESSED_NOT_YET_COMPETENT
    assert not Competence.objects.exists()


def test_only_the_requested_assessor_with_current_supervision_signs(
    workplace, make_user
):
    assessment = requested(workplace)
    other_trainer = make_user("Trainer", organisation=workplace.organisation)
    AccreditationFactory(person=other_trainer, areas=[workplace.competency.area])
    with pytest.raises(WorkplaceAssessmentRefused):
        sign(assessment, other_trainer)
    Supervision.objects.filter(trainer=workplace.trainer).update(
        ends_on=assessment.created_at.date()
    )
    with pytest.raises(WorkplaceAssessmentRefused):
        sign(assessment, workplace.trainer)
    assert not ElectronicSignature.objects.exists()


def test_an_expired_accreditation_cannot_sign(workplace):
    assessment = requested(workplace)
    Accreditation.objects.filter(person=workplace.trainer).update(
        expires_on=assessment.created_at.date()
    )
    with pytest.raises(WorkplaceAssessmentRefused):
        sign(assessment, workplace.trainer)


def test_a_signed_record_cannot_be_signed_again(workplace):
    assessment = requested(workplace)
    sign(assessment, workplace.trainer)
    with pytest.raises(WorkplaceAssessmentRefused):
        sign(
            assessment,
            workplace.trainer,
            outcome=Outcome.NOT_YET_COMPETENT,
            action_plan="x",
        )
    assert ElectronicSignature.objects.count() == 1


def test_editing_the_stored_content_breaks_verification(workplace):
    signed = sign(requested(workplace), workplace.trainer)
    signed.criteria.filter(position=1).update(comment="Changed afterwards")
    signed = WorkplaceAssessment.objects.get(pk=signed.pk)
    assert signatures_verified(signed) is False


def test_countersign_by_a_second_accredited_person_then_award(workplace, make_user):
    type(workplace.template).objects.filter(pk=workplace.template.pk).update(
        countersign_required=True
    )
    assessment = requested(workplace)
    assert assessment.countersign_required
    signed = sign(assessment, workplace.trainer)
    assert signed.status == AssessmentStatus.AWAITING_COUNTERSIGN
    assert not Competence.objects.exists()
    with pytest.raises(WorkplaceAssessmentRefused):
        countersign_assessment(
            assessment=signed, countersigner=workplace.trainer, password=PASSWORD
        )
    with pytest.raises(WorkplaceAssessmentRefused):
        countersign_assessment(
            assessment=signed, countersigner=workplace.trainee, password=PASSWORD
        )
    second = make_user("Trainer", organisation=workplace.organisation)
    AccreditationFactory(person=second, areas=[workplace.competency.area])
    done = countersign_assessment(
        assessment=signed, countersigner=second, password=PASSWORD
    )
    assert done.status == AssessmentStatus.COMPLETE
    assert done.countersignature.meaning == SignatureMeaning.COUNTERSIGNED
    assert signatures_verified(done) is True
    competence = Competence.objects.get(holder=workplace.trainee)
    assert competence.evidence["workplace_assessment"]["countersignature_id"] == (
        done.countersignature_id
    )
    assert "assessments.workplace_assessment_countersigned" in actions()


def test_correction_is_a_new_record_with_a_reason(workplace):
    original = sign(requested(workplace), workplace.trainer)
    with pytest.raises(ValidationError):
        start_correction(original=original, assessor=workplace.trainer, reason=" ")
    correction = start_correction(
        original=original, assessor=workplace.trainer, reason="Wrong criterion result."
    )
    assert correction.corrects_id == original.pk
    assert correction.status == AssessmentStatus.REQUESTED
    assert correction.evidence.count() == 1
    signed = sign(
        correction,
        workplace.trainer,
        outcome=Outcome.NOT_YET_COMPETENT,
        action_plan="Repeat.",
    )
    assert signed.signature.content_hash != original.signature.content_hash
    original.refresh_from_db()
    assert original.status == AssessmentStatus.COMPLETE
    assert signatures_verified(original) is True
    assert "assessments.workplace_correction_started" in actions()
    with pytest.raises(WorkplaceAssessmentRefused):
        start_correction(original=original, assessor=workplace.trainer, reason="Again")


def test_a_correction_to_not_yet_competent_suspends_the_competence(workplace):
    original = sign(requested(workplace), workplace.trainer)
    competence = Competence.objects.get(
        holder=workplace.trainee, competency=workplace.competency
    )
    assert competence.status == CompetenceStatus.CURRENT
    correction = start_correction(
        original=original, assessor=workplace.trainer, reason="Aseptic breach missed."
    )
    sign(correction, workplace.trainer, Outcome.NOT_YET_COMPETENT, "Repeat.")
    competence.refresh_from_db()
    assert competence.status == CompetenceStatus.SUSPENDED
    suspension = competence.events.order_by("-id").first()
    assert suspension.kind == CompetenceEventKind.SUSPENDED
    assert "Aseptic breach missed." in suspension.reason
    assert suspension.signature.printed_name == workplace.trainer.full_name


def test_a_competent_correction_leaves_the_competence_held(workplace):
    original = sign(requested(workplace), workplace.trainer)
    correction = start_correction(
        original=original, assessor=workplace.trainer, reason="Typo in a comment."
    )
    sign(correction, workplace.trainer)
    competence = Competence.objects.get(
        holder=workplace.trainee, competency=workplace.competency
    )
    assert competence.status == CompetenceStatus.CURRENT
    assert competence.evidence["workplace_assessment"]["assessment_id"] == correction.pk


def test_evidence_only_from_the_trainee_before_the_request(workplace):
    assessment = requested(workplace)
    with pytest.raises(WorkplaceAssessmentRefused):
        add_evidence(
            assessment=assessment, uploaded_by=workplace.trainee, upload=pdf_upload()
        )
    assert EvidenceFile.objects.count() == 1


def test_refused_evidence_stores_no_row_and_no_file(workplace, private_storage):
    assessment = start_workplace_assessment(
        trainee=workplace.trainee, competency=workplace.competency
    )
    with pytest.raises(ValidationError):
        add_evidence(
            assessment=assessment,
            uploaded_by=workplace.trainee,
            upload=pdf_upload(content=b"<html><script>alert(1)</script></html>"),
        )
    assert not EvidenceFile.objects.exists()
    folder = private_storage / "workplace-evidence"
    assert not folder.exists() or not any(folder.iterdir())


def test_stored_evidence_is_outside_media_and_hashed(
    workplace, private_storage, settings
):
    assessment = start_workplace_assessment(
        trainee=workplace.trainee, competency=workplace.competency
    )
    evidence = add_evidence(
        assessment=assessment, uploaded_by=workplace.trainee, upload=pdf_upload()
    )
    stored = private_storage / "workplace-evidence" / evidence.stored_name
    assert stored.exists()
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))
    assert evidence.content_type == "application/pdf"
    assert evidence.stored_name.endswith(".pdf")


def test_supervision_by_another_trainer_is_not_enough(workplace, make_user):
    outsider = make_user("Trainer")
    SupervisionFactory(trainer=outsider, trainee=workplace.trainee)
    sync_record_access(user=outsider, trainee=workplace.trainee)
    with pytest.raises(ValidationError):
        requested(workplace, assessor=outsider)


def one_not_met(assessment):
    results = all_met(assessment)
    results[1] = (CriterionResult.NOT_MET, "Missed the second hand wash.")
    return results


@pytest.mark.parametrize(
    "results",
    [one_not_met, lambda a: dict.fromkeys(all_met(a), ("not_met", ""))],
    ids=["one-not-met", "every-criterion-not-met"],
)
def test_competent_with_a_criterion_not_met_needs_a_reason_and_stores_nothing(
    workplace, results
):
    assessment = requested(workplace)
    with pytest.raises(ValidationError) as refused:
        sign_off_assessment(
            assessment=assessment,
            assessor=workplace.trainer,
            results=results(assessment),
            outcome=Outcome.COMPETENT,
            action_plan="",
            password=PASSWORD,
        )
    assert "override_reason" in refused.value.error_dict
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.REQUESTED
    assert assessment.outcome == ""
    assert not assessment.criteria.exclude(result="").exists()
    assert not ElectronicSignature.objects.exists()
    assert not Competence.objects.exists()


def test_a_written_override_reason_is_signed_with_the_record(workplace):
    assessment = requested(workplace)
    signed = sign_off_assessment(
        assessment=assessment,
        assessor=workplace.trainer,
        results=one_not_met(assessment),
        outcome=Outcome.COMPETENT,
        action_plan="",
        override_reason="  The wash was repeated at once, correctly, unprompted.  ",
        password=PASSWORD,
    )
    assert signed.competent_override_reason == (
        "The wash was repeated at once, correctly, unprompted."
    )
    assert signed_content(signed)["competent_override_reason"] == (
        signed.competent_override_reason
    )
    assert signatures_verified(signed)
    # The reason is part of what was signed: editing it breaks the signature.
    WorkplaceAssessment.objects.filter(pk=signed.pk).update(
        competent_override_reason="Fine."
    )
    signed.refresh_from_db()
    assert signatures_verified(signed) is False


def test_without_a_criterion_not_met_no_override_is_kept_or_signed(workplace):
    assessment = requested(workplace)
    signed = sign_off_assessment(
        assessment=assessment,
        assessor=workplace.trainer,
        results=all_met(assessment),
        outcome=Outcome.COMPETENT,
        action_plan="",
        override_reason="Not needed.",
        password=PASSWORD,
    )
    assert signed.competent_override_reason == ""
    # Records signed before overrides existed have no such key, and still verify.
    assert "competent_override_reason" not in signed_content(signed)
    assert signatures_verified(signed)
