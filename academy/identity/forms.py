"""The form a person confirms the link of their NHS identity with."""

from django import forms

from academy.forms import NHSFormMixin


class ConfirmLinkForm(NHSFormMixin, forms.Form):
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter the password of your Academy account"},
    )
