"""Forms of apprenticeships. They check what a person typed; the rules about dates,
hours and who signs are the services' (`ApprenticeshipError`), shown beside the field
they name."""

from decimal import Decimal

from django import forms

from academy.forms import DateInputField, NHSFormMixin


class ApprenticeshipForm(NHSFormMixin, forms.Form):
    def add_service_error(self, error) -> None:
        self.add_error(
            error.field if error.field in self.fields else None, error.message
        )


class LogHoursForm(ApprenticeshipForm):
    activity = forms.CharField(
        label="Activity",
        max_length=200,
        help_text="For example: shadowing in the isolator room, college day.",
        error_messages={"required": "Enter the activity"},
    )
    on_date = DateInputField(
        label="Date of the activity", subject="date of the activity"
    )
    hours = forms.DecimalField(
        label="Hours",
        max_digits=4,
        decimal_places=2,
        min_value=Decimal("0.25"),
        help_text="For example 3.5",
        widget=forms.TextInput(
            attrs={"inputmode": "decimal", "class": "nhsuk-input--width-4"}
        ),
        error_messages={
            "required": "Enter the hours",
            "invalid": "Hours must be a number, like 3.5",
            "min_value": "Hours must be at least 0.25",
            "max_digits": "Hours in one day must be 24 or fewer",
            "max_decimal_places": "Hours must have at most 2 decimal places",
        },
    )
    off_the_job = forms.TypedChoiceField(
        label="Was it off the job?",
        choices=[("yes", "Yes, off-the-job training"), ("no", "No, on the job")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether it was off the job"},
    )


class ReviewForm(ApprenticeshipForm):
    held_on = DateInputField(label="Date of the review", subject="date of the review")
    progress = forms.CharField(
        label="Progress made",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the progress made"},
    )
    next_steps = forms.CharField(
        label="Next steps agreed",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the next steps agreed"},
    )
    password = forms.CharField(
        label="Your password",
        help_text="Enter your password to sign the review.",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password to sign"},
    )


class SignReviewForm(ApprenticeshipForm):
    password = forms.CharField(
        label="Your password",
        help_text="Enter your password to sign the review.",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password to sign"},
    )
