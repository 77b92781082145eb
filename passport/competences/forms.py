"""The moderator's decision to suspend or revoke a competence."""

from django import forms


class WithdrawCompetenceForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        help_text="Recorded with your signature and shown in the competence's history.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Give the reason for this decision."},
    )
    password = forms.CharField(
        label="Your password",
        help_text="Re-enter your password to sign this decision.",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        strip=False,
        error_messages={"required": "Enter your password to sign."},
    )
