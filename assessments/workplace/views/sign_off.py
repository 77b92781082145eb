"""The assessor's side of sign-off: their queue, recording and signing the checklist,
and the confirmation that leads to the next request."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from academy.views import report_wrong_signing_password
from assessments.models import AssessmentStatus
from assessments.workplace.forms import AssessorSignOffForm
from assessments.workplace.policies import may_see_signing_confirmation, may_sign_off
from assessments.workplace.queries import countersign_queue, sign_off_queue
from assessments.workplace.services.content import signatures_verified
from assessments.workplace.services.sign_off import (
    SIGN_OFF_MEANINGS,
    sign_off_assessment,
)
from assessments.workplace.views.record import assessment_or_404, queue_crumb
from assessments.workplace.views.submit import submit


@login_required
def queue_view(request: HttpRequest) -> HttpResponse:
    """The assessor's requests to sign off, and outcomes waiting to be countersigned."""
    return render(
        request,
        "assessments/workplace/queue.html",
        {
            "requests": sign_off_queue(request.user),
            "countersign": countersign_queue(request.user),
        },
    )


@login_required
def sign_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The requested assessor records each criterion and the outcome, and signs."""
    assessment = assessment_or_404(pk)
    if not may_sign_off(request.user, assessment):
        raise Http404("No such sign-off request")
    if assessment.status != AssessmentStatus.REQUESTED:
        messages.error(request, "This assessment has been signed; it cannot change.")
        return redirect("assessments:workplace_assessment", pk)
    criteria = assessment.criteria.all()
    form = AssessorSignOffForm(
        request.POST if request.method == "POST" else None, criteria=criteria
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            done = submit(
                request,
                form,
                lambda: sign_off_assessment(
                    assessment=assessment,
                    assessor=request.user,
                    results=form.results(),
                    outcome=form.cleaned_data["outcome"],
                    action_plan=form.cleaned_data["action_plan"],
                    override_reason=form.cleaned_data["override_reason"],
                    password=form.cleaned_data["password"],
                ),
                record_pk=pk,
                then=lambda signed: redirect("assessments:workplace_signed", signed.pk),
            )
            if done is not None:
                return done
        else:
            signed_out = report_wrong_signing_password(
                request,
                form,
                record=assessment,
                meaning=SIGN_OFF_MEANINGS.get(form.data.get("outcome"), "sign_off"),
            )
            if signed_out is not None:
                return signed_out
    return render(
        request,
        "assessments/workplace/sign.html",
        {
            "assessment": assessment,
            "form": form,
            "evidence": assessment.evidence.all(),
            "crumbs": [queue_crumb()],
        },
        status=status,
    )


@login_required
def signed_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The assessor's confirmation that their signature is on the record, and the next
    request waiting in their queue."""
    assessment = assessment_or_404(pk)
    if not may_see_signing_confirmation(request.user, assessment):
        raise Http404("No such signed record")
    return render(
        request,
        "assessments/workplace/signed.html",
        {
            "assessment": assessment,
            "verified": signatures_verified(assessment),
            "next_request": sign_off_queue(request.user).first(),
            "crumbs": [queue_crumb()],
        },
    )
