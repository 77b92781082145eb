"""Forms of workplace assessments: evidence, the sign-off request, the assessor's
checklist and signature, countersignature and correction."""

from django import forms
from django.conf import settings

from academy.forms import NHSFormMixin
from assessments.models import CriterionResult, Outcome
from assessments.workplace.evidence_rules import ACCEPTED_LABEL
from assessments.workplace.rules import competent_outcome_refusal

SIGNING_HINT = (
    "Enter your Academy password again to sign. Your signature records your name, "
    "role, organisation and the time."
)


class EvidenceForm(NHSFormMixin, forms.Form):
    file = forms.FileField(
        label="Upload a file", error_messages={"required": "Select a file to upload."}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = settings.WORKPLACE_EVIDENCE_MAX_BYTES // (1024 * 1024)
        self.fields[
            "file"
        ].help_text = (
            f"Upload {ACCEPTED_LABEL}. The file must be smaller than {limit} MB."
        )


class SignOffRequestForm(NHSFormMixin, forms.Form):
    assessor = forms.ModelChoiceField(
        label="Who should sign off this assessment?",
        queryset=None,
        empty_label="Choose an assessor",
        error_messages={"required": "Choose an assessor."},
    )
    reflection = forms.CharField(
        label="Your reflection",
        help_text="What you did, what went well and what you would do differently.",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        error_messages={"required": "Write your reflection on this competency."},
    )

    # The page's order, which the error summary follows.
    field_order = ["reflection", "assessor"]

    def __init__(self, *args, assessors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessor"].queryset = assessors
        self.fields["assessor"].label_from_instance = lambda person: (
            f"{person.full_name}, {person.job_title}"
        )


class PasswordField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label="Your password",
            help_text=SIGNING_HINT,
            strip=False,
            widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
            error_messages={"required": "Enter your password to sign."},
            **kwargs,
        )


class AssessorSignOffForm(NHSFormMixin, forms.Form):
    """One result and comment per criterion, the outcome and the signing password."""

    outcome = forms.ChoiceField(
        label="Outcome",
        choices=[
            (Outcome.COMPETENT, "Competent"),
            (Outcome.NOT_YET_COMPETENT, "Not yet competent"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the outcome of the assessment."},
    )
    override_reason = forms.CharField(
        label="Your reason for finding the trainee competent with a criterion not met",
        help_text="Only when you choose competent although you recorded a criterion "
        "as not met. Your reason is part of what you sign.",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    action_plan = forms.CharField(
        label="Action plan",
        help_text="Required when the trainee is not yet competent: what they do next.",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    password = PasswordField()

    def __init__(self, *args, criteria, **kwargs):
        self.criteria = list(criteria)
        super().__init__(*args, **kwargs)
        for criterion in self.criteria:
            self.fields[f"result_{criterion.position}"] = forms.ChoiceField(
                label=criterion.text,
                choices=CriterionResult.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Record a result for criterion {criterion.position}."
                },
            )
            self.fields[f"comment_{criterion.position}"] = forms.CharField(
                label=f"Comment on criterion {criterion.position}",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        # NHSFormMixin styled the fields present before; style the added ones too.
        for name, field in self.fields.items():
            if name.startswith("result_"):
                field.widget.attrs["class"] = "nhsuk-radios__input"
            elif name.startswith("comment_"):
                field.widget.attrs["class"] = "nhsuk-textarea"
        # In the page's order, so the error summary lists problems as they appear.
        self.order_fields(
            [
                *(
                    name
                    for criterion in self.criteria
                    for name in (
                        f"result_{criterion.position}",
                        f"comment_{criterion.position}",
                    )
                ),
                "outcome",
                "override_reason",
                "action_plan",
                "password",
            ]
        )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("outcome") == Outcome.NOT_YET_COMPETENT
            and not (cleaned.get("action_plan") or "").strip()
        ):
            self.add_error("action_plan", "Write the action plan for the trainee.")
        results = [
            cleaned.get(f"result_{criterion.position}") for criterion in self.criteria
        ]
        refusal = competent_outcome_refusal(
            outcome=cleaned.get("outcome") or "",
            results=results,
            override_reason=cleaned.get("override_reason") or "",
        )
        if refusal:
            self.add_error("override_reason", refusal)
        return cleaned

    def rows(self) -> list[dict]:
        return [
            {
                "criterion": criterion,
                "result": self[f"result_{criterion.position}"],
                "comment": self[f"comment_{criterion.position}"],
            }
            for criterion in self.criteria
        ]

    def results(self) -> dict[int, tuple[str, str]]:
        return {
            criterion.position: (
                self.cleaned_data[f"result_{criterion.position}"],
                self.cleaned_data[f"comment_{criterion.position}"],
            )
            for criterion in self.criteria
        }


class CountersignForm(NHSFormMixin, forms.Form):
    password = PasswordField()


class CorrectionForm(NHSFormMixin, forms.Form):
    reason = forms.CharField(
        label="Reason for the correction",
        help_text="The original record is kept; your correction refers to it.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": "Give the reason for the correction."},
    )
