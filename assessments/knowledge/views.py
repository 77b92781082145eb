"""Pages of knowledge assessments for trainees: their own attempts only, else 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from assessments.knowledge.feedback import (
    feedback_permitted,
    result_lines,
    topics_to_revise,
    wrong_questions,
)
from assessments.knowledge.forms import AnswerSheet
from assessments.knowledge.queries import (
    assessment_overview,
    my_assessments,
    what_the_pass_counts_towards,
)
from assessments.knowledge.services import (
    GRACE,
    AttemptNotAllowed,
    accepts_answers,
    close_attempt_at_deadline,
    save_responses,
    start_attempt,
    submit_attempt,
)
from assessments.models import Attempt
from courses.models import ModulePage


def _live_module(module_id: int) -> ModulePage:
    module = ModulePage.objects.live().filter(pk=module_id).first()
    if module is None:
        raise Http404("No such published module")
    return module


def _own_attempt(request: HttpRequest, pk: int) -> Attempt:
    return get_object_or_404(
        Attempt.objects.select_related("module"), pk=pk, trainee=request.user
    )


def _crumbs(module: ModulePage) -> list[dict]:
    return [
        {"label": "My assessments", "url": reverse("assessments:my_assessments")},
        {
            "label": module.title,
            "url": reverse("assessments:module_assessment", args=[module.pk]),
        },
    ]


@login_required
def my_assessments_view(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "assessments/my_assessments.html",
        {"overviews": my_assessments(request.user)},
    )


@login_required
def module_assessment(request: HttpRequest, module_id: int) -> HttpResponse:
    """The module's assessment: its rules, whether it is unlocked, and attempt history."""
    module = _live_module(module_id)
    overview = assessment_overview(request.user, module=module)
    if overview is None:
        raise Http404("This module has no knowledge assessment")
    return render(
        request,
        "assessments/module_assessment.html",
        {
            "overview": overview,
            "module": module,
            "crumbs": [
                {
                    "label": "My assessments",
                    "url": reverse("assessments:my_assessments"),
                }
            ],
        },
    )


@require_POST
@login_required
def start_attempt_view(request: HttpRequest, module_id: int) -> HttpResponse:
    module = _live_module(module_id)
    try:
        attempt = start_attempt(request.user, module=module)
    except AttemptNotAllowed as error:
        messages.error(request, str(error))
        return redirect("assessments:module_assessment", module_id=module.pk)
    return redirect("assessments:attempt", pk=attempt.pk)


def _closed_redirect(request: HttpRequest, attempt: Attempt) -> HttpResponse | None:
    """Send a closed (or newly overdue) attempt to its result page."""
    now = timezone.now()
    if attempt.is_open and not accepts_answers(attempt, now=now):
        attempt = close_attempt_at_deadline(attempt.pk, now=now)
        messages.warning(
            request,
            "The time limit has passed. Answers saved before it have been marked.",
        )
    if not attempt.is_open:
        return redirect("assessments:result", pk=attempt.pk)
    return None


def _time_left(attempt: Attempt) -> int:
    """Whole seconds to the server's deadline, for the countdown (never below 0)."""
    return max(0, int((attempt.deadline - timezone.now()).total_seconds()))


def _render_sheet(request, attempt: Attempt, sheet: AnswerSheet) -> HttpResponse:
    return render(
        request,
        "assessments/attempt.html",
        {
            "attempt": attempt,
            "sheet": sheet,
            "module": attempt.module,
            "crumbs": _crumbs(attempt.module),
            "grace_seconds": int(GRACE.total_seconds()),
            "seconds_left": _time_left(attempt),
        },
    )


@login_required
def attempt_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Answer the drawn questions; save to continue later, or go on to check the
    answers before the one final submission."""
    attempt = _own_attempt(request, pk)
    closed = _closed_redirect(request, attempt)
    if closed is not None:
        return closed
    if request.method != "POST":
        return _render_sheet(
            request,
            attempt,
            AnswerSheet.from_saved(attempt.snapshot, attempt.responses),
        )
    sheet = AnswerSheet.from_post(attempt.snapshot, request.POST)
    if not save_responses(attempt, responses=sheet.responses, keep=set(sheet.errors)):
        return _closed_redirect(request, attempt) or redirect(
            "assessments:result", pk=attempt.pk
        )
    if not sheet.is_valid:
        return _render_sheet(request, attempt, sheet)
    # "check" (and "submit" from a page served before the check step existed) go on
    # to "Check your answers": nothing is submitted from this page.
    if request.POST.get("action") in ("check", "submit"):
        return redirect("assessments:check_answers", pk=attempt.pk)
    messages.success(
        request,
        "Your answers have been saved. Come back to finish before "
        f"{timezone.localtime(attempt.deadline):%H:%M on %d %B %Y}.",
    )
    return redirect("assessments:module_assessment", module_id=attempt.module_id)


@login_required
def check_answers_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Check your answers: every answer given, the questions left unanswered with
    links back to them, and the final submission, confirmed here and only here."""
    attempt = _own_attempt(request, pk)
    closed = _closed_redirect(request, attempt)
    if closed is not None:
        return closed
    if request.method == "POST":
        submit_attempt(attempt)
        return redirect("assessments:result", pk=attempt.pk)
    sheet = AnswerSheet.from_saved(attempt.snapshot, attempt.responses)
    return render(
        request,
        "assessments/check_answers.html",
        {
            "attempt": attempt,
            "sheet": sheet,
            "unanswered": sheet.unanswered,
            "module": attempt.module,
            "crumbs": _crumbs(attempt.module),
            "seconds_left": _time_left(attempt),
        },
    )


@require_POST
@login_required
def autosave_view(request: HttpRequest, pk: int) -> JsonResponse:
    """Save as the trainee goes (progressive enhancement): the answers only, no marks."""
    attempt = _own_attempt(request, pk)
    sheet = AnswerSheet.from_post(attempt.snapshot, request.POST)
    saved = save_responses(attempt, responses=sheet.responses, keep=set(sheet.errors))
    return JsonResponse(
        {
            "saved": saved,
            "saved_at": timezone.localtime(attempt.last_saved_at).strftime("%H:%M:%S")
            if saved
            else None,
            "errors": list(sheet.errors.values()),
        },
        status=200 if saved else 409,
    )


@login_required
def result_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Score, pass or fail, what a pass awarded or counts towards, and the feedback
    the module's policy permits."""
    attempt = _own_attempt(request, pk)
    if attempt.is_open:
        closed = _closed_redirect(request, attempt)
        if closed is None:
            return redirect("assessments:attempt", pk=attempt.pk)
        attempt = _own_attempt(request, pk)
    correct = dict(attempt.answers.values_list("question_id", "correct"))
    permitted = feedback_permitted(
        policy=attempt.feedback_policy, passed=attempt.passed
    )
    met = what_the_pass_counts_towards(attempt)
    return render(
        request,
        "assessments/result.html",
        {
            "attempt": attempt,
            "module": attempt.module,
            "crumbs": _crumbs(attempt.module),
            "awarded": [line for line in met if line.certificate is not None],
            "counts_towards": [line for line in met if line.certificate is None],
            "feedback_shown": permitted,
            "lines": result_lines(attempt.snapshot, attempt.responses, correct)
            if permitted
            else [],
            "topics": topics_to_revise(attempt.snapshot, correct),
            "wrong": []
            if permitted
            else wrong_questions(attempt.snapshot, attempt.responses, correct),
        },
    )
