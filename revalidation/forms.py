"""Forms of the revalidation portfolio. They check what a person typed; the rules
about dates and completeness are the services' (`PortfolioError`), shown beside the
field they name."""

from django import forms

from academy.forms import DateInputField, NHSFormMixin
from revalidation.models import RevalidationStandard


def _date(label: str, *, subject: str, required: bool = True, help_text: str = ""):
    """NHS.UK's date input (Day, Month and Year boxes), its errors naming `subject`."""
    return DateInputField(
        label=label, subject=subject, required=required, help_text=help_text
    )


def _text(label: str, *, required: bool = True, help_text: str = "", rows: int = 4):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Enter {label[0].lower()}{label[1:]}"},
    )


class PortfolioForm(NHSFormMixin, forms.Form):
    """Shows a service's refusal beside the field it names."""

    def add_portfolio_error(self, error) -> None:
        self.add_error(
            error.field if error.field in self.fields else None, error.message
        )


class StartYearForm(PortfolioForm):
    renewal_date = _date(
        "Renewal date",
        subject="renewal date",
        help_text="Your GPhC registration renewal date. Your records for the year are "
        "due by then.",
    )


class PlanRecordForm(PortfolioForm):
    what = _text(
        "What you are planning to learn",
        help_text="For example a module, a course, reading or shadowing a colleague.",
    )
    why_relevant = _text("Why it is relevant to your practice")


class UnplannedRecordForm(PortfolioForm):
    what = _text("What you learned")


class CompleteRecordForm(PortfolioForm):
    what = _text("What you learned")
    learned_on = _date(
        "Date of the learning",
        subject="date of the learning",
        required=False,
        help_text="For example, 15 3 2026",
    )
    how = _text(
        "How you learned", required=False, help_text="What you did, and with whom."
    )
    benefit = _text(
        "The benefit to people using services",
        required=False,
        rows=6,
        help_text="In your own words: what you now do differently and how it helps "
        "patients and the people who use your services. Without it the record stays "
        "a draft and does not count.",
    )
    evidence = _text(
        "Evidence",
        required=False,
        rows=3,
        help_text="Where the evidence of the learning can be found, if anywhere.",
    )


class ExceptionalCircumstancesForm(PortfolioForm):
    reduced_cpd_records = forms.TypedChoiceField(
        label="CPD records the GPhC agreed for this year",
        choices=[
            ("", "The usual 4 (no exceptional circumstances)"),
            ("3", "3"),
            ("2", "2"),
            ("1", "1"),
            ("0", "None"),
        ],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": "Choose a number of CPD records from the list"
        },
    )
    reason = _text(
        "The exceptional circumstances",
        required=False,
        help_text="For example long-term illness or parental leave, as agreed with "
        "the GPhC.",
    )


class PeerDiscussionForm(PortfolioForm):
    peer_name = forms.CharField(
        label="The peer's name",
        max_length=150,
        error_messages={"required": "Enter the peer's name"},
    )
    peer_role = forms.CharField(
        label="The peer's role",
        max_length=150,
        help_text="For example 'Senior pharmacist, aseptic services'.",
        error_messages={"required": "Enter the peer's role"},
    )
    discussed_on = _date(
        "Date of the discussion",
        subject="date of the discussion",
        help_text="For example, 15 3 2026",
    )
    what_changed = _text("What changed in your practice as a result", rows=6)


class ReflectiveAccountForm(PortfolioForm):
    standards = forms.ModelMultipleChoiceField(
        queryset=RevalidationStandard.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Standards your account addresses",
        help_text="The standards the GPhC set for this year. Choose one or more.",
        error_messages={
            "required": "Choose at least one standard",
            "invalid_choice": "Choose standards set for this year",
        },
    )
    account = _text("Your reflective account", rows=10)

    def __init__(self, *args, standards, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["standards"].queryset = standards
