"""A trainee's side: their workplace assessments, starting one, uploading evidence
and asking an assessor for sign-off."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from academy.models import Competency
from assessments.models import WorkplaceAssessment
from assessments.workplace.evidence import WorkplaceAssessmentRefused, add_evidence
from assessments.workplace.forms import EvidenceForm, SignOffRequestForm
from assessments.workplace.queries import (
    my_workplace_assessments,
    workplace_items_to_start,
)
from assessments.workplace.services.request import (
    request_sign_off,
    start_workplace_assessment,
)
from assessments.workplace.views.record import assessors_to_ask, record_page
from assessments.workplace.views.submit import submit


def _own_draft(request: HttpRequest, pk: int) -> WorkplaceAssessment:
    return get_object_or_404(
        WorkplaceAssessment.objects.select_related("trainee", "competency"),
        pk=pk,
        trainee=request.user,
    )


@login_required
def my_workplace_view(request: HttpRequest) -> HttpResponse:
    """A trainee's workplace assessments and those in their plan they can start."""
    return render(
        request,
        "assessments/workplace/my_workplace.html",
        {
            "assessments": my_workplace_assessments(request.user),
            "to_start": workplace_items_to_start(request.user),
        },
    )


@login_required
@require_POST
def start_view(request: HttpRequest, competency_id: int) -> HttpResponse:
    competency = get_object_or_404(Competency, pk=competency_id, live=True)
    try:
        assessment = start_workplace_assessment(
            trainee=request.user, competency=competency
        )
    except WorkplaceAssessmentRefused as refusal:
        raise Http404(str(refusal)) from refusal
    return redirect("assessments:workplace_assessment", assessment.pk)


@login_required
@require_POST
def upload_evidence_view(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _own_draft(request, pk)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        done = submit(
            request,
            form,
            lambda: add_evidence(
                assessment=assessment,
                uploaded_by=request.user,
                upload=form.cleaned_data["file"],
            ),
            record_pk=pk,
            success="Your evidence has been uploaded.",
        )
        if done is not None:
            return done
    return record_page(request, assessment, evidence_form=form, status=400)


@login_required
@require_POST
def request_view(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _own_draft(request, pk)
    form = SignOffRequestForm(request.POST, assessors=assessors_to_ask(assessment))
    if form.is_valid():
        done = submit(
            request,
            form,
            lambda: request_sign_off(
                assessment=assessment,
                assessor=form.cleaned_data["assessor"],
                reflection=form.cleaned_data["reflection"],
            ),
            record_pk=pk,
            success="Your request for sign-off has been sent.",
        )
        if done is not None:
            return done
    return record_page(request, assessment, request_form=form, status=400)
