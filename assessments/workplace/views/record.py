"""The workplace record page and its evidence files, and what every workplace page
shares: finding the record, and the way back."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from academy.models import User
from assessments.models import AssessmentStatus, EvidenceFile, WorkplaceAssessment
from assessments.workplace.evidence import open_evidence
from assessments.workplace.evidence_rules import stored_download_name
from assessments.workplace.forms import EvidenceForm, SignOffRequestForm
from assessments.workplace.policies import (
    may_correct,
    may_countersign,
    may_see_assessment,
)
from assessments.workplace.services.content import signatures_verified
from passport.models import Competence
from trainers.permissions import can_assess, trainers_of


def _crumbs(*extra: dict) -> list[dict]:
    """The way back to the trainee's workplace assessments, then `extra`."""
    return [
        {"label": "Workplace assessments", "url": reverse("assessments:workplace")},
        *extra,
    ]


def queue_crumb() -> dict:
    """The way back to the assessor's sign-off queue."""
    return {"label": "Sign-off queue", "url": reverse("assessments:sign_off_queue")}


def assessment_or_404(pk: int) -> WorkplaceAssessment:
    """The record with what its pages show; the caller asks the workplace policy."""
    return get_object_or_404(
        WorkplaceAssessment.objects.select_related(
            "trainee__organisation",
            "competency",
            "assessor",
            "signature",
            "countersignature",
            "corrects",
        ),
        pk=pk,
    )


def _visible_assessment(request: HttpRequest, pk: int) -> WorkplaceAssessment:
    """The record, if the workplace policy lets the user see it; anyone else gets 404."""
    assessment = assessment_or_404(pk)
    if not may_see_assessment(request.user, assessment):
        raise Http404("No such workplace assessment")
    return assessment


def assessors_to_ask(assessment: WorkplaceAssessment):
    """The trainee's trainers who may assess the competency: those they may ask."""
    trainers = trainers_of(assessment.trainee)
    allowed = [
        person.pk
        for person in trainers
        if can_assess(person, assessment.trainee, assessment.competency)
    ]
    return User.objects.filter(pk__in=allowed).order_by("full_name")


def record_page(
    request, assessment, *, evidence_form=None, request_form=None, status=200
):
    """The record page; while it is the trainee's draft, with the forms to upload
    evidence and ask for sign-off."""
    competence = None
    if assessment.status == AssessmentStatus.COMPLETE:
        competence = Competence.objects.filter(
            holder=assessment.trainee, competency=assessment.competency
        ).first()
    is_trainee = assessment.trainee_id == request.user.pk
    is_draft = assessment.status == AssessmentStatus.DRAFT
    if is_trainee and is_draft:
        evidence_form = evidence_form or EvidenceForm()
        request_form = request_form or SignOffRequestForm(
            assessors=assessors_to_ask(assessment)
        )
    corrected_by = WorkplaceAssessment.objects.filter(corrects=assessment).first()
    return render(
        request,
        "assessments/workplace/assessment.html",
        {
            "assessment": assessment,
            "criteria": assessment.criteria.all(),
            "evidence": assessment.evidence.all(),
            "is_trainee": is_trainee,
            "evidence_form": evidence_form if is_trainee and is_draft else None,
            "request_form": request_form if is_trainee and is_draft else None,
            "verified": signatures_verified(assessment),
            "competence": competence,
            "corrected_by": corrected_by,
            "can_sign": assessment.status == AssessmentStatus.REQUESTED
            and assessment.assessor_id == request.user.pk,
            "can_countersign": may_countersign(request.user, assessment),
            "can_correct": corrected_by is None
            and may_correct(request.user, assessment),
            "crumbs": _crumbs() if is_trainee else [queue_crumb()],
        },
        status=status,
    )


@login_required
def assessment_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The record: checklist, evidence, reflection, outcome and its signatures."""
    return record_page(request, _visible_assessment(request, pk))


@login_required
def evidence_view(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    """Serve an evidence file only to those who may see the record, as a download."""
    assessment = _visible_assessment(request, pk)
    evidence = get_object_or_404(EvidenceFile, pk=evidence_pk, assessment=assessment)
    evidence.assessment = assessment
    try:
        handle = open_evidence(evidence=evidence, viewer=request.user)
    except FileNotFoundError as missing:
        raise Http404("The stored file is missing") from missing
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=stored_download_name(
            evidence.original_name, content_type=evidence.content_type
        ),
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response
