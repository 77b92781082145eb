"""Pages of process validation: the operator's own validations, and the forms a
trainer who may assess the operator uses to record and correct results (else 404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from academy.models import SignatureMeaning, User
from academy.signatures import SignatureRejected
from academy.views import report_wrong_signing_password, signed_out_after_signing_block
from assessments.models import ProcessValidation, ValidationKind
from assessments.validations.forms import RESULT_FORMS, ValidationResultForm
from assessments.validations.policies import may_record_validations
from assessments.validations.queries import operator_validations
from assessments.validations.services import record_validation


@login_required
def my_validations(request: HttpRequest) -> HttpResponse:
    """The operator's status on each kind, whether they may work unsupervised, and
    every result recorded for them."""
    return render(
        request,
        "assessments/validations/my_validations.html",
        {"validations": operator_validations(request.user, today=timezone.localdate())},
    )


def _save(
    request: HttpRequest,
    form: ValidationResultForm,
    *,
    operator: User,
    corrects: ProcessValidation | None = None,
) -> ProcessValidation | HttpResponse | None:
    """Record and sign the result with the password re-entered on the form; on a wrong
    password or bad input, explain on the form, all in one round (the password that
    blocks the account's signing signs the person out instead, and its response is
    returned)."""
    if not form.is_valid():
        return report_wrong_signing_password(
            request,
            form,
            record=corrects or operator,
            meaning=SignatureMeaning.CORRECTION
            if corrects
            else SignatureMeaning.RESULT_RECORDED,
        )
    try:
        return record_validation(
            operator=operator,
            kind=form.kind,
            recorded_by=request.user,
            result=form.result(),
            corrects=corrects,
            correction_reason=form.cleaned_data.get("correction_reason", ""),
            password=form.cleaned_data["password"],
        )
    except SignatureRejected as error:
        signed_out = signed_out_after_signing_block(request, error)
        if signed_out is not None:
            return signed_out
        form.add_error("password", str(error))
        return None
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, problems in error.error_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            form.add_error(None, error)
        return None


def _done(request: HttpRequest, record: ProcessValidation) -> HttpResponse:
    messages.success(
        request,
        f"{record.get_kind_display()} recorded for {record.operator.full_name}: "
        f"{record.outcome_label.lower()}.",
    )
    return redirect("trainers:trainee_record", pk=record.operator_id)


def _render_form(request, form, *, operator, kind, corrects=None) -> HttpResponse:
    return render(
        request,
        "assessments/validations/record.html",
        {
            "form": form,
            "operator": operator,
            "kind_label": ValidationKind(kind).label,
            "corrects": corrects,
            "crumbs": [
                {
                    "label": operator.full_name,
                    "url": reverse("trainers:trainee_record", args=[operator.pk]),
                }
            ],
        },
    )


@login_required
def record_result(request: HttpRequest, operator_id: int, kind: str) -> HttpResponse:
    """A trainer records one result for an operator they may assess."""
    if kind not in RESULT_FORMS:
        raise Http404("No such kind of validation")
    operator = get_object_or_404(User, pk=operator_id, is_active=True)
    if not may_record_validations(request.user, operator, kind):
        raise Http404("No such operator")
    form = RESULT_FORMS[kind](request.POST if request.method == "POST" else None)
    if request.method == "POST":
        record = _save(request, form, operator=operator)
        if isinstance(record, HttpResponse):
            return record
        if record is not None:
            return _done(request, record)
    return _render_form(request, form, operator=operator, kind=kind)


@login_required
def correct_result(request: HttpRequest, pk: int) -> HttpResponse:
    """A correction is a new signed result that names the one it corrects and why."""
    corrects = get_object_or_404(
        ProcessValidation.objects.select_related("operator"), pk=pk
    )
    operator = corrects.operator
    if not may_record_validations(request.user, operator, corrects.kind):
        raise Http404("No such operator")
    if ProcessValidation.objects.filter(corrects=corrects).exists():
        messages.error(request, "This result has already been corrected.")
        return redirect("trainers:trainee_record", pk=operator.pk)
    form = RESULT_FORMS[corrects.kind](
        request.POST if request.method == "POST" else None, correcting=corrects
    )
    if request.method == "POST":
        record = _save(request, form, operator=operator, corrects=corrects)
        if isinstance(record, HttpResponse):
            return record
        if record is not None:
            return _done(request, record)
    return _render_form(
        request, form, operator=operator, kind=corrects.kind, corrects=corrects
    )
