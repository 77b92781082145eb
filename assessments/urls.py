from django.urls import path

from assessments.knowledge import views as knowledge
from assessments.validations import views as validations
from assessments.workplace.views import correction as workplace_correction
from assessments.workplace.views import countersign as workplace_countersign
from assessments.workplace.views import record as workplace_record
from assessments.workplace.views import request as workplace_request
from assessments.workplace.views import sign_off as workplace_sign_off

app_name = "assessments"

urlpatterns = [
    path("", knowledge.my_assessments_view, name="my_assessments"),
    path(
        "modules/<int:module_id>/",
        knowledge.module_assessment,
        name="module_assessment",
    ),
    path(
        "modules/<int:module_id>/start/",
        knowledge.start_attempt_view,
        name="start_attempt",
    ),
    path("attempts/<int:pk>/", knowledge.attempt_view, name="attempt"),
    path("attempts/<int:pk>/autosave/", knowledge.autosave_view, name="autosave"),
    path(
        "attempts/<int:pk>/check/",
        knowledge.check_answers_view,
        name="check_answers",
    ),
    path("attempts/<int:pk>/result/", knowledge.result_view, name="result"),
    path("validations/", validations.my_validations, name="my_validations"),
    path(
        "validations/operators/<int:operator_id>/<slug:kind>/",
        validations.record_result,
        name="record_validation",
    ),
    path(
        "validations/<int:pk>/correct/",
        validations.correct_result,
        name="correct_validation",
    ),
]

urlpatterns += [
    path("workplace/", workplace_request.my_workplace_view, name="workplace"),
    path(
        "workplace/start/<int:competency_id>/",
        workplace_request.start_view,
        name="workplace_start",
    ),
    path("workplace/queue/", workplace_sign_off.queue_view, name="sign_off_queue"),
    path(
        "workplace/<int:pk>/",
        workplace_record.assessment_view,
        name="workplace_assessment",
    ),
    path(
        "workplace/<int:pk>/evidence/",
        workplace_request.upload_evidence_view,
        name="workplace_upload",
    ),
    path(
        "workplace/<int:pk>/evidence/<int:evidence_pk>/",
        workplace_record.evidence_view,
        name="workplace_evidence",
    ),
    path(
        "workplace/<int:pk>/request/",
        workplace_request.request_view,
        name="workplace_request",
    ),
    path(
        "workplace/<int:pk>/sign/", workplace_sign_off.sign_view, name="workplace_sign"
    ),
    path(
        "workplace/<int:pk>/signed/",
        workplace_sign_off.signed_view,
        name="workplace_signed",
    ),
    path(
        "workplace/<int:pk>/countersign/",
        workplace_countersign.countersign_view,
        name="workplace_countersign",
    ),
    path(
        "workplace/<int:pk>/correct/",
        workplace_correction.correction_view,
        name="workplace_correct",
    ),
]
