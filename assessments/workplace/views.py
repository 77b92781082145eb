"""Pages of workplace assessments for trainees and assessors. Whoever may not see a
record gets 404, never a hint that it exists; signed records are never changed."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from academy.models import Competency, User
from academy.signatures import SignatureRejected
from academy.views import report_wrong_signing_password, signed_out_after_signing_block
from assessments.models import AssessmentStatus, EvidenceFile, WorkplaceAssessment
from assessments.workplace.evidence import (
    WorkplaceAssessmentRefused,
    add_evidence,
    open_evidence,
)
from assessments.workplace.evidence_rules import stored_download_name
from assessments.workplace.forms import (
    AssessorSignOffForm,
    CorrectionForm,
    CountersignForm,
    EvidenceForm,
    SignOffRequestForm,
)
from assessments.workplace.policies import (
    may_correct,
    may_countersign,
    may_see_assessment,
    may_see_signing_confirmation,
    may_sign_off,
)
from assessments.workplace.queries import (
    countersign_queue,
    my_workplace_assessments,
    sign_off_queue,
    workplace_items_to_start,
)
from assessments.workplace.services.content import signatures_verified
from assessments.workplace.services.correction import start_correction
from assessments.workplace.services.countersign import countersign_assessment
from assessments.workplace.services.request import (
    request_sign_off,
    start_workplace_assessment,
)
from assessments.workplace.services.sign_off import (
    SIGN_OFF_MEANINGS,
    sign_off_assessment,
)
from passport.models import Competence
from trainers.permissions import can_assess, trainers_of


def _crumbs(*extra: dict) -> list[dict]:
    return [
        {"label": "Workplace assessments", "url": reverse("assessments:workplace")},
        *extra,
    ]


def _assessment(pk: int) -> WorkplaceAssessment:
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
    assessment = _assessment(pk)
    if not may_see_assessment(request.user, assessment):
        raise Http404("No such workplace assessment")
    return assessment


def _own_draft(request: HttpRequest, pk: int) -> WorkplaceAssessment:
    return get_object_or_404(
        WorkplaceAssessment.objects.select_related("trainee", "competency"),
        pk=pk,
        trainee=request.user,
    )


def _assessors_for(assessment: WorkplaceAssessment):
    trainers = trainers_of(assessment.trainee)
    allowed = [
        person.pk
        for person in trainers
        if can_assess(person, assessment.trainee, assessment.competency)
    ]
    return User.objects.filter(pk__in=allowed).order_by("full_name")


def _submit(
    request: HttpRequest,
    form: forms.Form,
    call: Callable[[], Any],
    *,
    record_pk: int,
    success: str = "",
    then: Callable[[Any], HttpResponse] | None = None,
    refusal_on_form: bool = False,
) -> HttpResponse | None:
    """Run one service call for a valid form, the same way on every page here.

    Done: `success` is flashed and the user goes back to the record (or `then(result)`).
    A wrong signing password or input the service refuses: the errors go on the form
    and None is returned, for the page to show the form again (the password that
    blocks the account's signing signs the person out instead). A step no longer
    allowed (the record moved on, or the person may not act): a message and back to
    the record, or a form error when `refusal_on_form`.
    """
    try:
        result = call()
    except SignatureRejected as rejected:
        signed_out = signed_out_after_signing_block(request, rejected)
        if signed_out is not None:
            return signed_out
        form.add_error("password", str(rejected))
    except ValidationError as error:
        form.add_error(None, error)
    except WorkplaceAssessmentRefused as refusal:
        if not refusal_on_form:
            messages.error(request, str(refusal))
            return redirect("assessments:workplace_assessment", record_pk)
        form.add_error(None, str(refusal))
    else:
        if success:
            messages.success(request, success)
        if then is not None:
            return then(result)
        return redirect("assessments:workplace_assessment", record_pk)
    return None


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


def _page(request, assessment, *, evidence_form=None, request_form=None, status=200):
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
            assessors=_assessors_for(assessment)
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
            "crumbs": _crumbs() if is_trainee else [_queue_crumb()],
        },
        status=status,
    )


@login_required
def assessment_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The record: checklist, evidence, reflection, outcome and its signatures."""
    return _page(request, _visible_assessment(request, pk))


@login_required
@require_POST
def upload_evidence_view(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _own_draft(request, pk)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        done = _submit(
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
    return _page(request, assessment, evidence_form=form, status=400)


@login_required
@require_POST
def request_view(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _own_draft(request, pk)
    form = SignOffRequestForm(request.POST, assessors=_assessors_for(assessment))
    if form.is_valid():
        done = _submit(
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
    return _page(request, assessment, request_form=form, status=400)


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


def _queue_crumb() -> dict:
    return {"label": "Sign-off queue", "url": reverse("assessments:sign_off_queue")}


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
    assessment = _assessment(pk)
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
            done = _submit(
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
            "crumbs": [_queue_crumb()],
        },
        status=status,
    )


@login_required
def signed_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The assessor's confirmation that their signature is on the record, and the next
    request waiting in their queue."""
    assessment = _assessment(pk)
    if not may_see_signing_confirmation(request.user, assessment):
        raise Http404("No such signed record")
    return render(
        request,
        "assessments/workplace/signed.html",
        {
            "assessment": assessment,
            "verified": signatures_verified(assessment),
            "next_request": sign_off_queue(request.user).first(),
            "crumbs": [_queue_crumb()],
        },
    )


@login_required
def countersign_view(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(pk)
    if not may_countersign(request.user, assessment):
        raise Http404("Nothing to countersign")
    form = CountersignForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            done = _submit(
                request,
                form,
                lambda: countersign_assessment(
                    assessment=assessment,
                    countersigner=request.user,
                    password=form.cleaned_data["password"],
                ),
                record_pk=pk,
                success="You have countersigned the assessment.",
            )
            if done is not None:
                return done
    return render(
        request,
        "assessments/workplace/countersign.html",
        {
            "assessment": assessment,
            "criteria": assessment.criteria.all(),
            "form": form,
            "crumbs": [_queue_crumb()],
        },
        status=status,
    )


@login_required
def correction_view(request: HttpRequest, pk: int) -> HttpResponse:
    """An assessor corrects a signed record by starting a new one that refers to it."""
    assessment = _assessment(pk)
    if not may_correct(request.user, assessment):
        raise Http404("No such signed record")
    form = CorrectionForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            done = _submit(
                request,
                form,
                lambda: start_correction(
                    original=assessment,
                    assessor=request.user,
                    reason=form.cleaned_data["reason"],
                ),
                record_pk=pk,
                then=lambda correction: redirect(
                    "assessments:workplace_sign", correction.pk
                ),
                refusal_on_form=True,
            )
            if done is not None:
                return done
    return render(
        request,
        "assessments/workplace/correction.html",
        {"assessment": assessment, "form": form, "crumbs": [_queue_crumb()]},
        status=status,
    )
