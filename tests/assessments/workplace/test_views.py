"""Pages of workplace assessments: who sees what, bad input, signing and tampering."""

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from academy.models import AuditEvent, ElectronicSignature
from assessments.models import (
    AssessmentStatus,
    EvidenceFile,
    WorkplaceAssessment,
)
from assessments.workplace.evidence import add_evidence
from assessments.workplace.services.request import (
    request_sign_off,
    start_workplace_assessment,
)
from tests.conftest import PASSWORD
from tests.factories.academy import CompetencyFactory
from tests.factories.passport import TrainingPlanItemFactory
from tests.factories.trainers import AccreditationFactory
from tests.factories.workplace import PDF, make_template, pdf_upload


@pytest.fixture
def draft(workplace):
    return start_workplace_assessment(
        trainee=workplace.trainee, competency=workplace.competency
    )


@pytest.fixture
def requested(workplace, draft):
    add_evidence(assessment=draft, uploaded_by=workplace.trainee, upload=pdf_upload())
    return request_sign_off(
        assessment=draft,
        assessor=workplace.trainer,
        reflection="<script>alert('x')</script> I washed my hands.",
    )


def sign_data(assessment, *, password=PASSWORD, outcome="competent"):
    data = {"outcome": outcome, "password": password, "action_plan": ""}
    for criterion in assessment.criteria.all():
        data[f"result_{criterion.position}"] = "met"
        data[f"comment_{criterion.position}"] = "Seen"
    return data


def url(name, *args):
    return reverse(f"assessments:{name}", args=args)


def test_trainee_list_and_start(client, workplace, django_assert_max_num_queries):
    client.force_login(workplace.trainee)
    with django_assert_max_num_queries(12):
        response = client.get(url("workplace"))
    assert workplace.competency.code in response.content.decode()
    response = client.post(url("workplace_start", workplace.competency.pk))
    assessment = WorkplaceAssessment.objects.get()
    assert response.url == url("workplace_assessment", assessment.pk)


