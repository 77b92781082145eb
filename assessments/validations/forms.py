"""Forms a trainer fills in to record a process validation result and sign it with
their password. Dates are checked against the same rules the service applies."""

from django import forms
from django.conf import settings
from django.utils import timezone

from academy.forms import NHSFormMixin
from assessments.models import ProcessValidation, ValidationKind
from assessments.validations.rules import result_date_errors
from assessments.validations.services import result_fields


class DateInput(forms.DateInput):
    """The browser's date picker, which sends and expects ISO dates."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _date(label: str, **kwargs) -> forms.DateField:
    name = label.lower()
    return forms.DateField(
        label=label,
        widget=DateInput,
        error_messages={
            "required": f"Enter the {name}",
            "invalid": f"Enter a real {name}",
        },
        **kwargs,
    )


def _count(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=999,
        help_text="Colony-forming units (cfu) counted on the plate. Enter 0 for no growth.",
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": "Enter the count as a whole number, such as 0",
            "min_value": "The count cannot be less than 0",
            "max_value": "Enter a count of 999 or less",
        },
    )


def _yes_no(label: str, *, yes: str, no: str, message: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[("pass", yes), ("fail", no)],
        coerce=lambda value: value == "pass",
        widget=forms.RadioSelect,
        error_messages={"required": message},
    )


class ValidationResultForm(NHSFormMixin, forms.Form):
    """The fields every result has, the signer's password and, for a correction, the
    reason. Subclasses add the fields of their kind."""

    kind: str = ""
    performed_on = _date("Date of the test")
    read_on = _date("Date the result was read")
    read_by = forms.CharField(
        label="Result read by",
        max_length=150,
        help_text="Full name of the person who read the result.",
        error_messages={"required": "Enter the name of the person who read the result"},
    )
    notes = forms.CharField(
        label="Notes (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Re-enter your password to sign this result as accurate.",
        error_messages={"required": "Enter your password to sign the result"},
    )

    def __init__(self, *args, correcting: ProcessValidation | None = None, **kwargs):
        if correcting is not None:
            kwargs.setdefault("initial", self.initial_from(correcting))
        super().__init__(*args, **kwargs)
        if correcting is not None:
            self.fields["correction_reason"] = forms.CharField(
                label="Reason for the correction",
                widget=forms.Textarea(attrs={"rows": 3, "class": "nhsuk-textarea"}),
                error_messages={"required": "Give the reason for the correction"},
            )
        self.order_fields([*result_fields(self.kind), "correction_reason", "password"])

    @staticmethod
    def initial_from(record: ProcessValidation) -> dict:
        initial = {name: getattr(record, name) for name in result_fields(record.kind)}
        for name in ("passed", "visual_passed"):
            if name in initial and initial[name] is not None:
                initial[name] = "pass" if initial[name] else "fail"
        return initial

    def clean(self):
        cleaned = super().clean()
        errors = result_date_errors(
            performed_on=cleaned.get("performed_on"),
            read_on=cleaned.get("read_on"),
            incubation_started_on=cleaned.get("incubation_started_on"),
            incubation_days=(
                settings.ACADEMY_BROTH_INCUBATION_DAYS
                if self.kind == ValidationKind.BROTH_TRANSFER
                else 0
            ),
            today=timezone.localdate(),
        )
        for name, message in errors.items():
            if name not in self.errors:
                self.add_error(name, message)
        return cleaned

    def result(self) -> dict:
        """The result's fields, for `record_validation`."""
        return {name: self.cleaned_data.get(name) for name in result_fields(self.kind)}


class BrothTransferForm(ValidationResultForm):
    kind = ValidationKind.BROTH_TRANSFER
    kit = forms.CharField(
        label="Broth transfer kit",
        max_length=100,
        help_text="For example, the universal operator broth transfer kit.",
        error_messages={"required": "Enter the broth transfer kit"},
    )
    lot_number = forms.CharField(
        label="Kit lot number",
        max_length=50,
        error_messages={"required": "Enter the kit lot number"},
    )
    manipulations = forms.CharField(
        label="Manipulations",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The transfers made, for example vial to syringe to bag.",
        error_messages={"required": "Enter the manipulations made"},
    )
    incubation_started_on = _date("Incubation start date")
    passed = _yes_no(
        "Result",
        yes="No growth in any unit: pass",
        no="Growth (turbidity) in a unit: fail",
        message="Choose the result of the broth transfer test",
    )


class GowningForm(ValidationResultForm):
    kind = ValidationKind.GOWNING
    visual_passed = _yes_no(
        "Visual assessment of gowning",
        yes="Pass",
        no="Fail",
        message="Choose the result of the visual assessment",
    )
    left_glove_cfu = _count("Left glove print count")
    right_glove_cfu = _count("Right glove print count")
    gown_cfu = _count("Highest gown contact plate count")


class FingerDabForm(ValidationResultForm):
    kind = ValidationKind.FINGER_DAB
    performed_on = _date("Date of the session")
    left_glove_cfu = _count("Left hand finger dab count")
    right_glove_cfu = _count("Right hand finger dab count")


RESULT_FORMS: dict[str, type[ValidationResultForm]] = {
    form.kind: form for form in (BrothTransferForm, GowningForm, FingerDabForm)
}
