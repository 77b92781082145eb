"""Forms of the network. Choices are limited to what the user may act on; an id from
outside that set is rejected with a message saying what to choose instead."""

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from academy.forms import ModelMultipleChoiceField, NHSFormMixin
from academy.models import Band, Competency, Organisation, SpecialistArea, User


class DateInput(forms.DateInput):
    """The browser's date picker, which sends and expects ISO dates."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        parts = [obj.full_name, obj.job_title]
        if obj.organisation_id:
            parts.append(obj.organisation.name)
        return ", ".join(p for p in parts if p)


def _choice_error(message: str) -> dict[str, str]:
    return {"invalid_choice": message, "required": message}


class AssignTrainerForm(NHSFormMixin, forms.Form):
    trainee = PersonChoiceField(
        queryset=User.objects.none(), label="Trainee", empty_label="Choose a trainee"
    )
    trainer = PersonChoiceField(
        queryset=User.objects.none(),
        label="Trainer",
        empty_label="Choose a trainer",
        help_text="Trainers from your organisation or another in the same region.",
    )
    starts_on = forms.DateField(
        label="Start date", widget=DateInput, initial=timezone.localdate
    )

    def __init__(
        self, *args, trainees: QuerySet, trainers: QuerySet, org_name: str, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["trainee"].queryset = trainees
        self.fields["trainee"].error_messages.update(
            _choice_error(f"Choose a trainee who works at {org_name}")
        )
        self.fields["trainer"].queryset = trainers
        self.fields["trainer"].error_messages.update(
            _choice_error("Choose a trainer from your organisation or region")
        )
        self.fields["starts_on"].error_messages.update(
            required="Enter the start date", invalid="Enter a real start date"
        )

    def clean_starts_on(self):
        starts_on = self.cleaned_data["starts_on"]
        if starts_on > timezone.localdate():
            raise forms.ValidationError("The start date must be today or in the past")
        return starts_on


class GrantAccreditationForm(NHSFormMixin, forms.Form):
    person = PersonChoiceField(
        queryset=User.objects.none(),
        label="Assessor",
        empty_label="Choose a member of staff",
        help_text="Anyone on your staff. Someone who is not yet a trainer becomes one "
        "when you accredit them.",
    )
    competencies = ModelMultipleChoiceField(
        queryset=Competency.objects.filter(live=True).select_related("area"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Competencies they may assess",
    )
    areas = ModelMultipleChoiceField(
        queryset=SpecialistArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Whole specialist areas they may assess",
    )
    band_from = forms.TypedChoiceField(
        choices=Band.choices, coerce=int, initial=Band.BAND_2, label="Lowest band"
    )
    band_to = forms.TypedChoiceField(
        choices=Band.choices, coerce=int, initial=Band.BAND_8A, label="Highest band"
    )
    starts_on = forms.DateField(
        label="Start date", widget=DateInput, initial=timezone.localdate
    )
    expires_on = forms.DateField(label="Expiry date", widget=DateInput)
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Reason",
        help_text="For example: completed local assessor training on 3 March.",
        error_messages={"required": "Give the reason for the accreditation"},
    )

    # The page's order, which the error summary follows: whole areas come first.
    field_order = ["person", "areas", "competencies"]

    def __init__(self, *args, people: QuerySet, org_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].error_messages.update(
            _choice_error(f"Choose a member of staff who works at {org_name}")
        )
        self.fields["competencies"].error_messages["invalid_choice"] = (
            "Choose competencies from the framework"
        )
        self.fields["expires_on"].error_messages.update(
            required="Enter the expiry date", invalid="Enter a real expiry date"
        )

    def clean(self):
        data = super().clean()
        if not data.get("competencies") and not data.get("areas"):
            self.add_error("competencies", "Choose at least one competency or area")
        starts, expires = data.get("starts_on"), data.get("expires_on")
        if starts and expires and expires <= starts:
            self.add_error("expires_on", "The expiry date must be after the start date")
        low, high = data.get("band_from"), data.get("band_to")
        if low and high and low > high:
            self.add_error("band_to", "The highest band must not be below the lowest")
        return data


class DirectorySearchForm(NHSFormMixin, forms.Form):
    area = forms.ModelChoiceField(
        queryset=SpecialistArea.objects.all(),
        required=False,
        empty_label="Any area",
        label="Specialist area",
    )
    competency = forms.ModelChoiceField(
        queryset=Competency.objects.filter(live=True),
        required=False,
        empty_label="Any competency",
        label="May assess",
    )
    band = forms.TypedChoiceField(
        choices=[("", "Any band"), *Band.choices],
        coerce=int,
        required=False,
        empty_value=None,
        label="Band",
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(),
        required=False,
        empty_label="Any organisation",
        label="Organisation",
    )
    region = forms.ChoiceField(required=False, label="Region or network")
    mentoring = forms.BooleanField(
        required=False, label="Only people offering mentoring"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = (
            Organisation.objects.order_by("region")
            .values_list("region", flat=True)
            .distinct()
        )
        self.fields["region"].choices = [("", "Any region"), *((r, r) for r in regions)]
        for name in ("area", "competency", "organisation", "region", "band"):
            self.fields[name].error_messages["invalid_choice"] = (
                "Choose one of the options listed"
            )


class DirectoryProfileForm(NHSFormMixin, forms.Form):
    listed = forms.BooleanField(
        required=False, label="Show me in the network directory"
    )
    offers_mentoring = forms.BooleanField(required=False, label="I offer mentoring")
    expertise = ModelMultipleChoiceField(
        queryset=SpecialistArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Areas of expertise",
    )
    work_summary = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="About your work",
        help_text="Work details only, such as the units and processes you know. "
        "Do not include personal or contact details.",
    )


class MentorshipRequestForm(NHSFormMixin, forms.Form):
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        label="What would you like help with?",
        error_messages={"required": "Say what you would like help with"},
    )


class MentorNoteForm(NHSFormMixin, forms.Form):
    written_on = forms.DateField(
        label="Date of the conversation", widget=DateInput, initial=timezone.localdate
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Note",
        error_messages={"required": "Enter the note"},
    )

    def clean_written_on(self):
        written_on = self.cleaned_data["written_on"]
        if written_on > timezone.localdate():
            raise forms.ValidationError("The date must be today or in the past")
        return written_on
