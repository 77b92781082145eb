"""Filters of the workforce dashboard (a GET form that works without JavaScript), and
the admin's forms appointing regional and national TSET leads."""

from django import forms

from academy.forms import NHSFormMixin
from academy.models import Band, Organisation, SpecialistArea, User


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


def _person(email: str) -> User:
    person = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if person is None:
        raise forms.ValidationError(
            f"No active account has the e-mail address {email.strip()}"
        )
    return person


class NationalLeadForm(forms.Form):
    """Appoint a national TSET lead by their e-mail address."""

    prefix = "national"

    email = forms.EmailField(
        label="E-mail address of the person",
        error_messages={
            "required": "Enter the e-mail address of the person to appoint",
            "invalid": "Enter an e-mail address, like name@example.nhs.uk",
        },
    )

    def clean_email(self) -> User:
        return _person(self.cleaned_data["email"])


class RegionalLeadForm(NationalLeadForm):
    """Appoint a regional lead by their e-mail address, for a region of the
    organisations."""

    prefix = "regional"
    region = forms.ChoiceField(
        label="Region",
        error_messages={
            "required": "Choose the region the regional lead will lead",
            "invalid_choice": "Choose a region from the list",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = (
            Organisation.objects.exclude(region="")
            .order_by("region")
            .values_list("region", flat=True)
            .distinct()
        )
        self.fields["region"].choices = [
            ("", "Choose a region"),
            *((region, region) for region in regions),
        ]
