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

    def filter_words(self) -> list[tuple[str, str]]:
        """Each filter and what was chosen, in the words of the form's lists (all of
        them when the form is not valid), for the title of an export."""
        filters = self.filters()
        area, band, status = filters["area"], filters["band"], filters["status"]
        bands = dict(self.fields["band"].choices)
        statuses = dict(self.fields["status"].choices)
        return [
            (
                self.fields["area"].label,
                area.name if area else self.fields["area"].empty_label,
            ),
            (self.fields["band"].label, bands["" if band is None else band]),
            (self.fields["status"].label, statuses[status or ""]),
        ]

    def filters(self) -> dict:
        """The chosen filters, or none when the form is not valid."""
        if not self.is_valid():
            return {"area": None, "band": None, "status": None}
        return {
            "area": self.cleaned_data["area"],
            "band": self.cleaned_data["band"],
            "status": self.cleaned_data["status"] or None,
        }
