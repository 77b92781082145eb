"""The holder's form for a new share link."""

from datetime import timedelta

from django import forms
from django.utils import timezone

from academy.forms import NHSFormMixin
from passport.plans.forms import DateInput
from passport.sharing.services import share_expiry_error


def _three_months_ahead():
    return timezone.localdate() + timedelta(days=91)


class ShareLinkForm(NHSFormMixin, forms.Form):
    expires_on = forms.DateField(
        label="Date the link stops working",
        help_text="Up to 12 months from today. You can stop it sooner at any time.",
        widget=DateInput,
        initial=_three_months_ahead,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expires_on"].error_messages.update(
            required="Enter the date the link stops working",
            invalid="Enter a real date, for example 31 March 2027",
        )

    def clean_expires_on(self):
        expires_on = self.cleaned_data["expires_on"]
        error = share_expiry_error(expires_on, today=timezone.localdate())
        if error:
            raise forms.ValidationError(error)
        return expires_on
