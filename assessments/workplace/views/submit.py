"""One service call for a valid form, run the same way on every workplace page."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from academy.signatures import SignatureRejected
from academy.views import signed_out_after_signing_block
from assessments.workplace.evidence import WorkplaceAssessmentRefused


def submit(
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
