"""A second assessor countersigns a competent outcome."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from assessments.workplace.forms import CountersignForm
from assessments.workplace.policies import may_countersign
from assessments.workplace.services.countersign import countersign_assessment
from assessments.workplace.views.record import assessment_or_404, queue_crumb
from assessments.workplace.views.submit import submit


@login_required
def countersign_view(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = assessment_or_404(pk)
    if not may_countersign(request.user, assessment):
        raise Http404("Nothing to countersign")
    form = CountersignForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            done = submit(
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
            "crumbs": [queue_crumb()],
        },
        status=status,
    )
