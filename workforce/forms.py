"""Filters of the workforce dashboard: a GET form that works without JavaScript."""

from django import forms

from academy.forms import NHSFormMixin
from academy.models import Band, SpecialistArea


class DashboardFilterForm(NHSFormMixin, forms.Form):
    area = forms.ModelChoiceField(
        queryset=SpecialistArea.objects.all(),
        required=False,
        empty_label="All specialist areas",
        label="Specialist area",
    )
    band = forms.TypedChoiceField(
        choices=[("", "All bands"), *Band.choices],
        coerce=int,
        empty_value=None,
        required=False,
        label="Band",
    )
    organisation = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label="All organisations",
        label="Organisation",
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        for name, what in (
            ("area", "a specialist area"),
            ("band", "a band"),
            ("organisation", "an organisation"),
        ):
            self.fields[name].error_messages["invalid_choice"] = (
                f"Choose {what} from the list"
            )

    def filters(self) -> dict:
        """The chosen filters; none of them when the form is not valid."""
        if not self.is_bound or not self.is_valid():
            return {"area": None, "band": None, "organisation": None}
        return {
            name: self.cleaned_data[name] for name in ("area", "band", "organisation")
        }
