"""Forms of recognition of prior competence: presenting a credential, and choosing
whose competence it is."""

from django import forms

from academy.forms import NHSFormMixin
from academy.models import User

MAX_CREDENTIAL_BYTES = 200_000


class CredentialForm(NHSFormMixin, forms.Form):
    """A credential pasted as text or uploaded as the file the holder downloaded."""

    credential = forms.CharField(
        label="Paste the credential",
        help_text="The text of the .jwt file, starting with eyJ.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
    )
    credential_file = forms.FileField(
        label="Or upload the credential file",
        help_text="The .jwt file the holder downloaded from their skills passport.",
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("credential_file")
        if upload:
            if upload.size > MAX_CREDENTIAL_BYTES:
                raise forms.ValidationError("The file is too large to be a credential.")
            try:
                cleaned["credential"] = upload.read().decode("utf-8").strip()
            except UnicodeDecodeError as error:
                raise forms.ValidationError(
                    "The file is not a credential: choose the .jwt file."
                ) from error
        cleaned["credential"] = (cleaned.get("credential") or "").strip()
        if not cleaned["credential"]:
            self.add_error("credential", "Paste the credential or upload its file.")
        return cleaned


class RecognitionForm(NHSFormMixin, forms.Form):
    """The member of staff the checked credential belongs to."""

    credential = forms.CharField(widget=forms.HiddenInput)
    person = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label="Who is recognised",
        help_text="Only your staff whose e-mail address the credential was issued "
        "to are listed.",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the member of staff."},
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = staff
        self.fields["person"].label_from_instance = lambda person: (
            f"{person.full_name} ({person.email})"
        )
