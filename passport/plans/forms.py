"""Forms of the passport app: assigning a training plan."""

from datetime import timedelta

from django import forms
from django.utils import timezone

from academy.forms import DateInputField, ModelMultipleChoiceField, NHSFormMixin
from academy.models import Band, Competency, SpecialistArea
from courses.queries.catalogue import competencies_awaiting_elearning
from passport.plans.services import coming_soon_message


class DateInput(forms.DateInput):
    """The browser's date picker, which sends and expects ISO dates."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _six_months_ahead():
    return timezone.localdate() + timedelta(days=182)


class AssignPlanForm(NHSFormMixin, forms.Form):
    area = forms.ModelChoiceField(
        queryset=SpecialistArea.objects.all(),
        required=False,
        empty_label="No pathway",
        label="Career pathway: specialist area",
        help_text="The pathway adds every competency the area and band require, "
        "including Core.",
    )
    band = forms.TypedChoiceField(
        choices=[("", "No pathway"), *Band.choices],
        coerce=int,
        empty_value=None,
        required=False,
        label="Career pathway: band",
    )
    competencies = ModelMultipleChoiceField(
        queryset=Competency.objects.filter(live=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Other competencies",
    )
    due_on = forms.DateField(
        label="Due date", widget=DateInput, initial=_six_months_ahead
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].error_messages["invalid_choice"] = (
            "Choose a specialist area from the list"
        )
        self.fields["band"].error_messages["invalid_choice"] = (
            "Choose a band from the list"
        )
        self.fields["competencies"].error_messages["invalid_choice"] = (
            "Choose competencies from the framework"
        )
        self.fields["due_on"].error_messages.update(
            required="Enter the due date", invalid="Enter a real due date"
        )

    def clean_competencies(self):
        """A competency whose e-learning is coming soon cannot be chosen."""
        chosen = self.cleaned_data["competencies"]
        waiting = competencies_awaiting_elearning(c.pk for c in chosen)
        if waiting:
            raise forms.ValidationError(
                coming_soon_message(c for c in chosen if c.pk in waiting)
            )
        return chosen

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on < timezone.localdate():
            raise forms.ValidationError("The due date must be today or in the future")
        return due_on

    def clean(self):
        data = super().clean()
        area, band = data.get("area"), data.get("band")
        if (area is None) != (band is None) and "area" not in self.errors:
            field = "band" if area is not None else "area"
            self.add_error(field, "Choose both the specialist area and the band")
        elif area is None and not data.get("competencies") and not self.errors:
            self.add_error("area", "Choose a career pathway or at least one competency")
        return data


class ChangeDueDateForm(NHSFormMixin, forms.Form):
    due_on = DateInputField(label="New due date", subject="new due date")
    reason = forms.CharField(
        label="Reason for the new date",
        help_text="The trainee is told this reason. For example: off work for six "
        "weeks; the unit's isolator is out of service until March.",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, current_due_on=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.current_due_on = current_due_on
        example = timezone.localdate() + timedelta(days=60)
        hint = f"For example, {example.day} {example.month} {example.year}"
        if current_due_on is not None:
            hint = (
                f"Currently due on {current_due_on.day} {current_due_on:%B %Y}. {hint}"
            )
        self.fields["due_on"].help_text = hint
        self.fields["reason"].error_messages.update(
            required="Give the reason for the new due date",
            max_length="The reason must be 1,000 characters or fewer",
        )

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on < timezone.localdate():
            raise forms.ValidationError("New due date must be today or in the future")
        if due_on == self.current_due_on:
            raise forms.ValidationError(
                "New due date must be different from the current one"
            )
        return due_on

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Give the reason for the new due date")
        return reason
