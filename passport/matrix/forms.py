"""Filters of the competence matrix: a GET form that works without JavaScript."""

from django import forms

from academy.forms import NHSFormMixin
from academy.models import Band, SpecialistArea
from passport.competences.status import STATUS_WORDS


class MatrixFilterForm(NHSFormMixin, forms.Form):
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
    status = forms.ChoiceField(
        choices=[
            ("", "Any status"),
            *((status.value, words.label) for status, words in STATUS_WORDS.items()),
        ],
        required=False,
        label="Staff with a competency that is",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, what in (
            ("area", "a specialist area"),
            ("band", "a band"),
            ("status", "a status"),
        ):
            self.fields[name].error_messages["invalid_choice"] = (
                f"Choose {what} from the list"
            )

    def filters(self) -> dict:
        """The chosen filters, or none when the form is not valid."""
        if not self.is_valid():
            return {"area": None, "band": None, "status": None}
        return {
            "area": self.cleaned_data["area"],
            "band": self.cleaned_data["band"],
            "status": self.cleaned_data["status"] or None,
        }