def test_start_outside_the_plan_is_404(client, workplace):
    other = CompetencyFactory()
    make_template(other)
    client.force_login(workplace.trainee)
    assert client.post(url("workplace_start", other.pk)).status_code == 404


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile(
                "notes.pdf", b"<!DOCTYPE html><html><body>x</body></html>"
            ),
            "must be a PDF",
        ),
        (
            SimpleUploadedFile(
                "drawing.pdf", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'
            ),
            "must be a PDF",
        ),
        (SimpleUploadedFile("big.pdf", PDF + b"0" * 2048), "smaller than"),
        (None, "Select a file to upload"),
    ],
)
def test_bad_evidence_is_refused_and_stores_nothing(
    client, workplace, draft, settings, private_storage, upload, message
):
    settings.WORKPLACE_EVIDENCE_MAX_BYTES = 1024 * 1024 // 1024  # 1 KB
    client.force_login(workplace.trainee)
    data = {"file": upload} if upload else {}
    response = client.post(url("workplace_upload", draft.pk), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not EvidenceFile.objects.exists()
    folder = private_storage / "workplace-evidence"
    assert not folder.exists() or not any(folder.iterdir())


def test_trainee_uploads_and_requests(client, workplace, draft):
    client.force_login(workplace.trainee)
    response = client.post(url("workplace_upload", draft.pk), {"file": pdf_upload()})
    assert response.status_code == 302
    response = client.post(url("workplace_request", draft.pk), {})
    assert response.status_code == 400
    response = client.post(
        url("workplace_request", draft.pk),
        {"assessor": workplace.trainer.pk, "reflection": "Went well."},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == AssessmentStatus.REQUESTED
    page = client.get(url("workplace")).content.decode()
    mine = page[page.index("<h2>Your workplace assessments</h2>") :]
    assert "Your workplace assessments</caption>" in mine
    assert f'href="{url("workplace_assessment", draft.pk)}"' in mine
    assert "Waiting for sign-off" in mine


def test_reflection_is_shown_as_text(client, workplace, requested):
    client.force_login(workplace.trainee)
    page = client.get(url("workplace_assessment", requested.pk)).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<script>alert('x')</script>" not in page


def test_evidence_is_served_privately_and_each_view_audited(
    client, workplace, requested
):
    evidence = requested.evidence.get()
    client.force_login(workplace.trainer)
    response = client.get(url("workplace_evidence", requested.pk, evidence.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert (
        AuditEvent.objects.filter(
            action="assessments.workplace_evidence_viewed"
        ).count()
        == 1
    )


def test_a_trainer_of_another_organisation_gets_404(
    client, workplace, requested, make_user
):
    outsider = make_user("Trainer")
    AccreditationFactory(person=outsider, areas=[workplace.competency.area])
    evidence = requested.evidence.get()
    client.force_login(outsider)
    for address in (
        url("workplace_assessment", requested.pk),
        url("workplace_evidence", requested.pk, evidence.pk),
        url("workplace_sign", requested.pk),
        url("workplace_countersign", requested.pk),
        url("workplace_correct", requested.pk),
    ):
        assert client.get(address).status_code == 404, address
    assert (
        client.post(
            url("workplace_sign", requested.pk), sign_data(requested)
        ).status_code
        == 404
    )
    assert not AuditEvent.objects.filter(
        action="assessments.workplace_evidence_viewed"
    ).exists()


def test_another_trainee_gets_404(client, workplace, requested, make_user):
    client.force_login(make_user("Trainee", organisation=workplace.organisation))
    assert client.get(url("workplace_assessment", requested.pk)).status_code == 404
    assert client.post(url("workplace_upload", requested.pk), {}).status_code == 404


def test_queue_lists_requests_with_few_queries(
    client, workplace, requested, django_assert_max_num_queries
):
    client.force_login(workplace.trainer)
    with django_assert_max_num_queries(10):
        response = client.get(url("sign_off_queue"))
    assert workplace.trainee.full_name in response.content.decode()


def test_wrong_password_is_audited_and_stores_nothing(client, workplace, requested):
    client.force_login(workplace.trainer)
    page = client.get(url("workplace_sign", requested.pk)).content.decode()
    assert 'autocomplete="current-password"' in page
    assert "Assessed as competent" in page
    response = client.post(
        url("workplace_sign", requested.pk), sign_data(requested, password="wrong")
    )
    assert response.status_code == 400
    assert "password you entered is not correct" in response.content.decode()
    requested.refresh_from_db()
    assert requested.status == AssessmentStatus.REQUESTED
    assert not requested.criteria.exclude(result="").exists()
    assert not ElectronicSignature.objects.exists()
    assert AuditEvent.objects.filter(action="academy.signature_rejected").count() == 1


def test_sign_then_record_is_read_only_and_verified(client, workplace, requested):
    client.force_login(workplace.trainer)
    response = client.post(url("workplace_sign", requested.pk), sign_data(requested))
    assert response.status_code == 302
    requested.refresh_from_db()
    assert requested.status == AssessmentStatus.COMPLETE
    again = client.post(
        url("workplace_sign", requested.pk),
        sign_data(requested, outcome="not_yet_competent"),
    )
    assert again.status_code == 302
    requested.refresh_from_db()
    assert requested.outcome == "competent"
    assert ElectronicSignature.objects.count() == 1
    client.force_login(workplace.trainee)
    page = client.get(url("workplace_assessment", requested.pk)).content.decode()
    assert "Signature verified" in page
    assert "Expires on" in page or "No expiry date" in page


def test_tampering_with_a_signed_record_shows_a_mismatch(client, workplace, requested):
    client.force_login(workplace.trainer)
    client.post(url("workplace_sign", requested.pk), sign_data(requested))
    requested.criteria.filter(position=1).update(comment="Edited in the database")
    page = client.get(url("workplace_assessment", requested.pk)).content.decode()
    assert "Signature does not match the record" in page
    assert "Signature verified" not in page


def test_correction_needs_a_reason(client, workplace, requested):
    client.force_login(workplace.trainer)
    client.post(url("workplace_sign", requested.pk), sign_data(requested))
    response = client.post(url("workplace_correct", requested.pk), {"reason": ""})
    assert response.status_code == 400
    response = client.post(
        url("workplace_correct", requested.pk), {"reason": "Wrong result recorded."}
    )
    correction = WorkplaceAssessment.objects.get(corrects=requested)
    assert response.url == url("workplace_sign", correction.pk)


def test_admin_is_inspect_only(client, workplace, requested, make_user):
    admin = make_user(is_superuser=True, is_staff=True)
    client.force_login(admin)
    index = reverse("workplace_assessments:index")
    assert client.get(index).status_code == 200
    inspect = reverse("workplace_assessments:inspect", args=[requested.pk])
    assert client.get(inspect).status_code == 200
    edit = reverse("workplace_assessments:edit", args=[requested.pk])
    assert client.post(edit, {"reflection": "changed"}).status_code in (302, 403)
    requested.refresh_from_db()
    assert requested.reflection.endswith("I washed my hands.")


def test_trainer_with_a_planned_competency_outside_accreditation_is_not_offered(
    client, workplace
):
    other = CompetencyFactory(
        area__code="RAD", area__name="Radiopharmacy", area__slug="rad"
    )
    make_template(other)
    TrainingPlanItemFactory(plan=workplace.trainee.training_plan, competency=other)
    assessment = start_workplace_assessment(trainee=workplace.trainee, competency=other)
    client.force_login(workplace.trainee)
    page = client.get(url("workplace_assessment", assessment.pk)).content.decode()
    assert "None of your supervising trainers is accredited" in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_sign_offs_produce_one_signature(workplace, requested):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks need PostgreSQL (DATABASE_URL)")
    from django.db import connections
    from django.test import Client

    barrier = threading.Barrier(2)
    codes = []

    def submit():
        client = Client()
        client.force_login(workplace.trainer)
        barrier.wait()
        codes.append(
            client.post(url("workplace_sign", requested.pk), sign_data(requested))
        )
        connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert ElectronicSignature.objects.count() == 1
    assert len(codes) == 2


def test_trainer_dashboard_shows_the_sign_off_panel(client, workplace, requested):
    client.force_login(workplace.trainer)
    page = client.get(reverse("trainers:trainer_dashboard")).content.decode()
    assert "Workplace sign-off" in page
    assert url("workplace_sign", requested.pk) in page
    assert url("sign_off_queue") in page


def test_checklists_are_moderated_through_tset_review(client, workplace, make_user):
    from wagtail.models import WorkflowContentType

    from assessments.models import WorkplaceAssessmentTemplate

    assert WorkplaceAssessmentTemplate.get_default_workflow().name == "TSET review"
    assert WorkflowContentType.objects.filter(
        content_type__model="workplaceassessmenttemplate"
    ).exists()
    client.force_login(make_user("TSET editor", is_staff=True))
    index = reverse("wagtailsnippets_assessments_workplaceassessmenttemplate:list")
    assert client.get(index).status_code == 200


def test_countersign_page_needs_a_second_accredited_person_and_password(
    client, workplace, make_user
):
    from assessments.models import WorkplaceAssessmentTemplate

    WorkplaceAssessmentTemplate.objects.update(countersign_required=True)
    assessment = start_workplace_assessment(
        trainee=workplace.trainee, competency=workplace.competency
    )
    add_evidence(
        assessment=assessment, uploaded_by=workplace.trainee, upload=pdf_upload()
    )
    request_sign_off(
        assessment=assessment, assessor=workplace.trainer, reflection="Done."
    )
    client.force_login(workplace.trainer)
    client.post(url("workplace_sign", assessment.pk), sign_data(assessment))
    assert client.get(url("workplace_countersign", assessment.pk)).status_code == 404

    second = make_user("Trainer", organisation=workplace.organisation)
    AccreditationFactory(person=second, areas=[workplace.competency.area])
    client.force_login(second)
    assert (
        workplace.trainee.full_name
        in client.get(url("sign_off_queue")).content.decode()
    )
    wrong = client.post(url("workplace_countersign", assessment.pk), {"password": "no"})
    assert wrong.status_code == 400
    assert ElectronicSignature.objects.count() == 1
    done = client.post(
        url("workplace_countersign", assessment.pk), {"password": PASSWORD}
    )
    assert done.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.COMPLETE
    assert ElectronicSignature.objects.count() == 2


def test_guessing_the_signing_password_signs_the_assessor_out_and_blocks_signing(
    client, workplace, requested
):
    """Five wrong passwords: the fifth signs the assessor out; signed in again, even
    the right password is refused on the form, with the reason, until the block ends."""
    client.force_login(workplace.trainer)
    sign_url = url("workplace_sign", requested.pk)
    for _ in range(4):
        wrong = client.post(sign_url, sign_data(requested, password="guess"))
        assert wrong.status_code == 400

    fifth = client.post(sign_url, sign_data(requested, password="guess"))

    assert fifth.status_code == 302
    assert fifth.url == reverse("sign_in")
    assert not client.get(sign_url).wsgi_request.user.is_authenticated
    workplace.trainer.refresh_from_db()
    client.force_login(workplace.trainer)
    refused = client.post(sign_url, sign_data(requested))
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "nhsuk-error-summary" in page
    assert "Signing is blocked for your account" in page
    requested.refresh_from_db()
    assert requested.status == AssessmentStatus.REQUESTED
    assert not ElectronicSignature.objects.exists()
    assert AuditEvent.objects.filter(action="academy.signing_blocked").count() == 1


def test_competent_with_a_criterion_not_met_and_no_reason_is_explained_on_the_form(
    client, workplace, requested
):
    client.force_login(workplace.trainer)
    data = sign_data(requested)
    data["result_1"] = "not_met"

    response = client.post(url("workplace_sign", requested.pk), data)

    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_override_reason"' in page
    assert "give your reason for finding the trainee competent" in page
    requested.refresh_from_db()
    assert requested.status == AssessmentStatus.REQUESTED
    assert not requested.criteria.exclude(result="").exists()
    assert not ElectronicSignature.objects.exists()
    assert not AuditEvent.objects.filter(action="academy.signature_rejected").exists()
