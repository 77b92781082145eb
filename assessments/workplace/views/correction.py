"""An assessor corrects a signed record by starting a new one that refers to it."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from assessments.workplace.forms import CorrectionForm
from assessments.workplace.policies import may_correct
from assessments.workplace.services.correction import start_correction
from assessments.workplace.views.record import assessment_or_404, queue_crumb
from assessments.workplace.views.submit import submit


@login_required
def correction_view(request: HttpRequest, pk: int) -> HttpResponse:
    """An assessor corrects a signed record by starting a new one that refers to it."""
    assessment = assessment_or_404(pk)
    if not may_correct(request.user, assessment):
        raise Http404("No such signed record")
    form = CorrectionForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            done = submit(
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
        {"assessment": assessment, "form": form, "crumbs": [queue_crumb()]},
        status=status,
    )
