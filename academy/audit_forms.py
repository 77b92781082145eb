"""The administrator's forms for the audit trail: export it, record a review."""

from django import forms
from django.utils import timezone

from academy.audit_actions import AUDIT_ACTIONS
from academy.audit_export import AuditTrailFilters
from academy.models import AuditTrailReviewOutcome, Organisation, User

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AuditTrailExportForm(forms.Form):
    person = forms.EmailField(
        label="Person (e-mail address)",
        required=False,
        help_text="Events this person did, and events about their account.",
    )
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label="Any organisation",
        help_text="Events by the organisation's people (by their organisation now), "
        "and events about the organisation.",
    )
    action = forms.ChoiceField(
        label="Action",
        required=False,
        choices=[("", "Any action")] + [(name, name) for name in sorted(AUDIT_ACTIONS)],
        help_text="Events stored under an older name of the action are included.",
    )
    date_from = forms.DateField(
        label="From (UK date)", required=False, widget=DATE_INPUT
    )
    date_to = forms.DateField(label="To (UK date)", required=False, widget=DATE_INPUT)

    def clean_person(self) -> User | None:
        email = self.cleaned_data["person"]
        if not email:
            return None
        person = User.objects.filter(email__iexact=email).first()
        if person is None:
            raise forms.ValidationError("No one has this e-mail address.")
        return person

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", "The end date must not be before the start date.")
        return cleaned

    def filters(self) -> AuditTrailFilters:
        data = self.cleaned_data
        return AuditTrailFilters(
            person=data["person"],
            organisation=data["organisation"],
            action=data["action"],
            date_from=data["date_from"],
            date_to=data["date_to"],
        )


class AuditTrailReviewForm(forms.Form):
    covered_from = forms.DateField(
        label="Period reviewed: from (UK date)",
        widget=DATE_INPUT,
        error_messages={"required": "Enter the first day of the period reviewed."},
    )
    covered_to = forms.DateField(
        label="Period reviewed: to (UK date)",
        widget=DATE_INPUT,
        error_messages={"required": "Enter the last day of the period reviewed."},
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=AuditTrailReviewOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the outcome of the review."},
    )
    comments = forms.CharField(
        label="Comments",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What you looked at, and any issues found and what is being done "
        "about them (required when issues were found).",
    )
    password = forms.CharField(
        label="Your password",
        help_text="Re-enter your password to sign this review.",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        strip=False,
        error_messages={"required": "Enter your password to sign."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["covered_to"].widget.attrs["max"] = today.isoformat()
