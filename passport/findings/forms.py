"""The administrator's resolution of a finding about a changed signed record."""

from django import forms


class ResolveFindingForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        help_text="What you checked and found: for example, the record was restored "
        "from a verified backup, or the change is explained. Recorded in the audit "
        "trail; the competences it kept under review read as before.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        error_messages={"required": "Give the reason for resolving this finding."},
    )
