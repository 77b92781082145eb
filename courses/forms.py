"""Forms of the e-learning: the catalogue's filters and search."""

from django import forms

from academy.forms import NHSFormMixin
from academy.models import Band, SpecialistArea


class CatalogueFilterForm(NHSFormMixin, forms.Form):
    """Filter the catalogue by specialist area and band, and search it; all by GET."""

    q = forms.CharField(
        label="Search modules and lessons", required=False, max_length=100
    )
    area = forms.ModelChoiceField(
        label="Specialist area",
        queryset=SpecialistArea.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All specialist areas",
        error_messages={"invalid_choice": "Select a specialist area from the list"},
    )
    band = forms.TypedChoiceField(
        label="Agenda for Change band",
        choices=[("", "All bands"), *Band.choices],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Select a band from the list"},
    )
